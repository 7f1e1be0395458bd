/** Plain-TypeScript equivalents of the per-WorkSpace policies added with schema 1.1 (security-group reachability, placement, operations). */

import { allowsPort, cidrOf, containsCidr, containsIp, get, list, live, obj, openToInternet, settled, strings, texts, type BaselineRule, type Params, type View } from "./baseline-helpers.js";

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
  {
    id: "WS-DIR-006",
    resource: "workspace",
    match: (r) => {
      if (!live(r)) return false;
      const bundle = get(r, "bundle");
      return get(bundle, "owner") !== "AMAZON" && get(get(bundle, "image"), "requiredTenancy") === "DEDICATED";
    },
    assert: (r) => get(get(r, "directory"), "tenancy") === "DEDICATED",
  },
  {
    id: "WS-ENC-010",
    resource: "workspace",
    match: (r, p) => {
      const approved = p["approvedKeyArns"] as Record<string, string[]>;
      return (
        Object.keys(approved).length > 0 &&
        ((get(r, "directoryId") as string) in approved || "*" in approved) &&
        live(r) &&
        (get(r, "rootVolumeEncrypted") === true || get(r, "userVolumeEncrypted") === true)
      );
    },
    assert: (r, p) => {
      const approved = p["approvedKeyArns"] as Record<string, string[]>;
      const directoryId = get(r, "directoryId") as string;
      const allowed = (directoryId in approved ? approved[directoryId] : approved["*"]) as string[];
      const key = get(r, "kmsKey");
      return allowed.includes((key !== null ? get(key, "arn") : get(r, "volumeEncryptionKey")) as string);
    },
  },
  {
    id: "WS-NET-013",
    resource: "workspace",
    match: (r) => settled(r) && get(r, "subnetId") !== null,
    assert: (r) => texts(get(r, "directory"), "subnetIds").includes(get(r, "subnetId") as string),
  },
  { id: "WS-OPS-003", resource: "workspace", match: live, assert: (r) => get(r, "state") !== "ADMIN_MAINTENANCE" },
  { id: "WS-OPS-004", resource: "workspace", match: settled, assert: (r, p, now) => usedWithin(r, p["maxIdleDays"] as number, now) },
  {
    id: "WS-OPS-005",
    resource: "workspace",
    match: (r, p, now) => settled(r) && get(obj(r, "properties"), "runningMode") === "ALWAYS_ON" && (usedWithin(r, p["idleDays"] as number, now) || !("Skip_Convert" in obj(r, "tags"))),
    assert: (r, p, now) => usedWithin(r, p["idleDays"] as number, now),
  },
  {
    id: "WS-OPS-006",
    resource: "workspace",
    match: live,
    assert: (r) => {
      const os = get(obj(r, "properties"), "operatingSystemName");
      return os !== null && os !== "WINDOWS_7";
    },
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
  {
    id: "WS-SG-009",
    resource: "workspace",
    match: (r, p) => strings(p, "restrictedDirectories").includes(get(r, "directoryId") as string) && settled(r),
    assert: (r, p) => {
      const allowed = p["allowedInternetPorts"] as number[];
      return list(r, "securityGroups").every((g) =>
        list(g, "egress").every((rule) => !openToInternet(rule) || (rule["protocol"] === "tcp" && rule["fromPort"] === rule["toPort"] && allowed.includes(rule["fromPort"] as number))),
      );
    },
  },
  {
    id: "WS-SG-010",
    resource: "workspace",
    match: (r, p: Params) =>
      settled(r) &&
      (strings(p, "internetEnabledDirectories").includes(get(r, "directoryId") as string) ||
        (p["includeElasticIpDirectories"] === true && get(obj(get(r, "directory"), "creation"), "enableInternetAccess") === true)),
    assert: (r, p) => {
      const proxies = strings(p, "proxyCidrs");
      const groups = list(r, "securityGroups");
      return (p["requiredPorts"] as number[]).every((port) =>
        groups.some((g) =>
          list(g, "egress").some((rule) => allowsPort(rule, "tcp", port) && (rule["ipv4"] as string[]).some((c) => c === "0.0.0.0/0" || proxies.some((x) => cidrOf(c).containsCidr(cidrOf(x))))),
        ),
      );
    },
  },
];
