/** Lists the VPC endpoints of the WorkSpaces VPCs (DescribeVpcEndpoints) and normalizes them to `vpcEndpoints`. */

import { paginateDescribeVpcEndpoints, type VpcEndpoint as AwsVpcEndpoint } from "@aws-sdk/client-ec2";
import type { VpcEndpoint } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { list, str, tagMap } from "../normalize-helpers.js";
import { inWorkspacesVpcs } from "./in-workspaces-vpcs.js";

export function normalizeVpcEndpoint(raw: AwsVpcEndpoint, where: Where): VpcEndpoint {
  return {
    id: raw.VpcEndpointId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.Tags),
    vpcId: raw.VpcId ?? "",
    serviceName: raw.ServiceName ?? "",
    type: raw.VpcEndpointType ?? "unknown",
    state: str(raw.State),
    subnetIds: list(raw.SubnetIds),
  };
}

export const vpcEndpointsCollector = defineCollector<"vpcEndpoints", AwsVpcEndpoint[]>({
  id: "ec2.DescribeVpcEndpoints",
  kind: "list",
  collection: "vpcEndpoints",
  service: "ec2",
  operation: "DescribeVpcEndpoints",
  permissions: ["ec2:DescribeVpcEndpoints"],
  stage: 2,
  fetch: (ctx) =>
    inWorkspacesVpcs(ctx, async (vpcIds) => {
      const out: AwsVpcEndpoint[] = [];
      const pages = paginateDescribeVpcEndpoints({ client: ctx.clients.ec2, pageSize: 1000 }, { Filters: [{ Name: "vpc-id", Values: vpcIds }] });
      for await (const page of pages) out.push(...(page.VpcEndpoints ?? []));
      return out;
    }),
  normalize: (raw, where) => raw.filter((e) => e.VpcEndpointId).map((e) => normalizeVpcEndpoint(e, where)),
});
