/** Lists the network interfaces of the WorkSpaces VPCs (DescribeNetworkInterfaces) and normalizes them to `networkInterfaces`. */

import { paginateDescribeNetworkInterfaces, type NetworkInterface as AwsNetworkInterface } from "@aws-sdk/client-ec2";
import type { NetworkInterface } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { bool, str, tagMap } from "../normalize-helpers.js";
import { inWorkspacesVpcs } from "./in-workspaces-vpcs.js";

export function normalizeNetworkInterface(raw: AwsNetworkInterface, where: Where): NetworkInterface {
  const privateIps = (raw.PrivateIpAddresses ?? []).map((p) => p.PrivateIpAddress).filter((v): v is string => typeof v === "string");
  if (privateIps.length === 0 && raw.PrivateIpAddress) privateIps.push(raw.PrivateIpAddress);
  return {
    id: raw.NetworkInterfaceId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.TagSet),
    vpcId: raw.VpcId ?? "",
    subnetId: raw.SubnetId ?? "",
    availabilityZone: str(raw.AvailabilityZone),
    privateIps,
    publicIp: str(raw.Association?.PublicIp),
    publicIpOwner: str(raw.Association?.IpOwnerId),
    groupIds: (raw.Groups ?? []).map((g) => g.GroupId).filter((v): v is string => typeof v === "string"),
    interfaceType: str(raw.InterfaceType),
    requesterId: str(raw.RequesterId),
    requesterManaged: bool(raw.RequesterManaged),
    description: str(raw.Description),
    status: str(raw.Status),
  };
}

export const networkInterfacesCollector = defineCollector<"networkInterfaces", AwsNetworkInterface[]>({
  id: "ec2.DescribeNetworkInterfaces",
  kind: "list",
  collection: "networkInterfaces",
  service: "ec2",
  operation: "DescribeNetworkInterfaces",
  permissions: ["ec2:DescribeNetworkInterfaces"],
  stage: 2,
  // One listing per VPC joined locally to WorkSpaces by subnet and IP (controls.md §3.2), never one call per WorkSpace.
  fetch: (ctx) =>
    inWorkspacesVpcs(ctx, async (vpcIds) => {
      const out: AwsNetworkInterface[] = [];
      const pages = paginateDescribeNetworkInterfaces({ client: ctx.clients.ec2, pageSize: 1000 }, { Filters: [{ Name: "vpc-id", Values: vpcIds }] });
      for await (const page of pages) out.push(...(page.NetworkInterfaces ?? []));
      return out;
    }),
  normalize: (raw, where) => raw.filter((n) => n.NetworkInterfaceId).map((n) => normalizeNetworkInterface(n, where)),
});
