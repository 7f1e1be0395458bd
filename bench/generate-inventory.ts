/** Deterministic synthetic inventory generator for the benchmark: N WorkSpaces with proportional directories, network, security groups and keys, compliant and not. */

import type {
  Directory,
  Inventory,
  IpGroup,
  KmsKey,
  NetworkInterface,
  RouteTable,

  SecurityGroupRule,
  Subnet,
  Vpc,
  Workspace,
} from "../src/inventory/model.js";
import { INVENTORY_SCHEMA_VERSION } from "../src/inventory/model.js";

export interface GenerateOptions {
  workspaces: number;
  /** PRNG seed; the same seed and sizes always give the same document. */
  seed?: number;
  /** Fleet size per directory (≈500 in large real estates). */
  workspacesPerDirectory?: number;
  /** Fleet size per customer key (≈400 keeps most keys under the 500-per-key limit). */
  workspacesPerKey?: number;
}

export const BENCH_ACCOUNTS = ["111111111111", "222222222222"] as const;
export const BENCH_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"] as const;
export const BENCH_COLLECTED_AT = "2026-01-01T00:00:00Z";

/** mulberry32: tiny, fast, and good enough to vary settings reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");
const uuid = (n: number): string => {
  const h = hex(n, 12);
  return `${hex((n * 2654435761) >>> 0, 8)}-${h.slice(0, 4)}-4${h.slice(4, 7)}-a${h.slice(7, 10)}-${hex(n, 12)}`;
};

const rule = (protocol: string, fromPort: number, toPort: number, ipv4: string[], ipv6: string[] = [], groupRefs: string[] = []): SecurityGroupRule => ({
  protocol,
  fromPort,
  toPort,
  ipv4,
  ipv6,
  prefixListIds: [],
  groupRefs,
});

const ALL_EGRESS = [rule("all", 0, 65535, ["0.0.0.0/0"])];

interface DirectoryPlan {
  dir: Directory;
  subnets: [Subnet, Subnet];
  membersGroupId: string;
  customGroupIds: string[];
  keyIds: number[];
  awsKey: KmsKey;
  internet: boolean;
  octet: number;
}

export function generateInventory(options: GenerateOptions): Inventory {
  const total = options.workspaces;
  const random = prng(options.seed ?? 20260101);
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const directoryCount = Math.max(1, Math.ceil(total / (options.workspacesPerDirectory ?? 500)));
  const keyCount = Math.max(directoryCount, Math.ceil(total / (options.workspacesPerKey ?? 400)));

  const inventory: Inventory = {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    collectedAt: BENCH_COLLECTED_AT,
    tool: { name: "wsaudit-bench", version: "0.0.0" },
    scope: { partition: "aws", accounts: [...BENCH_ACCOUNTS], regions: [...BENCH_REGIONS] },
    errors: [],
    directories: [],
    workspaces: [],
    ipGroups: [],
    securityGroups: [],
    networkInterfaces: [],
    subnets: [],
    vpcs: [],
    routeTables: [],
    kmsKeys: [],
  };

  // One AWS-managed aws/workspaces key per account and region, as KMS creates it on first use.
  const awsKeys = new Map<string, KmsKey>();
  const awsKeyFor = (accountId: string, region: string): KmsKey => {
    const scope = `${accountId}/${region}`;
    let key = awsKeys.get(scope);
    if (!key) {
      const id = uuid(900000 + awsKeys.size);
      key = {
        id,
        accountId,
        region,
        arn: `arn:aws:kms:${region}:${accountId}:key/${id}`,
        aliases: ["alias/aws/workspaces"],
        keyManager: "AWS",
        keySpec: "SYMMETRIC_DEFAULT",
        keyUsage: "ENCRYPT_DECRYPT",
        keyState: "Enabled",
        enabled: true,
        deletionDate: null,
        origin: "AWS_KMS",
        multiRegion: false,
        rotationEnabled: true,
      };
      awsKeys.set(scope, key);
      inventory.kmsKeys.push(key);
    }
    return key;
  };

  const plans: DirectoryPlan[] = [];
  for (let d = 0; d < directoryCount; d++) {
    const accountId = BENCH_ACCOUNTS[d % 2] as string;
    const region = BENCH_REGIONS[Math.floor(d / 2) % 4] as string;
    const octet = d % 256;
    const dirId = `d-${hex(0x9000000000 + d, 10)}`;
    const vpcId = `vpc-${hex(d, 17)}`;
    const vpc: Vpc = { id: vpcId, accountId, region, tags: { Name: `ws-vpc-${d}` }, cidrs: [`10.${octet}.0.0/16`], isDefault: false, dhcpOptionsId: `dopt-${hex(d, 17)}`, instanceTenancy: "default" };
    inventory.vpcs.push(vpc);

    const sameAz = chance(0.1);
    const subnets = [0, 1].map((s): Subnet => ({
      id: `subnet-${hex(2 * d + s, 17)}`,
      accountId,
      region,
      tags: { Name: `ws-private-${d}-${s}` },
      vpcId,
      availabilityZone: `${region}${s === 1 && !sameAz ? "b" : "a"}`,
      availabilityZoneId: null,
      cidr: `10.${octet}.${s * 128}.0/17`,
      ipv6Cidrs: [],
      availableIps: 32000,
      mapPublicIpOnLaunch: chance(0.05),
      assignIpv6OnCreation: false,
    })) as [Subnet, Subnet];
    inventory.subnets.push(...subnets);

    const internet = chance(0.3);
    const mainTable: RouteTable = {
      id: `rtb-${hex(2 * d, 17)}`,
      accountId,
      region,
      vpcId,
      isMain: true,
      subnetIds: [],
      routes: [
        { destination: `10.${octet}.0.0/16`, destinationIpv6: null, destinationPrefixListId: null, targetType: "local", targetId: "local", state: "active" },
        { destination: "0.0.0.0/0", destinationIpv6: null, destinationPrefixListId: null, targetType: "nat", targetId: `nat-${hex(d, 17)}`, state: "active" },
      ],
    };
    inventory.routeTables.push(mainTable);
    if (internet || chance(0.1)) {
      // A public table on the WorkSpaces subnets: the internet-routed placement the network policies flag.
      inventory.routeTables.push({
        id: `rtb-${hex(2 * d + 1, 17)}`,
        accountId,
        region,
        vpcId,
        isMain: false,
        subnetIds: subnets.map((s) => s.id),
        routes: [
          { destination: `10.${octet}.0.0/16`, destinationIpv6: null, destinationPrefixListId: null, targetType: "local", targetId: "local", state: "active" },
          { destination: "0.0.0.0/0", destinationIpv6: null, destinationPrefixListId: null, targetType: "igw", targetId: `igw-${hex(d, 17)}`, state: "active" },
        ],
      });
    }

    const sgId = (n: number): string => `sg-${hex(8 * d + n, 17)}`;
    const membersGroupId = sgId(0);
    const controllersGroupId = sgId(1);
    inventory.securityGroups.push(
      { id: membersGroupId, accountId, region, name: `${dirId}_workspacesMembers`, description: `Amazon WorkSpaces Security Group`, vpcId, ingress: [], egress: ALL_EGRESS },
      {
        id: controllersGroupId,
        accountId,
        region,
        name: `${dirId}_controllers`,
        description: `AWS created security group for ${dirId} directory controllers`,
        vpcId,
        ingress: [rule("tcp", 53, 53, [`10.${octet}.0.0/16`]), rule("udp", 53, 53, [`10.${octet}.0.0/16`]), rule("tcp", 389, 389, [`10.${octet}.0.0/16`]), rule("tcp", 1024, 65535, [`10.${octet}.0.0/16`])],
        egress: ALL_EGRESS,
      },
    );
    const customGroupIds: string[] = [];
    for (let c = 0; c < 3; c++) {
      const worldOpen = chance(0.08);
      const ingress = [rule("tcp", 443, 443, ["10.0.0.0/8"]), rule("tcp", 4172, 4172, ["10.0.0.0/8"])];
      if (worldOpen) ingress.push(pick([rule("tcp", 3389, 3389, ["0.0.0.0/0"]), rule("tcp", 22, 22, [], ["::/0"]), rule("all", 0, 65535, ["0.0.0.0/0"])]));
      const id = sgId(2 + c);
      customGroupIds.push(id);
      inventory.securityGroups.push({ id, accountId, region, name: `ws-custom-${d}-${c}`, description: "WorkSpaces custom access", vpcId, ingress, egress: ALL_EGRESS });
    }

    const ipGroupIds: string[] = [];
    if (chance(0.8)) {
      const id = `wsipg-${hex(d, 9)}`;
      const rules = chance(0.05) ? [] : [{ cidr: `198.51.${d % 256}.0/24`, description: "Office egress" }];
      if (chance(0.1)) rules.push({ cidr: "0.0.0.0/0", description: "temporary: everyone" });
      if (chance(0.05)) rules.push({ cidr: `10.${octet}.0.0/16`, description: "private range: never matches a client's public address" });
      inventory.ipGroups.push({ id, accountId, region, name: `office-${d}`, description: "Corporate offices", rules } satisfies IpGroup);
      ipGroupIds.push(id);
    }

    const kind = d % 4;
    const dsType = kind === 0 ? "SimpleAD" : kind === 3 ? "MicrosoftAD" : "ADConnector";
    const placement = { vpcId, subnetIds: subnets.map((s) => s.id), securityGroupId: controllersGroupId, availabilityZones: [...new Set(subnets.map((s) => s.availabilityZone))] };
    const allowOrDeny = (pAllow: number): string => (chance(pAllow) ? "ALLOW" : "DENY");
    const toggle = (pEnabled: number): string => (chance(pEnabled) ? "ENABLED" : "DISABLED");
    const radius = dsType !== "SimpleAD" && chance(0.6)
      ? { servers: chance(0.7) ? [`10.${octet}.10.11`, `10.${octet}.10.12`] : [`10.${octet}.10.11`], port: 1812, timeout: chance(0.9) ? 5 : 30, retries: 3, protocol: "MS-CHAPv2", status: chance(0.9) ? "Completed" : "Failed" }
      : null;
    const trusted = chance(0.3);
    const dir: Directory = {
      id: dirId,
      accountId,
      region,
      tags: { Environment: chance(0.7) ? "prod" : "dev" },
      alias: `bench-${d}`,
      name: `corp${d}.example.com`,
      wsType: dsType === "SimpleAD" ? "SIMPLE_AD" : "AD_CONNECTOR",
      dsType,
      edition: dsType === "MicrosoftAD" ? "Standard" : null,
      size: dsType === "MicrosoftAD" ? null : "Small",
      wsState: "REGISTERED",
      dsStage: chance(0.03) ? "Impaired" : "Active",
      dsStageReason: null,
      workspaceType: "PERSONAL",
      subnetIds: subnets.map((s) => s.id),
      dnsIps: [`10.${octet}.0.10`, `10.${octet}.128.10`],
      customerUserName: pick(["svc-wsconnector", "Administrator", "svc-workspaces"]),
      iamRoleId: "AROABENCHWSROLE00001",
      workspaceSecurityGroupId: membersGroupId,
      ipGroupIds,
      tenancy: "SHARED",
      endpointEncryptionMode: chance(0.3) ? "FIPS_VALIDATED" : "STANDARD_TLS",
      creation: {
        enableInternetAccess: internet,
        defaultOu: `OU=WorkSpaces,DC=corp${d},DC=example,DC=com`,
        customSecurityGroupId: chance(0.5) ? (customGroupIds[0] as string) : null,
        userEnabledAsLocalAdministrator: chance(0.5),
        enableMaintenanceMode: chance(0.8),
      },
      access: {
        windows: trusted || chance(0.3) ? "TRUST" : "ALLOW",
        osx: trusted || chance(0.2) ? "TRUST" : "ALLOW",
        web: allowOrDeny(0.3),
        ios: allowOrDeny(0.5),
        android: allowOrDeny(0.5),
        chromeOs: allowOrDeny(0.3),
        zeroClient: allowOrDeny(0.2),
        linux: allowOrDeny(0.2),
        thinClient: allowOrDeny(0.1),
      },
      selfService: { restartWorkspace: "ENABLED", increaseVolumeSize: toggle(0.3), changeComputeType: toggle(0.3), switchRunningMode: toggle(0.3), rebuildWorkspace: toggle(0.4) },
      saml: { status: chance(0.1) ? "ENABLED" : "DISABLED" },
      certificateBasedAuth: { status: "DISABLED" },
      clientProperties: { reconnect: toggle(0.5), logUpload: toggle(0.3) },
      radius,
      adConnector: dsType === "ADConnector" ? { ...placement, connectIps: [`10.1.${octet}.5`, `10.2.${octet}.5`], customerUserName: "svc-wsconnector" } : null,
      managedAd: dsType === "ADConnector" ? null : placement,
    };
    inventory.directories.push(dir);

    // The directory's own interfaces (controllers or connector endpoints), requester-managed and not WorkSpaces.
    subnets.forEach((subnet, s) => {
      inventory.networkInterfaces.push({
        id: `eni-${hex(0xf00000000 + 2 * d + s, 17)}`,
        accountId,
        region,
        vpcId,
        subnetId: subnet.id,
        availabilityZone: subnet.availabilityZone,
        privateIps: [`10.${octet}.${s * 128}.10`],
        publicIp: null,
        publicIpOwner: null,
        groupIds: [controllersGroupId],
        interfaceType: "interface",
        requesterId: "amazon-ds",
        requesterManaged: true,
        description: `AWS created network interface for directory ${dirId}`,
        status: "in-use",
      });
    });

    plans.push({ dir, subnets, membersGroupId, customGroupIds, keyIds: [], awsKey: awsKeyFor(accountId, region), internet, octet });
  }

  // Customer keys, spread round-robin over directories so every directory's account and region has at least one.
  const customerKeys: KmsKey[] = [];
  for (let k = 0; k < keyCount; k++) {
    const plan = plans[k % directoryCount] as DirectoryPlan;
    plan.keyIds.push(k);
    const { accountId, region } = plan.dir;
    const id = uuid(k + 1);
    const pendingDeletion = chance(0.05);
    const disabled = !pendingDeletion && chance(0.03);
    const asymmetric = chance(0.02);
    const key: KmsKey = {
      id,
      accountId,
      region,
      tags: { Purpose: "workspaces-volumes" },
      arn: `arn:aws:kms:${region}:${accountId}:key/${id}`,
      aliases: [`alias/workspaces-${k}`],
      keyManager: "CUSTOMER",
      keySpec: asymmetric ? "RSA_2048" : "SYMMETRIC_DEFAULT",
      keyUsage: "ENCRYPT_DECRYPT",
      keyState: pendingDeletion ? "PendingDeletion" : disabled ? "Disabled" : "Enabled",
      enabled: !pendingDeletion && !disabled,
      deletionDate: pendingDeletion ? "2026-01-15T00:00:00Z" : null,
      origin: "AWS_KMS",
      multiRegion: false,
      rotationEnabled: chance(0.7),
    };
    customerKeys.push(key);
    inventory.kmsKeys.push(key);
  }

  const keyReference = (key: KmsKey): string => {
    const style = random();
    if (style < 0.4) return key.arn;
    if (style < 0.7) return key.id;
    if (style < 0.9) return key.aliases[0] as string;
    return `arn:aws:kms:${key.region}:${key.accountId}:${key.aliases[0] as string}`;
  };

  const collectedAt = Date.parse(BENCH_COLLECTED_AT);
  const day = 86_400_000;
  let previousUser = "";
  for (let i = 0; i < total; i++) {
    const plan = plans[i % directoryCount] as DirectoryPlan;
    const { dir } = plan;
    const j = Math.floor(i / directoryCount);
    const subnet = plan.subnets[j % 2] as Subnet;
    const offset = 4 + Math.floor(j / 2);
    const ip = `10.${plan.octet}.${(j % 2) * 128 + Math.floor(offset / 256)}.${offset % 256}`;

    let volumeEncryptionKey: string | null = null;
    let encrypted = true;
    const keyRoll = random();
    if (keyRoll < 0.1) encrypted = false;
    else if (keyRoll < 0.102) volumeEncryptionKey = null; // encrypted, but the key reference is missing
    else if (keyRoll < 0.25) volumeEncryptionKey = keyReference(plan.awsKey);
    else volumeEncryptionKey = keyReference(customerKeys[pick(plan.keyIds)] as KmsKey);

    const stateRoll = random();
    const state = stateRoll < 0.85 ? "AVAILABLE" : stateRoll < 0.93 ? "STOPPED" : stateRoll < 0.95 ? "UNHEALTHY" : stateRoll < 0.96 ? "ERROR" : stateRoll < 0.98 ? "TERMINATED" : "ADMIN_MAINTENANCE";
    const userName = j > 0 && chance(0.01) ? previousUser : `user${i}`;
    previousUser = userName;
    const id = `ws-${i.toString(36).padStart(9, "0")}`;
    const alwaysOn = chance(0.3);
    const lastConnection = chance(0.05) ? null : new Date(collectedAt - Math.floor(random() * 120 * day)).toISOString();

    const workspace: Workspace = {
      id,
      accountId: dir.accountId,
      region: dir.region,
      directoryId: dir.id,
      userName,
      state,
      bundleId: `wsb-${hex(i % 7, 9)}`,
      subnetId: subnet.id,
      ipAddress: ip,
      computerName: `WSAMZN-${hex(i, 8).toUpperCase()}`,
      rootVolumeEncrypted: encrypted && chance(0.98),
      userVolumeEncrypted: encrypted,
      volumeEncryptionKey: encrypted ? volumeEncryptionKey : null,
      properties: {
        runningMode: alwaysOn ? "ALWAYS_ON" : "AUTO_STOP",
        autoStopTimeoutMinutes: alwaysOn ? null : 60,
        rootVolumeSizeGib: 80,
        userVolumeSizeGib: pick([10, 50, 100]),
        computeType: pick(["STANDARD", "PERFORMANCE", "POWER"]),
        protocols: [chance(0.6) ? "PCOIP" : "WSP"],
        operatingSystemName: chance(0.01) ? "WINDOWS_7" : pick(["WINDOWS_SERVER_2019", "WINDOWS_SERVER_2022", "WINDOWS_10", "AMAZON_LINUX_2"]),
      },
      modificationStates: [],
      error: state === "ERROR" ? { code: "ResourceLimitExceeded", message: "Failed to create WorkSpace" } : null,
      connection: { state: state === "AVAILABLE" && chance(0.2) ? "CONNECTED" : "DISCONNECTED", checkedAt: BENCH_COLLECTED_AT, lastUserConnectionAt: lastConnection },
    };
    inventory.workspaces.push(workspace);

    const groupIds = [plan.membersGroupId, pick(plan.customGroupIds)];
    const custom = dir.creation?.customSecurityGroupId;
    if (custom && !groupIds.includes(custom)) groupIds.push(custom);
    const eni: NetworkInterface = {
      id: `eni-${hex(i, 17)}`,
      accountId: dir.accountId,
      region: dir.region,
      vpcId: subnet.vpcId,
      subnetId: subnet.id,
      availabilityZone: subnet.availabilityZone,
      privateIps: [ip],
      publicIp: plan.internet ? `54.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` : null,
      publicIpOwner: plan.internet ? "amazon" : null,
      groupIds,
      interfaceType: "interface",
      requesterId: null,
      requesterManaged: false,
      description: `Created By Amazon Workspaces for AWS Account ID ${dir.accountId}`,
      status: "in-use",
    };
    inventory.networkInterfaces.push(eni);
  }

  return inventory;
}

/** Entity counts per collection, for the benchmark's header line. */
export function inventoryCounts(inventory: Inventory): Record<string, number> {
  return {
    workspaces: inventory.workspaces.length,
    directories: inventory.directories.length,
    networkInterfaces: inventory.networkInterfaces.length,
    securityGroups: inventory.securityGroups.length,
    ipGroups: inventory.ipGroups.length,
    subnets: inventory.subnets.length,
    vpcs: inventory.vpcs.length,
    routeTables: inventory.routeTables.length,
    kmsKeys: inventory.kmsKeys.length,
  };
}
