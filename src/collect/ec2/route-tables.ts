/** Lists the route tables of the WorkSpaces VPCs (DescribeRouteTables) and normalizes them, with typed route targets, to `routeTables`. */

import { paginateDescribeRouteTables, type RouteTable as AwsRouteTable } from "@aws-sdk/client-ec2";
import type { RouteTable } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { str, tagMap } from "../normalize-helpers.js";
import { inWorkspacesVpcs } from "./in-workspaces-vpcs.js";
import { routeTargetId, routeTargetType } from "./route-target-type.js";

export function normalizeRouteTable(raw: AwsRouteTable, where: Where): RouteTable {
  const associations = raw.Associations ?? [];
  return {
    id: raw.RouteTableId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.Tags),
    vpcId: raw.VpcId ?? "",
    isMain: associations.some((a) => a.Main === true),
    subnetIds: associations.map((a) => a.SubnetId).filter((v): v is string => typeof v === "string"),
    routes: (raw.Routes ?? []).map((r) => {
      const targetId = routeTargetId(r);
      return {
        destination: str(r.DestinationCidrBlock),
        destinationIpv6: str(r.DestinationIpv6CidrBlock),
        destinationPrefixListId: str(r.DestinationPrefixListId),
        targetType: routeTargetType(targetId),
        targetId,
        state: r.State ?? "active",
      };
    }),
  };
}

export const routeTablesCollector = defineCollector<"routeTables", AwsRouteTable[]>({
  id: "ec2.DescribeRouteTables",
  kind: "list",
  collection: "routeTables",
  service: "ec2",
  operation: "DescribeRouteTables",
  permissions: ["ec2:DescribeRouteTables"],
  stage: 2,
  fetch: (ctx) =>
    inWorkspacesVpcs(ctx, async (vpcIds) => {
      const out: AwsRouteTable[] = [];
      const pages = paginateDescribeRouteTables({ client: ctx.clients.ec2, pageSize: 100 }, { Filters: [{ Name: "vpc-id", Values: vpcIds }] });
      for await (const page of pages) out.push(...(page.RouteTables ?? []));
      return out;
    }),
  normalize: (raw, where) => raw.filter((t) => t.RouteTableId).map((t) => normalizeRouteTable(t, where)),
});
