/** The explicit list of collectors, in the order they are declared to the runner and to the IAM policy test. */

import { alarmsCollector } from "./cloudwatch/alarms.js";
import { trailsCollector } from "./cloudtrail/trails.js";
import type { Collector } from "./collector.js";
import { dsDirectoriesCollector } from "./directory-service/ds-directories.js";
import { dsTrustsCollector } from "./directory-service/ds-trusts.js";
import { dhcpOptionsCollector } from "./ec2/dhcp-options.js";
import { natGatewaysCollector } from "./ec2/nat-gateways.js";
import { networkAclsCollector } from "./ec2/network-acls.js";
import { networkInterfacesCollector } from "./ec2/network-interfaces.js";
import { routeTablesCollector } from "./ec2/route-tables.js";
import { securityGroupsCollector } from "./ec2/security-groups.js";
import { subnetsCollector } from "./ec2/subnets.js";
import { vpcEndpointsCollector } from "./ec2/vpc-endpoints.js";
import { vpcsCollector } from "./ec2/vpcs.js";
import { eventRulesCollector } from "./eventbridge/event-rules.js";
import { iamRolesCollector } from "./iam/iam-roles.js";
import { kmsKeysCollector } from "./kms/kms-keys.js";
import { accountRegionsCollector } from "./workspaces/account-regions.js";
import { bundlesCollector } from "./workspaces/bundles.js";
import { clientPropertiesCollector } from "./workspaces/client-properties.js";
import { connectionStatusCollector } from "./workspaces/connection-status.js";
import { imagesCollector } from "./workspaces/images.js";
import { ipGroupsCollector } from "./workspaces/ip-groups.js";
import { directoryTagsCollector, ipGroupTagsCollector, workspaceTagsCollector } from "./workspaces/tags.js";
import { workspaceDirectoriesCollector } from "./workspaces/workspace-directories.js";
import { workspacesCollector } from "./workspaces/workspaces.js";

export const COLLECTORS: readonly Collector[] = [
  // Stage 1: needs nothing.
  accountRegionsCollector,
  workspaceDirectoriesCollector,
  workspacesCollector,
  connectionStatusCollector,
  ipGroupsCollector,
  dsDirectoriesCollector,
  trailsCollector,
  alarmsCollector,
  eventRulesCollector,
  // Stage 2: scoped by directories and WorkSpaces.
  clientPropertiesCollector,
  dsTrustsCollector,
  bundlesCollector,
  vpcsCollector,
  subnetsCollector,
  routeTablesCollector,
  securityGroupsCollector,
  networkInterfacesCollector,
  natGatewaysCollector,
  networkAclsCollector,
  vpcEndpointsCollector,
  kmsKeysCollector,
  // Opt-in (--tags): one DescribeTags call per directory, WorkSpace and IP group.
  directoryTagsCollector,
  workspaceTagsCollector,
  ipGroupTagsCollector,
  // Stage 3: scoped by VPCs and bundles.
  dhcpOptionsCollector,
  imagesCollector,
  // Once per account (global service).
  iamRolesCollector,
];

/** Calls the runner makes outside any collector: the account id, and the VPCs of the WorkSpaces subnets. */
export const RUNNER_PERMISSIONS: readonly string[] = ["sts:GetCallerIdentity", "ec2:DescribeSubnets"];

/** Every IAM action collection may call, sorted and unique: the content of the shipped read-only policy. */
export function requiredPermissions(): string[] {
  return [...new Set([...COLLECTORS.flatMap((c) => c.permissions), ...RUNNER_PERMISSIONS])].sort();
}
