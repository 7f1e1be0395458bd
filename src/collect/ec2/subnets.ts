/** Lists the subnets of the WorkSpaces VPCs (DescribeSubnets) and normalizes them to `subnets`. */

import { paginateDescribeSubnets, type Subnet as AwsSubnet } from "@aws-sdk/client-ec2";
import type { Subnet } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { bool, str, tagMap } from "../normalize-helpers.js";
import { inWorkspacesVpcs } from "./in-workspaces-vpcs.js";

export function normalizeSubnet(raw: AwsSubnet, where: Where): Subnet {
  return {
    id: raw.SubnetId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.Tags),
    vpcId: raw.VpcId ?? "",
    availabilityZone: raw.AvailabilityZone ?? "",
    availabilityZoneId: str(raw.AvailabilityZoneId),
    cidr: raw.CidrBlock ?? "",
    ipv6Cidrs: (raw.Ipv6CidrBlockAssociationSet ?? [])
      .filter((a) => a.Ipv6CidrBlockState?.State === undefined || a.Ipv6CidrBlockState.State === "associated")
      .map((a) => a.Ipv6CidrBlock)
      .filter((v): v is string => typeof v === "string"),
    availableIps: Math.max(0, raw.AvailableIpAddressCount ?? 0),
    mapPublicIpOnLaunch: bool(raw.MapPublicIpOnLaunch),
    assignIpv6OnCreation: bool(raw.AssignIpv6AddressOnCreation),
  };
}

export const subnetsCollector = defineCollector<"subnets", AwsSubnet[]>({
  id: "ec2.DescribeSubnets",
  kind: "list",
  collection: "subnets",
  service: "ec2",
  operation: "DescribeSubnets",
  permissions: ["ec2:DescribeSubnets"],
  stage: 2,
  fetch: (ctx) =>
    inWorkspacesVpcs(ctx, async (vpcIds) => {
      const out: AwsSubnet[] = [];
      const pages = paginateDescribeSubnets({ client: ctx.clients.ec2, pageSize: 1000 }, { Filters: [{ Name: "vpc-id", Values: vpcIds }] });
      for await (const page of pages) out.push(...(page.Subnets ?? []));
      return out;
    }),
  normalize: (raw, where) => raw.filter((s) => s.SubnetId).map((s) => normalizeSubnet(s, where)),
});
