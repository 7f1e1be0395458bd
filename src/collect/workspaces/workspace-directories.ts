/** Lists the WorkSpaces directory registrations (DescribeWorkspaceDirectories) and normalizes them to `directories`; the registration code is dropped. */

import { paginateDescribeWorkspaceDirectories, type WorkspaceDirectory } from "@aws-sdk/client-workspaces";
import type { Directory } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { WORKSPACES_VPC_COLLECTIONS } from "../ec2/workspaces-vpc-ids.js";
import { bool, list, str } from "../normalize-helpers.js";

export function normalizeWorkspaceDirectory(raw: WorkspaceDirectory, where: Where): Directory {
  // Built field by field from an allow-list: RegistrationCode (a secret) is never read.
  const creation = raw.WorkspaceCreationProperties;
  const access = raw.WorkspaceAccessProperties;
  const self = raw.SelfservicePermissions;
  const dir: Directory = {
    id: raw.DirectoryId ?? "",
    accountId: where.accountId,
    region: where.region,
    alias: str(raw.Alias),
    name: str(raw.DirectoryName),
    wsType: raw.DirectoryType ?? "UNKNOWN",
    wsState: raw.State ?? "UNKNOWN",
    workspaceType: str(raw.WorkspaceType),
    subnetIds: list(raw.SubnetIds),
    dnsIps: list(raw.DnsIpAddresses),
    customerUserName: str(raw.CustomerUserName),
    iamRoleId: str(raw.IamRoleId),
    workspaceSecurityGroupId: str(raw.WorkspaceSecurityGroupId),
    ipGroupIds: list(raw.ipGroupIds),
    tenancy: str(raw.Tenancy),
    endpointEncryptionMode: str(raw.EndpointEncryptionMode),
    saml: raw.SamlProperties ? { status: str(raw.SamlProperties.Status) } : null,
    certificateBasedAuth: raw.CertificateBasedAuthProperties ? { status: str(raw.CertificateBasedAuthProperties.Status) } : null,
    // Newer than the seeds: clipboard/printing permissions of DCV (WSP) directories; null when none are reported.
    streaming: raw.StreamingProperties?.UserSettings
      ? {
          userSettings: raw.StreamingProperties.UserSettings.map((u) => ({
            action: u.Action ?? "UNKNOWN",
            permission: str(u.Permission),
            maximumLength: typeof u.MaximumLength === "number" ? u.MaximumLength : null,
          })),
        }
      : null,
  };
  if (creation) {
    dir.creation = {
      enableInternetAccess: bool(creation.EnableInternetAccess),
      defaultOu: str(creation.DefaultOu),
      customSecurityGroupId: str(creation.CustomSecurityGroupId),
      userEnabledAsLocalAdministrator: bool(creation.UserEnabledAsLocalAdministrator),
      enableMaintenanceMode: bool(creation.EnableMaintenanceMode),
    };
  }
  if (access) {
    dir.access = {
      windows: str(access.DeviceTypeWindows),
      osx: str(access.DeviceTypeOsx),
      web: str(access.DeviceTypeWeb),
      ios: str(access.DeviceTypeIos),
      android: str(access.DeviceTypeAndroid),
      chromeOs: str(access.DeviceTypeChromeOs),
      zeroClient: str(access.DeviceTypeZeroClient),
      linux: str(access.DeviceTypeLinux),
      thinClient: str(access.DeviceTypeWorkSpacesThinClient),
    };
  }
  if (self) {
    dir.selfService = {
      restartWorkspace: str(self.RestartWorkspace),
      increaseVolumeSize: str(self.IncreaseVolumeSize),
      changeComputeType: str(self.ChangeComputeType),
      switchRunningMode: str(self.SwitchRunningMode),
      rebuildWorkspace: str(self.RebuildWorkspace),
    };
  }
  return dir;
}

export const workspaceDirectoriesCollector = defineCollector<"directories", WorkspaceDirectory[]>({
  id: "workspaces.DescribeWorkspaceDirectories",
  kind: "list",
  collection: "directories",
  service: "workspaces",
  operation: "DescribeWorkspaceDirectories",
  permissions: ["workspaces:DescribeWorkspaceDirectories"],
  stage: 1,
  // Directory subnets scope the EC2 calls, and directory ids scope DescribeClientProperties.
  feeds: [...WORKSPACES_VPC_COLLECTIONS],
  async fetch({ clients }) {
    const out: WorkspaceDirectory[] = [];
    for await (const page of paginateDescribeWorkspaceDirectories({ client: clients.workspaces }, { Limit: 25 })) {
      out.push(...(page.Directories ?? []));
    }
    return out;
  },
  normalize: (raw, where) => raw.filter((d) => d.DirectoryId).map((d) => normalizeWorkspaceDirectory(d, where)),
});
