/** Normalizes one EC2 IpPermission to the inventory rule shape: named protocols, explicit port ranges, flat address lists. */

import type { IpPermission } from "@aws-sdk/client-ec2";
import type { SecurityGroupRule } from "../../inventory/model.js";

const PROTOCOL_NAMES: Record<string, string> = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", icmpv6: "icmpv6" };

export function normalizeProtocol(ipProtocol: string | undefined): string {
  const p = (ipProtocol ?? "-1").toLowerCase();
  return PROTOCOL_NAMES[p] ?? p;
}

export function normalizeSecurityGroupRule(raw: IpPermission): SecurityGroupRule {
  const protocol = normalizeProtocol(raw.IpProtocol);
  let fromPort = raw.FromPort;
  let toPort = raw.ToPort;
  if (protocol === "all") {
    // "-1" means every protocol and every port; EC2 omits the ports or reports -1.
    fromPort = 0;
    toPort = 65535;
  } else if (protocol === "tcp" || protocol === "udp" || (protocol !== "icmp" && protocol !== "icmpv6")) {
    // A rule without ports covers the whole range; icmp keeps type/code as EC2 reports them (-1 = any).
    if (fromPort === undefined || fromPort === -1) fromPort = 0;
    if (toPort === undefined || toPort === -1) toPort = 65535;
  }
  return {
    protocol,
    fromPort: fromPort ?? -1,
    toPort: toPort ?? -1,
    ipv4: (raw.IpRanges ?? []).map((r) => r.CidrIp).filter((v): v is string => typeof v === "string"),
    ipv6: (raw.Ipv6Ranges ?? []).map((r) => r.CidrIpv6).filter((v): v is string => typeof v === "string"),
    prefixListIds: (raw.PrefixListIds ?? []).map((r) => r.PrefixListId).filter((v): v is string => typeof v === "string"),
    groupRefs: (raw.UserIdGroupPairs ?? []).map((r) => r.GroupId).filter((v): v is string => typeof v === "string"),
  };
}
