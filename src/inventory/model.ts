/** Types of the normalized inventory document (schema version 1), the contract between collection and evaluation. */

// Convention: an absent field means "not collected" (a policy reading it yields `error`);
// `null` means "collected, and AWS reports none". Never mix the two.

export const INVENTORY_SCHEMA_VERSION = "1.1";

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
  // Added in schema 1.1. An absent collection was not collected: policies reading it yield `error`.
  accountRegions?: AccountRegion[];
  natGateways?: NatGateway[];
  dhcpOptions?: DhcpOptions[];
  networkAcls?: NetworkAcl[];
  vpcEndpoints?: VpcEndpoint[];
  bundles?: Bundle[];
  images?: Image[];
  trails?: Trail[];
  alarms?: Alarm[];
  eventRules?: EventRule[];
  iamRoles?: IamRole[];
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
  /**
   * Set when a call that only adds fields failed (`collection.field`, e.g. "workspaces.connection"): the entities of
   * that collection are there, these fields are not collected. A listed collection with no entry here is missing whole.
   */
  fields?: string[];
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
  | "kmsKeys"
  | "accountRegions"
  | "natGateways"
  | "dhcpOptions"
  | "networkAcls"
  | "vpcEndpoints"
  | "bundles"
  | "images"
  | "trails"
  | "alarms"
  | "eventRules"
  | "iamRoles";

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
  /** Directory Service VpcSettings: the controllers of a Simple AD or Managed Microsoft AD. */
  managedAd?: DirectoryVpcPlacement | null;
  /** Directory Service trusts of a Managed Microsoft AD (DS:DescribeTrusts); empty when it has none. */
  trusts?: DirectoryTrust[];
  /** WS StreamingProperties.UserSettings (clipboard, printing...); null when the directory reports no streaming properties. */
  streaming?: { userSettings: { action: string; permission: string | null; maximumLength?: number | null }[] } | null;
}

export interface DirectoryTrust {
  id: string;
  remoteDomainName: string | null;
  direction: string | null;
  type: string | null;
  state: string | null;
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
  rotationPeriodDays?: number | null;
  /** The key policy, parsed (KMS:GetKeyPolicy "default"); only readable for keys in the scanned account. */
  policy?: PolicyDocumentJson | null;
}

/** An IAM-style policy document, parsed from JSON: Statement is normalized to a list. */
export interface PolicyDocumentJson {
  Version?: string;
  Statement: Record<string, unknown>[];
}

/** One account in one region: the scope where region-level checks (trails, alarms, quotas, BYOL) are decided. */
export interface AccountRegion extends EntityBase {
  /** `id` is "<accountId>/<region>". */
  byol?: { dedicatedTenancySupport: string | null; managementCidrRange: string | null; accountType: string | null } | null;
}

export interface NatGateway extends EntityBase {
  vpcId: string;
  subnetId: string;
  state: string;
  connectivityType?: string | null;
}

export interface DhcpOptions extends EntityBase {
  domainName: string[];
  domainNameServers: string[];
  ntpServers: string[];
  netbiosNameServers: string[];
  netbiosNodeType: string[];
}

/** A network ACL entry, normalized like security-group rules: protocol tcp | udp | icmp | icmpv6 | all | number. */
export interface NetworkAclEntry {
  ruleNumber: number;
  egress: boolean;
  protocol: string;
  fromPort: number;
  toPort: number;
  cidr: string | null;
  ipv6Cidr: string | null;
  action: string;
}

export interface NetworkAcl extends EntityBase {
  vpcId: string;
  isDefault: boolean;
  subnetIds: string[];
  entries: NetworkAclEntry[];
}

export interface VpcEndpoint extends EntityBase {
  vpcId: string;
  serviceName: string;
  type: string;
  state?: string | null;
  subnetIds?: string[];
}

export interface Bundle extends EntityBase {
  name: string | null;
  /** "AMAZON" for public bundles, otherwise the owning account. */
  owner: string | null;
  imageId: string | null;
  computeType: string | null;
  rootCapacityGib: number | null;
  userCapacityGib: number | null;
  state?: string | null;
}

export interface Image extends EntityBase {
  name: string | null;
  osType: string | null;
  state: string | null;
  requiredTenancy: string | null;
  ownerAccountId: string | null;
  /** Accounts the image is shared with (WS:DescribeWorkspaceImagePermissions); owned images only. */
  sharedWith?: string[];
}

export interface Trail extends EntityBase {
  /** `id` is the trail ARN. */
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  isLogging: boolean | null;
  /** Classic event selectors, reduced to what management-event coverage needs; null when the trail uses advanced selectors. */
  management: { included: boolean; readWriteType: string; excludedSources: string[] } | null;
  /** Advanced event selectors as returned (field selectors with equals/notEquals lists). */
  advancedSelectors: { name: string | null; fieldSelectors: { field: string; equals: string[]; notEquals: string[] }[] }[];
}

export interface Alarm extends EntityBase {
  /** `id` is the alarm name. */
  arn?: string | null;
  namespace: string | null;
  metricName: string | null;
  dimensions: { name: string; value: string }[];
  actionsEnabled: boolean;
  alarmActions: string[];
}

export interface EventRule extends EntityBase {
  /** `id` is the rule ARN. */
  name: string;
  eventBus: string;
  state: string;
  /** The event pattern, parsed; null for scheduled rules. */
  pattern: Record<string, unknown> | null;
  targetCount: number;
}

export interface IamRole extends EntityBase {
  /** `id` is the role name; IAM is global, so `region` is "global". */
  arn: string;
  /** The role's unique id (AROA...), which a directory's `iamRoleId` refers to. */
  roleId?: string | null;
  trustPolicy: PolicyDocumentJson | null;
  attachedPolicyArns: string[];
  permissionsBoundaryArn: string | null;
}
