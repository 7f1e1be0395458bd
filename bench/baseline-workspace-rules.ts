/** Plain-TypeScript twins of the covered per-WorkSpace policies (security-group reachability, operations): most of the costliest ones. */

import { allowsPort, containsCidr, containsIp, get, list, obj, settled, strings, texts, type BaselineRule, type View } from "./baseline-helpers.js";

const DAY_MS = 86_400_000;
const SMB_PORTS = [135, 136, 137, 138, 139, 445];

/** The last user connection is at most `days` days before `now`. */
function usedWithin(r: View, days: number, now: Date): boolean {
  const connection = get(r, "connection");
  if (connection === null) return false;
  const last = get(connection, "lastUserConnectionAt");
  return last !== null && Date.parse(last as string) >= now.getTime() - days * DAY_MS;
}

/** An egress rule of the WorkSpace's groups reaches DNS server `d` on `protocol`/`port`, by address or by the controllers' group. */
function egressReaches(groups: View[], protocol: string, port: number, d: string, controllerGroup: string | null): boolean {
  return groups.some((g) =>
    list(g, "egress").some(
      (r) => allowsPort(r, protocol, port) && ((r["ipv4"] as string[]).some((c) => containsIp(c, d)) || (controllerGroup !== null && (r["groupRefs"] as string[]).includes(controllerGroup))),
    ),
  );
}

interface PortRange {
  protocol: string;
  fromPort: number;
  toPort: number;
}

export const WORKSPACE_RULES: BaselineRule[] = [
  { id: "WS-OPS-004", resource: "workspace", match: settled, assert: (r, p, now) => usedWithin(r, p["maxIdleDays"] as number, now) },
  {
    id: "WS-OPS-005",
    resource: "workspace",
    match: (r, p, now) => settled(r) && get(obj(r, "properties"), "runningMode") === "ALWAYS_ON" && (usedWithin(r, p["idleDays"] as number, now) || !("Skip_Convert" in obj(r, "tags"))),
    assert: (r, p, now) => usedWithin(r, p["idleDays"] as number, now),
  },
  { id: "WS-OPS-008", resource: "workspace", match: (r) => settled(r) && get(r, "ipAddress") !== null, assert: (r) => get(r, "networkInterface") !== null },
  {
    id: "WS-SG-003",
    resource: "workspace",
    match: (r) => settled(r) && get(r, "ipAddress") !== null,
    assert: (r) => {
      const dir = get(r, "directory");
      return [get(dir, "workspaceSecurityGroupId"), get(obj(dir, "creation"), "customSecurityGroupId")].every(
        (g) => g === null || texts(get(r, "networkInterface"), "groupIds").includes(g as string),
      );
    },
  },
  {
    id: "WS-SG-007",
    resource: "workspace",
    match: settled,
    assert: (r, p) => {
      const inside = [...texts(get(get(r, "subnet"), "vpc"), "cidrs"), ...strings(p, "additionalCidrs")];
      const allowedLists = strings(p, "allowedPrefixLists");
      return list(r, "securityGroups").every(
        (g) =>
          !list(g, "ingress").some(
            (rule) =>
              SMB_PORTS.some((port) => allowsPort(rule, "tcp", port) || allowsPort(rule, "udp", port)) &&
              ([...(rule["ipv4"] as string[]), ...(rule["ipv6"] as string[])].some((c) => !inside.some((v) => containsCidr(v, c))) ||
                (rule["prefixListIds"] as string[]).some((l) => !allowedLists.includes(l))),
          ),
      );
    },
  },
  {
    id: "WS-SG-008",
    resource: "workspace",
    match: (r) => settled(r) && texts(get(r, "directory"), "dnsIps").length > 0,
    assert: (r, p) => {
      const dir = get(r, "directory");
      const managedAd = get(dir, "managedAd");
      const controllerGroup = managedAd !== null ? (get(managedAd, "securityGroupId") as string | null) : null;
      const groups = list(r, "securityGroups");
      const dnsIps = texts(dir, "dnsIps");
      return (p["requiredPorts"] as PortRange[]).every((q) =>
        dnsIps.every(
          (d) =>
            egressReaches(groups, q.protocol, q.fromPort, d, controllerGroup) &&
            // Every rule ending inside the range must be continued by another rule from its next port on.
            groups.every((g0) =>
              list(g0, "egress").every((r0) => {
                const end = r0["toPort"] as number;
                return !(end >= q.fromPort && end < q.toPort) || egressReaches(groups, q.protocol, end + 1, d, controllerGroup);
              }),
            ),
        ),
      );
    },
  },
];
