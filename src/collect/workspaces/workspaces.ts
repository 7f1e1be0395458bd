/** Lists every WorkSpace (DescribeWorkspaces, 25 per page) and normalizes it to `workspaces`. */

import { paginateDescribeWorkspaces, type Workspace as AwsWorkspace } from "@aws-sdk/client-workspaces";
import type { Workspace } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { WORKSPACES_VPC_COLLECTIONS } from "../ec2/workspaces-vpc-ids.js";
import { list, num, str } from "../normalize-helpers.js";

export function normalizeWorkspace(raw: AwsWorkspace, where: Where): Workspace {
  const props = raw.WorkspaceProperties;
  const ws: Workspace = {
    id: raw.WorkspaceId ?? "",
    accountId: where.accountId,
    region: where.region,
    directoryId: raw.DirectoryId ?? "",
    userName: raw.UserName ?? "",
    state: raw.State ?? "UNKNOWN",
    bundleId: str(raw.BundleId),
    subnetId: str(raw.SubnetId),
    ipAddress: str(raw.IpAddress),
    computerName: str(raw.ComputerName),
    rootVolumeEncrypted: raw.RootVolumeEncryptionEnabled === true,
    userVolumeEncrypted: raw.UserVolumeEncryptionEnabled === true,
    volumeEncryptionKey: str(raw.VolumeEncryptionKey),
    modificationStates: list(raw.ModificationStates).map((m) => ({ resource: m.Resource ?? "UNKNOWN", state: m.State ?? "UNKNOWN" })),
    error: str(raw.ErrorCode) !== null || str(raw.ErrorMessage) !== null ? { code: str(raw.ErrorCode), message: str(raw.ErrorMessage) } : null,
  };
  if (props && typeof props === "object") {
    ws.properties = {
      runningMode: str(props.RunningMode),
      autoStopTimeoutMinutes: num(props.RunningModeAutoStopTimeoutInMinutes),
      rootVolumeSizeGib: num(props.RootVolumeSizeGib),
      userVolumeSizeGib: num(props.UserVolumeSizeGib),
      computeType: str(props.ComputeTypeName),
      protocols: list(props.Protocols),
      operatingSystemName: str(props.OperatingSystemName),
    };
  }
  return ws;
}

export const workspacesCollector = defineCollector<"workspaces", AwsWorkspace[]>({
  id: "workspaces.DescribeWorkspaces",
  kind: "list",
  collection: "workspaces",
  service: "workspaces",
  operation: "DescribeWorkspaces",
  permissions: ["workspaces:DescribeWorkspaces"],
  stage: 1,
  // WorkSpace subnets scope the EC2 calls; their volume keys are the KMS keys collected; their bundles (and so the
  // bundles' images) are the bundles collected.
  feeds: [...WORKSPACES_VPC_COLLECTIONS, "kmsKeys", "bundles", "images"],
  async fetch({ clients }) {
    const out: AwsWorkspace[] = [];
    for await (const page of paginateDescribeWorkspaces({ client: clients.workspaces, pageSize: 25 }, {})) {
      out.push(...(page.Workspaces ?? []));
    }
    return out;
  },
  normalize: (raw, where) => raw.filter((w) => w.WorkspaceId).map((w) => normalizeWorkspace(w, where)),
});
