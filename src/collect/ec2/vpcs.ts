/** Describes the WorkSpaces VPCs (DescribeVpcs) and normalizes them to `vpcs`. */

import { paginateDescribeVpcs, type Vpc as AwsVpc } from "@aws-sdk/client-ec2";
import type { Vpc } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { str, tagMap } from "../normalize-helpers.js";
import { inWorkspacesVpcs } from "./in-workspaces-vpcs.js";

export function normalizeVpc(raw: AwsVpc, where: Where): Vpc {
  const associated = (raw.CidrBlockAssociationSet ?? [])
    .filter((a) => a.CidrBlockState?.State === undefined || a.CidrBlockState.State === "associated")
    .map((a) => a.CidrBlock)
    .filter((v): v is string => typeof v === "string");
  return {
    id: raw.VpcId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.Tags),
    cidrs: associated.length > 0 ? associated : raw.CidrBlock ? [raw.CidrBlock] : [],
    isDefault: raw.IsDefault === true,
    dhcpOptionsId: str(raw.DhcpOptionsId),
    instanceTenancy: str(raw.InstanceTenancy),
  };
}

export const vpcsCollector = defineCollector<"vpcs", AwsVpc[]>({
  id: "ec2.DescribeVpcs",
  kind: "list",
  collection: "vpcs",
  service: "ec2",
  operation: "DescribeVpcs",
  permissions: ["ec2:DescribeVpcs"],
  stage: 2,
  // The VPCs' DHCP option set ids are the option sets collected.
  feeds: ["dhcpOptions"],
  fetch: (ctx) =>
    inWorkspacesVpcs(ctx, async (vpcIds) => {
      const out: AwsVpc[] = [];
      for await (const page of paginateDescribeVpcs({ client: ctx.clients.ec2, pageSize: 1000 }, { Filters: [{ Name: "vpc-id", Values: vpcIds }] })) {
        out.push(...(page.Vpcs ?? []));
      }
      return out;
    }),
  normalize: (raw, where) => raw.filter((v) => v.VpcId).map((v) => normalizeVpc(v, where)),
});
