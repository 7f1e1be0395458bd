/** Types of the normalized inventory document (schema version 1), the contract between collection and evaluation. */

// Convention: an absent field means "not collected" (a policy reading it yields `error`);
// `null` means "collected, and AWS reports none". Never mix the two.

export const INVENTORY_SCHEMA_VERSION = "1.0";

export interface Inventory {
  schemaVersion: string;
  collectedAt: string;
  tool: { name: string; version: string };
  scope: InventoryScope;
  errors: CollectionError[];
  directories: Directory[];
  workspaces: Workspace[];
  ipGroups: IpGroup[];
  securityGroups: SecurityGroup[];
  networkInterfaces: NetworkInterface[];
  subnets: Subnet[];
  vpcs: Vpc[];
  routeTables: RouteTable[];
  kmsKeys: KmsKey[];
}

export interface InventoryScope {
  partition: string;
  accounts: string[];
  regions: string[];
}

/** One API call that failed during collection: what is missing, where, and why. */
export interface CollectionError {
  service: string;
  operation: string;
  accountId: string;
  region: string;
  code: string;
  message: string;
  /** The inventory collections left incomplete by this failure, e.g. ["kmsKeys"]. */
  collections: CollectionName[];
  /** Set when only some resources are affected (e.g. one KMS key), otherwise the whole collection is. */
  resourceIds?: string[];
}

export type CollectionName =
  | "directories"
  | "workspaces"
  | "ipGroups"
  | "securityGroups"
  | "networkInterfaces"
  | "subnets"
  | "vpcs"
  | "routeTables"
  | "kmsKeys";

/** Fields every entity carries. */
export interface EntityBase {
  id: string;
  accountId: string;
  region: string;
  tags?: Record<string, string>;
}

export type AccessValue = "ALLOW" | "DENY" | "TRUST" | (string & {});
export type Toggle = "ENABLED" | "DISABLED" | (string & {});

/** A WorkSpaces directory registration merged with its Directory Service description. */
export interface Directory extends EntityBase {
  alias?: string | null;
  name?: string | null;
  /** WorkSpaces `DirectoryType`: SIMPLE_AD | AD_CONNECTOR | CUSTOMER_MANAGED | AWS_IAM_IDENTITY_CENTER. */
  wsType: string;
  /** Directory Service `Type`: SimpleAD | ADConnector | MicrosoftAD | SharedMicrosoftAD; null when not a DS directory. */
  dsType?: string | null;
  edition?: string | null;
  size?: string | null;
  wsState: string;
  dsStage?: string | null;
  dsStageReason?: string | null;
  workspaceType?: string | null;
  subnetIds: string[];
  dnsIps: string[];
  customerUserName?: string | null;
  iamRoleId?: string | null;
  workspaceSecurityGroupId?: string | null;
  ipGroupIds: string[];
  tenancy?: string | null;
  endpointEncryptionMode?: string | null;
  creation?: DirectoryCreationProperties;
  access?: DirectoryAccess;
  selfService?: DirectorySelfService;
  saml?: { status: string | null } | null;
  certificateBasedAuth?: { status: string | null } | null;
  clientProperties?: { reconnect: Toggle | null; logUpload: Toggle | null };
  /** RADIUS settings without the shared secret, which is never stored; null when RADIUS is not configured. */
  radius?: RadiusSettings | null;
  adConnector?: DirectoryVpcPlacement & { connectIps: string[]; customerUserName?: string | null } | null;
  managedAd?: DirectoryVpcPlacement | null;
}

export interface DirectoryCreationProperties {
  enableInternetAccess: boolean | null;
  defaultOu: string | null;
  customSecurityGroupId: string | null;
  userEnabledAsLocalAdministrator: boolean | null;
  enableMaintenanceMode: boolean | null;
}

export interface DirectoryAccess {
  windows: AccessValue | null;
  osx: AccessValue | null;
  web: AccessValue | null;
  ios: AccessValue | null;
  android: AccessValue | null;
  chromeOs: AccessValue | null;
  zeroClient: AccessValue | null;
  linux: AccessValue | null;
  thinClient: AccessValue | null;
}

