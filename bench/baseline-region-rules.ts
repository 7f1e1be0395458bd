/** Plain-TypeScript twins of the covered account-region, key, image and endpoint policies (metadata leaks, RADIUS reachability, key policies, image sharing, PrivateLink). */

import { allowsPort, containsIp, get, list, memo, obj, regexes, strings, texts, type BaselineRule, type View } from "./baseline-helpers.js";

const CLOSED_ENDPOINT_STATES = ["deleted", "deleting", "rejected", "failed", "expired"];

/** A tag (as "key=value"), a description or a rule description matches a sensitive pattern. */
function tagsLeak(tags: Record<string, string>, patterns: RegExp[]): boolean {
  return Object.keys(tags).some((k) => {
    const text = `${k}=${tags[k] as string}`.toLowerCase();
    return patterns.some((re) => re.test(text));
  });
}
const textLeaks = (text: unknown, patterns: RegExp[]): boolean => text !== null && patterns.some((re) => re.test((text as string).toLowerCase()));

const interfacesByIp = new WeakMap<object, Map<string, View[]>>();

/** The account-region's interfaces by private IP, built once per account-region as hand-written code would. */
function interfacesAt(r: View, ip: string): View[] {
  const index = memo(interfacesByIp, r, () => {
    const map = new Map<string, View[]>();
    for (const e of list(r, "networkInterfaces")) for (const address of e["privateIps"] as string[]) map.set(address, [...(map.get(address) ?? []), e]);
    return map;
  });
  return index.get(ip) ?? [];
}

/** WS-SG-013 for one directory and one in-account RADIUS interface: every source admitted on the RADIUS port. */
function radiusAdmits(d: View, e: View): boolean {
  const connector = get(d, "adConnector") as View | null;
  const managedAd = get(d, "managedAd") as View | null;
  const sources = connector !== null ? texts(connector, "connectIps") : texts(d, "dnsIps");
  const sourceGroup = (connector !== null ? get(connector, "securityGroupId") : managedAd !== null ? get(managedAd, "securityGroupId") : null) as string | null;
  const configured = get(obj(d, "radius"), "port");
  const port = configured === null ? 1812 : (configured as number);
  const groups = list(e, "securityGroups");
  return (
    sources.length > 0 &&
    sources.every((s) =>
      groups.some((g) =>
        list(g, "ingress").some((rule) => allowsPort(rule, "udp", port) && ((rule["ipv4"] as string[]).some((c) => containsIp(c, s)) || (sourceGroup !== null && (rule["groupRefs"] as string[]).includes(sourceGroup)))),
      ),
    )
  );
}

export const REGION_RULES: BaselineRule[] = [
  {
    id: "WS-DATA-001",
    resource: "accountRegion",
    assert: (r, p) => {
      const patterns = regexes(p, "sensitivePatterns");
      if (list(r, "directories").some((d) => tagsLeak(obj(d, "tags") as Record<string, string>, patterns))) return false;
      if (list(r, "workspaces").some((w) => tagsLeak(obj(w, "tags") as Record<string, string>, patterns))) return false;
      return !list(r, "ipGroups").some(
        (g) =>
          tagsLeak(obj(g, "tags") as Record<string, string>, patterns) ||
          textLeaks(get(g, "description"), patterns) ||
          list(g, "rules").some((rule) => "description" in rule && textLeaks(rule["description"], patterns)),
      );
    },
  },
  {
    id: "WS-SG-013",
    resource: "accountRegion",
    match: (r) =>
      list(r, "directories").some((d) => {
        const radius = get(d, "radius");
        return radius !== null && texts(radius, "servers").some((ip) => interfacesAt(r, ip).length > 0);
      }),
    assert: (r) =>
      list(r, "directories").every((d) => {
        const radius = get(d, "radius");
        return radius === null || texts(radius, "servers").every((ip) => interfacesAt(r, ip).every((e) => radiusAdmits(d, e)));
      }),
  },
  {
    id: "WS-ENC-008",
    resource: "kmsKey",
    assert: (r, p) => list(r, "workspaces").filter((w) => w["state"] !== "TERMINATED").length < (p["warnAt"] as number),
  },
  {
    id: "WS-IMG-001",
    resource: "image",
    match: (r) => {
      const owner = get(r, "ownerAccountId");
      return owner === null || owner === r["accountId"];
    },
    assert: (r, p) => texts(r, "sharedWith").every((a) => strings(p, "trustedAccounts").includes(a)),
  },
  {
    id: "WS-FED-006",
    resource: "vpcEndpoint",
    match: (r) => (get(r, "serviceName") as string).endsWith(".workspaces"),
    assert: (r) => {
      const state = get(r, "state");
      return state !== null && CLOSED_ENDPOINT_STATES.includes((state as string).toLowerCase());
    },
  },
];
