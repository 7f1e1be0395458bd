/** Describes Directory Service directories (DescribeDirectories) and merges type, stage, RADIUS (without its shared secret) and VPC placement into `directories`. */

import { paginateDescribeDirectories, type DirectoryDescription } from "@aws-sdk/client-directory-service";
import type { Directory, RadiusSettings } from "../../inventory/model.js";
import { defineCollector } from "../collector.js";
import { WORKSPACES_VPC_COLLECTIONS } from "../ec2/workspaces-vpc-ids.js";
import { list, num, str } from "../normalize-helpers.js";

function normalizeRadius(raw: DirectoryDescription): RadiusSettings | null {
  const r = raw.RadiusSettings;
  if (!r) return null;
  // Allow-list copy: SharedSecret is never read.
  return {
    servers: list(r.RadiusServers),
    port: num(r.RadiusPort),
    timeout: num(r.RadiusTimeout),
    retries: num(r.RadiusRetries),
    protocol: str(r.AuthenticationProtocol),
    status: str(raw.RadiusStatus),
  };
}

export function normalizeDsDirectory(raw: DirectoryDescription): Partial<Directory> {
  const vpc = raw.VpcSettings;
  const connect = raw.ConnectSettings;
  return {
    name: str(raw.Name),
    dsType: str(raw.Type),
    edition: str(raw.Edition),
    size: str(raw.Size),
    dsStage: str(raw.Stage),
    dsStageReason: str(raw.StageReason),
    radius: normalizeRadius(raw),
    adConnector: connect
      ? {
          vpcId: str(connect.VpcId),
          subnetIds: list(connect.SubnetIds),
          securityGroupId: str(connect.SecurityGroupId),
          availabilityZones: list(connect.AvailabilityZones),
          connectIps: list(connect.ConnectIps),
          customerUserName: str(connect.CustomerUserName),
        }
      : null,
    managedAd: vpc
      ? {
          vpcId: str(vpc.VpcId),
          subnetIds: list(vpc.SubnetIds),
          securityGroupId: str(vpc.SecurityGroupId),
          availabilityZones: list(vpc.AvailabilityZones),
        }
      : null,
  };
}

export function normalizeDsDirectories(raw: readonly DirectoryDescription[]): Map<string, Partial<Directory>> {
  const out = new Map<string, Partial<Directory>>();
  for (const d of raw) if (d.DirectoryId) out.set(d.DirectoryId, normalizeDsDirectory(d));
  return out;
}

export const dsDirectoriesCollector = defineCollector<"directories", DirectoryDescription[]>({
  id: "ds.DescribeDirectories",
  kind: "enrich",
  collection: "directories",
  service: "ds",
  operation: "DescribeDirectories",
  permissions: ["ds:DescribeDirectories"],
  stage: 1,
  fills: ["dsType", "edition", "size", "dsStage", "dsStageReason", "radius", "adConnector", "managedAd"],
  // Directory VPCs scope the EC2 calls; the directory type decides which directories DescribeTrusts is asked about.
  feeds: [...WORKSPACES_VPC_COLLECTIONS],
  async fetch({ clients }) {
    const out: DirectoryDescription[] = [];
    for await (const page of paginateDescribeDirectories({ client: clients.ds }, {})) out.push(...(page.DirectoryDescriptions ?? []));
    return out;
  },
  normalize: (raw) => normalizeDsDirectories(raw),
  // A WorkSpaces directory Directory Service does not know (IAM Identity Center, customer managed) has no DS side.
  unmatched: { dsType: null, dsStage: null, dsStageReason: null, radius: null, adConnector: null, managedAd: null },
});
