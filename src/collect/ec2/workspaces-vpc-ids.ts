/** Finds the VPCs a WorkSpaces estate uses: Directory Service VPCs plus the VPCs of every directory and WorkSpace subnet. */

import { paginateDescribeSubnets } from "@aws-sdk/client-ec2";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { CollectionName } from "../../inventory/model.js";
import { chunk } from "../aws/chunk.js";
import type { StageView } from "../collector.js";

export function workspacesSubnetAndVpcIds(view: Pick<StageView, "directories" | "workspaces">): { subnetIds: string[]; vpcIds: string[] } {
  const subnetIds = new Set<string>();
  const vpcIds = new Set<string>();
  for (const d of view.directories) {
    for (const s of d.subnetIds) subnetIds.add(s);
    for (const placement of [d.adConnector, d.managedAd]) {
      if (!placement) continue;
      if (placement.vpcId) vpcIds.add(placement.vpcId);
      for (const s of placement.subnetIds) subnetIds.add(s);
    }
  }
  for (const w of view.workspaces) if (w.subnetId) subnetIds.add(w.subnetId);
  return { subnetIds: [...subnetIds].sort(), vpcIds: [...vpcIds].sort() };
}

/** Resolves subnet ids to their VPC ids with DescribeSubnets (filter `subnet-id`), then adds the known VPC ids. */
export async function resolveWorkspacesVpcIds(ec2: EC2Client, view: Pick<StageView, "directories" | "workspaces">): Promise<string[]> {
  const { subnetIds, vpcIds } = workspacesSubnetAndVpcIds(view);
  const out = new Set(vpcIds);
  for (const batch of chunk(subnetIds, 100)) {
    for await (const page of paginateDescribeSubnets({ client: ec2, pageSize: 1000 }, { Filters: [{ Name: "subnet-id", Values: batch }] })) {
      for (const s of page.Subnets ?? []) if (s.VpcId) out.add(s.VpcId);
    }
  }
  return [...out].sort();
}

/** The EC2 collections scoped to the WorkSpaces VPCs: a failure to resolve those VPCs leaves every one incomplete. */
export const WORKSPACES_VPC_COLLECTIONS: readonly CollectionName[] = [
  "securityGroups",
  "networkInterfaces",
  "subnets",
  "vpcs",
  "routeTables",
  "natGateways",
  "dhcpOptions",
  "networkAcls",
  "vpcEndpoints",
];