export interface DirectorySelfService {
  restartWorkspace: Toggle | null;
  increaseVolumeSize: Toggle | null;
  changeComputeType: Toggle | null;
  switchRunningMode: Toggle | null;
  rebuildWorkspace: Toggle | null;
}

export interface RadiusSettings {
  servers: string[];
  port: number | null;
  timeout: number | null;
  retries: number | null;
  protocol: string | null;
  status: string | null;
}

export interface DirectoryVpcPlacement {
  vpcId: string | null;
  subnetIds: string[];
  securityGroupId: string | null;
  availabilityZones: string[];
}

export interface Workspace extends EntityBase {
  directoryId: string;
  userName: string;
  state: string;
  bundleId?: string | null;
  subnetId?: string | null;
  ipAddress?: string | null;
  computerName?: string | null;
  rootVolumeEncrypted: boolean;
  userVolumeEncrypted: boolean;
  /** The key as WorkSpaces reports it: a key ARN, a key id, an alias name or an alias ARN. */
  volumeEncryptionKey?: string | null;
  properties?: WorkspaceProperties;
  modificationStates?: { resource: string; state: string }[];
  error?: { code: string | null; message: string | null } | null;
  connection?: WorkspaceConnection | null;
}

export interface WorkspaceProperties {
  runningMode: string | null;
  autoStopTimeoutMinutes: number | null;
  rootVolumeSizeGib: number | null;
  userVolumeSizeGib: number | null;
  computeType: string | null;
  protocols: string[];
  operatingSystemName: string | null;
}

export interface WorkspaceConnection {
  state: string | null;
  checkedAt: string | null;
  lastUserConnectionAt: string | null;
}

export interface IpGroup extends EntityBase {
  name: string;
  description?: string | null;
  rules: { cidr: string; description?: string | null }[];
}

/** A security group rule, normalized: protocol is tcp | udp | icmp | icmpv6 | all | a number; "all" covers ports 0-65535. */
export interface SecurityGroupRule {
  protocol: string;
  fromPort: number;
  toPort: number;
  ipv4: string[];
  ipv6: string[];
  prefixListIds: string[];
  groupRefs: string[];
}

export interface SecurityGroup extends EntityBase {
  name: string;
  description?: string | null;
  vpcId: string | null;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
}

export interface NetworkInterface extends EntityBase {
  vpcId: string;
  subnetId: string;
  availabilityZone?: string | null;
  privateIps: string[];
  publicIp: string | null;
  /** "amazon" for the Amazon pool, otherwise the owning account of an Elastic IP. */
  publicIpOwner?: string | null;
  groupIds: string[];
  interfaceType?: string | null;
  requesterId?: string | null;
  requesterManaged?: boolean | null;
  description?: string | null;
  status?: string | null;
}

export interface Subnet extends EntityBase {
  vpcId: string;
  availabilityZone: string;
  availabilityZoneId?: string | null;
  cidr: string;
  ipv6Cidrs?: string[];
  availableIps: number;
  mapPublicIpOnLaunch?: boolean | null;
  assignIpv6OnCreation?: boolean | null;
}

export interface Vpc extends EntityBase {
  cidrs: string[];
  isDefault: boolean;
  dhcpOptionsId?: string | null;
  instanceTenancy?: string | null;
}

export interface Route {
  destination: string | null;
  destinationIpv6: string | null;
  destinationPrefixListId?: string | null;
  /** igw | nat | vgw | tgw | pcx | eni | local | vpce | instance | egress-only-igw | carrier | other */
  targetType: string;
  targetId: string | null;
  state: string;
}

export interface RouteTable extends EntityBase {
  vpcId: string;
  isMain: boolean;
  subnetIds: string[];
  routes: Route[];
}

export interface KmsKey extends EntityBase {
  /** `id` is the key id; `arn` the full key ARN. */
  arn: string;
  aliases: string[];
  keyManager: string;
  keySpec?: string | null;
  keyUsage?: string | null;
  keyState: string;
  enabled: boolean;
  deletionDate?: string | null;
  origin?: string | null;
  multiRegion?: boolean | null;
  rotationEnabled?: boolean | null;
}
