/** Lists the security groups of the WorkSpaces VPCs (DescribeSecurityGroups) and normalizes them to `securityGroups`. */

import { paginateDescribeSecurityGroups, type SecurityGroup as AwsSecurityGroup } from "@aws-sdk/client-ec2";
import type { SecurityGroup } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { str, tagMap } from "../normalize-helpers.js";
import { inWorkspacesVpcs } from "./in-workspaces-vpcs.js";
import { normalizeSecurityGroupRule } from "./normalize-security-group-rule.js";

export function normalizeSecurityGroup(raw: AwsSecurityGroup, where: Where): SecurityGroup {
  return {
    id: raw.GroupId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.Tags),
    name: raw.GroupName ?? "",
    description: str(raw.Description),
    vpcId: str(raw.VpcId),
    ingress: (raw.IpPermissions ?? []).map(normalizeSecurityGroupRule),
    egress: (raw.IpPermissionsEgress ?? []).map(normalizeSecurityGroupRule),
  };
}

export const securityGroupsCollector = defineCollector<"securityGroups", AwsSecurityGroup[]>({
  id: "ec2.DescribeSecurityGroups",
  kind: "list",
  collection: "securityGroups",
  service: "ec2",
  operation: "DescribeSecurityGroups",
  permissions: ["ec2:DescribeSecurityGroups"],
  stage: 2,
  fetch: (ctx) =>
    inWorkspacesVpcs(ctx, async (vpcIds) => {
      const out: AwsSecurityGroup[] = [];
      const pages = paginateDescribeSecurityGroups({ client: ctx.clients.ec2, pageSize: 1000 }, { Filters: [{ Name: "vpc-id", Values: vpcIds }] });
      for await (const page of pages) out.push(...(page.SecurityGroups ?? []));
      return out;
    }),
  normalize: (raw, where) => raw.filter((g) => g.GroupId).map((g) => normalizeSecurityGroup(g, where)),
});
