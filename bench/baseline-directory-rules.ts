/** Plain-TypeScript twin of the covered per-directory policy that reads the most (WS-NET-014: network ACLs towards the directory's DNS servers). */

import { allowsPort, containsIp, get, list, texts, type BaselineRule, type View } from "./baseline-helpers.js";

const hasSubnets = (r: View): boolean => texts(r, "subnetIds").length > 0;
const hasSubnetsAndDns = (r: View): boolean => hasSubnets(r) && texts(r, "dnsIps").length > 0;

interface AclTraffic {
  egress: boolean;
  protocol: string;
  fromPort: number;
  toPort: number;
}

/** WS-NET-014 for one subnet's entries, one DNS server and one required range: every port boundary is allowed before any deny. */
function aclAllows(entries: View[], d: string, q: AclTraffic): boolean {
  const points = [q.fromPort];
  for (const e of entries) {
    const from = e["fromPort"] as number;
    if (from > q.fromPort && from <= q.toPort) points.push(from);
  }
  for (const e of entries) {
    const to = e["toPort"] as number;
    if (to >= q.fromPort && to < q.toPort) points.push(to + 1);
  }
  const reaches = (e: View, action: string, port: number): boolean =>
    e["egress"] === q.egress && e["action"] === action && allowsPort(e, q.protocol, port) && e["cidr"] !== null && containsIp(e["cidr"] as string, d);
  return points.every((port) =>
    entries.some((e) => reaches(e, "allow", port) && !entries.some((f) => (f["ruleNumber"] as number) < (e["ruleNumber"] as number) && reaches(f, "deny", port))),
  );
}

export const DIRECTORY_RULES: BaselineRule[] = [
  {
    id: "WS-NET-014",
    resource: "directory",
    match: hasSubnetsAndDns,
    assert: (r, p) => {
      const dnsIps = texts(r, "dnsIps");
      const required = p["requiredTraffic"] as AclTraffic[];
      return list(r, "subnets").every((s) => {
        const entries = list(get(s, "networkAcl"), "entries");
        return dnsIps.every((d) => required.every((q) => aclAllows(entries, d, q)));
      });
    },
  },
];
