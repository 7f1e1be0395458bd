/** The explicit list of collectors, in the order they are declared to the runner and to the IAM policy test. */

import type { Collector } from "./collector.js";
import { dsDirectoriesCollector } from "./directory-service/ds-directories.js";
import { networkInterfacesCollector } from "./ec2/network-interfaces.js";
import { routeTablesCollector } from "./ec2/route-tables.js";
import { securityGroupsCollector } from "./ec2/security-groups.js";
import { subnetsCollector } from "./ec2/subnets.js";
import { vpcsCollector } from "./ec2/vpcs.js";
import { kmsKeysCollector } from "./kms/kms-keys.js";
import { clientPropertiesCollector } from "./workspaces/client-properties.js";
import { connectionStatusCollector } from "./workspaces/connection-status.js";
import { ipGroupsCollector } from "./workspaces/ip-groups.js";
import { workspaceDirectoriesCollector } from "./workspaces/workspace-directories.js";
import { workspacesCollector } from "./workspaces/workspaces.js";

export const COLLECTORS: readonly Collector[] = [
  workspaceDirectoriesCollector,
  workspacesCollector,
  connectionStatusCollector,
  ipGroupsCollector,
  dsDirectoriesCollector,
  clientPropertiesCollector,
  vpcsCollector,
  subnetsCollector,
  routeTablesCollector,
  securityGroupsCollector,
  networkInterfacesCollector,
  kmsKeysCollector,
];

/** Calls the runner makes outside any collector: the account id, and the VPCs of the WorkSpaces subnets. */
export const RUNNER_PERMISSIONS: readonly string[] = ["sts:GetCallerIdentity", "ec2:DescribeSubnets"];

/** Every IAM action collection may call, sorted and unique: the content of the shipped read-only policy. */
export function requiredPermissions(): string[] {
  return [...new Set([...COLLECTORS.flatMap((c) => c.permissions), ...RUNNER_PERMISSIONS])].sort();
}
