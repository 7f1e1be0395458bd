/** Lists the NAT gateways of the WorkSpaces VPCs (DescribeNatGateways) and normalizes them to `natGateways`. */

import { paginateDescribeNatGateways, type NatGateway as AwsNatGateway } from "@aws-sdk/client-ec2";
import type { NatGateway } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { str, tagMap } from "../normalize-helpers.js";
import { inWorkspacesVpcs } from "./in-workspaces-vpcs.js";

export function normalizeNatGateway(raw: AwsNatGateway, where: Where): NatGateway {
  return {
    id: raw.NatGatewayId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.Tags),
    vpcId: raw.VpcId ?? "",
    subnetId: raw.SubnetId ?? "",
    state: raw.State ?? "unknown",
    // EC2 omits ConnectivityType on older public gateways; "public" was the only kind then.
    connectivityType: str(raw.ConnectivityType) ?? "public",
  };
}

export const natGatewaysCollector = defineCollector<"natGateways", AwsNatGateway[]>({
  id: "ec2.DescribeNatGateways",
  kind: "list",
  collection: "natGateways",
  service: "ec2",
  operation: "DescribeNatGateways",
  permissions: ["ec2:DescribeNatGateways"],
  stage: 2,
  fetch: (ctx) =>
    inWorkspacesVpcs(ctx, async (vpcIds) => {
      const out: AwsNatGateway[] = [];
      // This call names its filter list `Filter`, not `Filters`.
      const pages = paginateDescribeNatGateways({ client: ctx.clients.ec2, pageSize: 1000 }, { Filter: [{ Name: "vpc-id", Values: vpcIds }] });
      for await (const page of pages) out.push(...(page.NatGateways ?? []));
      return out;
    }),
  // Deleted gateways stay listed for about an hour and are kept with their state: policies decide what counts.
  normalize: (raw, where) => raw.filter((n) => n.NatGatewayId).map((n) => normalizeNatGateway(n, where)),
});
