/** Lists the network ACLs of the WorkSpaces VPCs (DescribeNetworkAcls) and normalizes them, entries shaped like security-group rules, to `networkAcls`. */

import { paginateDescribeNetworkAcls, type NetworkAcl as AwsNetworkAcl, type NetworkAclEntry as AwsNetworkAclEntry } from "@aws-sdk/client-ec2";
import type { NetworkAcl, NetworkAclEntry } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { str, tagMap } from "../normalize-helpers.js";
import { inWorkspacesVpcs } from "./in-workspaces-vpcs.js";
import { normalizeProtocol } from "./normalize-security-group-rule.js";

export function normalizeNetworkAclEntry(raw: AwsNetworkAclEntry): NetworkAclEntry {
  const protocol = normalizeProtocol(raw.Protocol);
  let fromPort: number;
  let toPort: number;
  if (protocol === "icmp" || protocol === "icmpv6") {
    // As for security-group rules, icmp keeps type and code in the port fields (-1 = any).
    fromPort = raw.IcmpTypeCode?.Type ?? -1;
    toPort = raw.IcmpTypeCode?.Code ?? -1;
  } else if (protocol === "all" || raw.PortRange?.From === undefined || raw.PortRange.To === undefined) {
    // "-1" covers every protocol and port; a tcp/udp entry without a range covers them all too.
    fromPort = 0;
    toPort = 65535;
  } else {
    fromPort = raw.PortRange.From;
    toPort = raw.PortRange.To;
  }
  return {
    ruleNumber: raw.RuleNumber ?? 0,
    egress: raw.Egress === true,
    protocol,
    fromPort,
    toPort,
    cidr: str(raw.CidrBlock),
    ipv6Cidr: str(raw.Ipv6CidrBlock),
    action: raw.RuleAction === "allow" ? "allow" : "deny",
  };
}

export function normalizeNetworkAcl(raw: AwsNetworkAcl, where: Where): NetworkAcl {
  return {
    id: raw.NetworkAclId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.Tags),
    vpcId: raw.VpcId ?? "",
    isDefault: raw.IsDefault === true,
    subnetIds: (raw.Associations ?? []).map((a) => a.SubnetId).filter((v): v is string => typeof v === "string"),
    // Rule order is what decides, so entries come out by direction, then rule number.
    entries: (raw.Entries ?? [])
      .map(normalizeNetworkAclEntry)
      .sort((a, b) => (a.egress === b.egress ? a.ruleNumber - b.ruleNumber : a.egress ? 1 : -1)),
  };
}

export const networkAclsCollector = defineCollector<"networkAcls", AwsNetworkAcl[]>({
  id: "ec2.DescribeNetworkAcls",
  kind: "list",
  collection: "networkAcls",
  service: "ec2",
  operation: "DescribeNetworkAcls",
  permissions: ["ec2:DescribeNetworkAcls"],
  stage: 2,
  fetch: (ctx) =>
    inWorkspacesVpcs(ctx, async (vpcIds) => {
      const out: AwsNetworkAcl[] = [];
      const pages = paginateDescribeNetworkAcls({ client: ctx.clients.ec2, pageSize: 1000 }, { Filters: [{ Name: "vpc-id", Values: vpcIds }] });
      for await (const page of pages) out.push(...(page.NetworkAcls ?? []));
      return out;
    }),
  normalize: (raw, where) => raw.filter((a) => a.NetworkAclId).map((a) => normalizeNetworkAcl(a, where)),
});
