/** Deterministic synthetic inventory generator for the benchmark: N WorkSpaces with every schema 1.1 collection in proportion (directories, network, security groups, keys, region-level monitoring), compliant and not. */

import type {
  Directory,
  DhcpOptions,
  Inventory,
  IpGroup,
  KmsKey,
  NatGateway,
  NetworkAcl,
  NetworkAclEntry,
  NetworkInterface,
  PolicyDocumentJson,
  Route,
  RouteTable,
  SecurityGroupRule,
  Subnet,
  Vpc,
  VpcEndpoint,
  Workspace,
} from "../src/inventory/model.js";
import { INVENTORY_SCHEMA_VERSION } from "../src/inventory/model.js";
import { BENCH_ACCOUNTS, BENCH_REGIONS, generateRegionEntities, scopeKey, unhealthyAlarm, workspacesRoleId, type RegionCatalogue } from "./generate-account-regions.js";

export { BENCH_ACCOUNTS, BENCH_REGIONS } from "./generate-account-regions.js";

export interface GenerateOptions {
  workspaces: number;
  /** PRNG seed; the same seed and sizes always give the same document. */
  seed?: number;
  /** Fleet size per directory (≈500 in large real estates). */
  workspacesPerDirectory?: number;
  /** Fleet size per customer key (≈400 keeps most keys under the 500-per-key limit). */
  workspacesPerKey?: number;
}

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
const ON_PREMISES = "172.20.0.0/16";

const route = (destination: string, targetType: string, targetId: string, state = "active"): Route => ({
  destination,
  destinationIpv6: null,
  destinationPrefixListId: null,
  targetType,
  targetId,
  state,
});

const aclEntry = (ruleNumber: number, egress: boolean, protocol: string, fromPort: number, toPort: number, action = "allow", cidr = "0.0.0.0/0"): NetworkAclEntry => ({
  ruleNumber,
  egress,
  protocol,
  fromPort,
  toPort,
  cidr,
  ipv6Cidr: null,
  action,
});

/** The AD traffic a locked-down network ACL lists port by port (WS-NET-014 checks each against the directory's DNS servers). */
const AD_EGRESS: [string, number, number][] = [
  ["tcp", 53, 53], ["udp", 53, 53], ["tcp", 88, 88], ["udp", 88, 88], ["udp", 123, 123], ["tcp", 135, 135], ["udp", 137, 138],
  ["tcp", 139, 139], ["tcp", 389, 389], ["udp", 389, 389], ["tcp", 445, 445], ["udp", 445, 445], ["tcp", 1024, 65535], ["tcp", 443, 443],
];

/** Network ACLs of one VPC: the allow-all default, and sometimes a locked-down one on the WorkSpaces subnets, now and then missing a port. */
function networkAcls(d: number, base: { accountId: string; region: string; vpcId: string }, subnetIds: string[], chance: (p: number) => boolean): NetworkAcl[] {
  const allowAll = (egress: boolean): NetworkAclEntry[] => [aclEntry(100, egress, "all", 0, 65535), aclEntry(32767, egress, "all", 0, 65535, "deny")];
  const acls: NetworkAcl[] = [{ id: `acl-${hex(2 * d, 17)}`, ...base, isDefault: true, subnetIds: [], entries: [...allowAll(false), ...allowAll(true)] }];
  if (chance(0.3)) {
    const broken = chance(0.4);
    const egress = AD_EGRESS.filter(([protocol, from]) => !(broken && protocol === "udp" && from === 123)).map(([protocol, from, to], n) => aclEntry(100 + 10 * n, true, protocol, from, to));
    if (broken && chance(0.5)) egress.unshift(aclEntry(90, true, "udp", 137, 138, "deny"));
    acls.push({
      id: `acl-${hex(2 * d + 1, 17)}`,
      ...base,
      isDefault: false,
      subnetIds,
      entries: [
        aclEntry(100, false, "tcp", 443, 443),
        aclEntry(110, false, "tcp", 4172, 4172),
        aclEntry(120, false, "udp", 4172, 4172),
        aclEntry(130, false, "tcp", 1024, 65535),
        aclEntry(140, false, "udp", 1024, 65535),
        aclEntry(32767, false, "all", 0, 65535, "deny"),
        ...egress,
        aclEntry(32767, true, "all", 0, 65535, "deny"),
      ],
    });
  }
  return acls;
}

/** A customer key policy: root, separate admins and users, grants only for AWS resources; some keys break one of those. */
function keyPolicy(accountId: string, flaw: "none" | "admin-uses" | "open-grant"): PolicyDocumentJson {
  const role = (name: string): string => `arn:aws:iam::${accountId}:role/${name}`;
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "EnableRoot", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "KeyAdministrators",
        Effect: "Allow",
        Principal: { AWS: role("KeyAdmins") },
        Action: ["kms:CreateAlias", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
        Resource: "*",
      },
      {
        Sid: "KeyUsers",
        Effect: "Allow",
        Principal: { AWS: flaw === "admin-uses" ? [role("WorkSpacesUsers"), role("KeyAdmins")] : role("WorkSpacesUsers") },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
      },
      {
        Sid: "Grants",
        Effect: "Allow",
        Principal: { AWS: role("WorkSpacesUsers") },
        Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
        Resource: "*",
        ...(flaw === "open-grant" ? {} : { Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } }),
      },
    ],
  };
}

interface DirectoryPlan {
  dir: Directory;
  subnets: [Subnet, Subnet];
  membersGroupId: string;
  customGroupIds: string[];
  keyIds: number[];
  awsKey: KmsKey;
  internet: boolean;
  octet: number;
  catalogue: RegionCatalogue;
}

export function generateInventory(options: GenerateOptions): Inventory {
  const total = options.workspaces;
  const random = prng(options.seed ?? 20260101);
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const directoryCount = Math.max(1, Math.ceil(total / (options.workspacesPerDirectory ?? 500)));
  const keyCount = Math.max(directoryCount, Math.ceil(total / (options.workspacesPerKey ?? 400)));
  const regional = generateRegionEntities();

  const inventory = {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    collectedAt: BENCH_COLLECTED_AT,
    tool: { name: "wsaudit-bench", version: "0.0.0" },
    scope: { partition: "aws", accounts: [...BENCH_ACCOUNTS], regions: [...BENCH_REGIONS] },
    errors: [],
    directories: [] as Directory[],
    workspaces: [] as Workspace[],
    ipGroups: [] as IpGroup[],
    securityGroups: [] as Inventory["securityGroups"],
    networkInterfaces: [] as NetworkInterface[],
    subnets: [] as Subnet[],
    vpcs: [] as Vpc[],
    routeTables: [] as RouteTable[],
    kmsKeys: [] as KmsKey[],
    accountRegions: regional.accountRegions,
    natGateways: [] as NatGateway[],
    dhcpOptions: [] as DhcpOptions[],
    networkAcls: [] as NetworkAcl[],
    vpcEndpoints: [] as VpcEndpoint[],
    bundles: regional.bundles,
    images: regional.images,
    trails: regional.trails,
    alarms: regional.alarms,
    eventRules: regional.eventRules,
    iamRoles: regional.iamRoles,
  } satisfies Inventory;

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
        rotationPeriodDays: 365,
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
    const where = { accountId, region };
    const octet = d % 256;
    const vpcCidr = `10.${octet}.0.0/16`;
    const dirId = `d-${hex(0x9000000000 + d, 10)}`;
    const vpcId = `vpc-${hex(d, 17)}`;
    const kind = d % 4;
    // Now and then a Managed AD shared from another account is registered instead of an own one (WS-DIR-005).
    const dsType = kind === 0 ? "SimpleAD" : kind === 3 ? (d % 40 === 7 ? "SharedMicrosoftAD" : "MicrosoftAD") : "ADConnector";

    const sameAz = chance(0.1);
    const subnets = [0, 1].map((s): Subnet => ({
      id: `subnet-${hex(4 * d + s, 17)}`,
      ...where,
      tags: { Name: `ws-private-${d}-${s}` },
      vpcId,
      availabilityZone: `${region}${s === 1 && !sameAz ? "b" : "a"}`,
      availabilityZoneId: null,
      cidr: `10.${octet}.${s * 64}.0/18`,
      ipv6Cidrs: [],
      availableIps: chance(0.03) ? 12 : 16000,
      mapPublicIpOnLaunch: chance(0.05),
      assignIpv6OnCreation: chance(0.05),
    })) as [Subnet, Subnet];
    inventory.subnets.push(...subnets);
    // A Managed AD's controllers sometimes get subnets of their own (WS-DIR-007 wants them apart from the WorkSpaces).
    const separateControllers = dsType === "MicrosoftAD" && chance(0.5);
    const controllerSubnets = separateControllers
      ? [0, 1].map((s): Subnet => ({ ...(subnets[s] as Subnet), id: `subnet-${hex(4 * d + 2 + s, 17)}`, tags: { Name: `ad-${d}-${s}` }, cidr: `10.${octet}.${128 + s}.0/24`, availableIps: 240 }))
      : subnets;
    if (separateControllers) inventory.subnets.push(...controllerSubnets);

    // DNS: the controllers' addresses for Simple AD and Managed AD; on-premises DNS behind an AD Connector, sometimes inside the WorkSpaces subnets.
    const controllerIps = controllerSubnets.map((s) => s.cidr.replace(/\.0\/\d+$/, ".10"));
    const dnsIps =
      dsType === "ADConnector"
        ? chance(0.1)
          ? [`10.${octet}.0.10`, `10.${octet}.64.10`]
          : chance(0.05)
            ? [`172.20.${octet}.10`]
            : [`172.20.${octet}.10`, `172.20.${octet}.11`]
        : controllerIps;

    const extraCidr = chance(0.05) ? ["100.64.0.0/16"] : [];
    const dhcpRoll = random();
    const dhcpOptionsId = dhcpRoll < 0.05 ? "default" : `dopt-${hex(d, 17)}`;
    inventory.vpcs.push({ id: vpcId, ...where, tags: { Name: `ws-vpc-${d}` }, cidrs: [vpcCidr, ...extraCidr], isDefault: chance(0.03), dhcpOptionsId, instanceTenancy: "default" });
    if (dhcpOptionsId !== "default") {
      const good = dhcpRoll < 0.75;
      inventory.dhcpOptions.push({
        id: dhcpOptionsId,
        ...where,
        domainName: [good ? `corp${d}.example.com` : `${region}.compute.internal`],
        domainNameServers: good ? [...dnsIps] : ["AmazonProvidedDNS"],
        ntpServers: good ? [] : ["169.254.169.123"],
        netbiosNameServers: [],
        netbiosNodeType: good ? ["2"] : [],
      });
    }

    // NAT gateways, one per WorkSpaces subnet's AZ.
    subnets.forEach((subnet, s) => {
      inventory.natGateways.push({ id: `nat-${hex(2 * d + s, 17)}`, ...where, vpcId, subnetId: subnet.id, state: s === 0 && chance(0.03) ? "failed" : "available", connectivityType: "public" });
    });

    // Routes: the on-premises network through a transit gateway (sometimes missing or blackholed), and now and then a route into a management range.
    const onPremises: Route[] = [];
    const onPremRoll = random();
    if (onPremRoll >= 0.1) onPremises.push(route(ON_PREMISES, "tgw", `tgw-${hex(d % 8, 17)}`));
    if (onPremRoll >= 0.1 && onPremRoll < 0.15) onPremises.push(route(`172.20.${octet}.0/24`, "tgw", `tgw-${hex(d % 8, 17)}`, "blackhole"));
    if (chance(0.1)) onPremises.push(route("192.168.0.0/16", "vgw", `vgw-${hex(d, 17)}`));
    const local = route(vpcCidr, "local", "local");
    inventory.routeTables.push({ id: `rtb-${hex(4 * d, 17)}`, ...where, vpcId, isMain: true, subnetIds: [], routes: [local, ...onPremises] });
    const internet = chance(0.3);
    if (internet || chance(0.1)) {
      // A public table on the WorkSpaces subnets: the internet-routed placement the network policies flag.
      inventory.routeTables.push({ id: `rtb-${hex(4 * d + 1, 17)}`, ...where, vpcId, isMain: false, subnetIds: subnets.map((s) => s.id), routes: [local, route("0.0.0.0/0", "igw", `igw-${hex(d, 17)}`), ...onPremises] });
    } else {
      // Private tables per subnet, each to its own AZ's NAT gateway; sometimes both share one (cross-AZ egress).
      const shared = chance(0.15);
      subnets.forEach((subnet, s) => {
        const nat = `nat-${hex(2 * d + (shared ? 0 : s), 17)}`;
        inventory.routeTables.push({ id: `rtb-${hex(4 * d + 2 + s, 17)}`, ...where, vpcId, isMain: false, subnetIds: [subnet.id], routes: [local, route("0.0.0.0/0", "nat", nat), ...onPremises] });
      });
    }
    inventory.networkAcls.push(...networkAcls(d, { ...where, vpcId }, subnets.map((s) => s.id), chance));

    inventory.vpcEndpoints.push({ id: `vpce-${hex(2 * d, 17)}`, ...where, vpcId, serviceName: `com.amazonaws.${region}.s3`, type: "Gateway", state: "available", subnetIds: [] });
    if (chance(0.1)) {
      inventory.vpcEndpoints.push({ id: `vpce-${hex(2 * d + 1, 17)}`, ...where, vpcId, serviceName: `com.amazonaws.${region}.workspaces`, type: "Interface", state: chance(0.5) ? "available" : "deleted", subnetIds: subnets.map((s) => s.id) });
    }

    const sgId = (n: number): string => `sg-${hex(8 * d + n, 17)}`;
    const membersGroupId = sgId(0);
    const controllersGroupId = sgId(1);
    const subnetCidrs = subnets.map((s) => s.cidr);
    // Some members groups keep egress to HTTPS and the VPC's high ports only: the AD ports to the DNS servers are then missing.
    const membersEgress = chance(0.15) ? [rule("tcp", 443, 443, ["0.0.0.0/0"]), rule("tcp", 1024, 65535, [vpcCidr])] : ALL_EGRESS;
    const controllerIngress = [
      rule("tcp", 53, 53, subnetCidrs),
      rule("udp", 53, 53, subnetCidrs),
      rule("tcp", 88, 88, subnetCidrs),
      rule("tcp", 389, 389, subnetCidrs),
      rule("tcp", 445, 445, subnetCidrs),
      rule("tcp", 1024, 65535, subnetCidrs),
    ];
    if (chance(0.1)) controllerIngress.push(pick([rule("tcp", 3389, 3389, ["0.0.0.0/0"]), rule("tcp", 389, 389, ["10.0.0.0/8"])]));
    const controllerEgress = dsType === "ADConnector" && chance(0.15) ? [rule("tcp", 0, 65535, ["0.0.0.0/0"])] : ALL_EGRESS;
    inventory.securityGroups.push(
      { id: membersGroupId, ...where, name: `${dirId}_workspacesMembers`, description: `Amazon WorkSpaces Security Group`, vpcId, ingress: [], egress: membersEgress },
      { id: controllersGroupId, ...where, name: `${dirId}_controllers`, description: `AWS created security group for ${dirId} directory controllers`, vpcId, ingress: controllerIngress, egress: controllerEgress },
    );
    const customGroupIds: string[] = [];
    for (let c = 0; c < 3; c++) {
      const ingress = [rule("tcp", 443, 443, ["10.0.0.0/8"]), rule("tcp", 4172, 4172, ["10.0.0.0/8"])];
      if (chance(0.08)) ingress.push(pick([rule("tcp", 3389, 3389, ["0.0.0.0/0"]), rule("tcp", 22, 22, [], ["::/0"]), rule("all", 0, 65535, ["0.0.0.0/0"])]));
      if (chance(0.05)) ingress.push(rule("tcp", 445, 445, ["192.168.0.0/16"]));
      const id = sgId(2 + c);
      customGroupIds.push(id);
      inventory.securityGroups.push({ id, ...where, name: `ws-custom-${d}-${c}`, description: "WorkSpaces custom access", vpcId, ingress, egress: [rule("tcp", 443, 443, ["0.0.0.0/0"])] });
    }

    const ipGroupIds: string[] = [];
    if (chance(0.8)) {
      const id = `wsipg-${hex(d, 9)}`;
      const rules = chance(0.05) ? [] : [{ cidr: `198.51.${d % 256}.0/24`, description: "Office egress" }];
      if (chance(0.1)) rules.push({ cidr: "0.0.0.0/0", description: "temporary: everyone" });
      if (chance(0.05)) rules.push({ cidr: `10.${octet}.0.0/16`, description: "private range: never matches a client's public address" });
      // A free-form description that leaks a credential, in one account-region slot only (WS-DATA-001).
      const description = d % 8 === 7 && chance(0.5) ? "Corporate offices; vpn password: hunter2" : "Corporate offices";
      inventory.ipGroups.push({ id, ...where, tags: { Owner: "netops" }, name: `office-${d}`, description, rules } satisfies IpGroup);
      ipGroupIds.push(id);
    }

    const placement = { vpcId, subnetIds: controllerSubnets.map((s) => s.id), securityGroupId: controllersGroupId, availabilityZones: [...new Set(controllerSubnets.map((s) => s.availabilityZone))] };
    const allowOrDeny = (pAllow: number): string => (chance(pAllow) ? "ALLOW" : "DENY");
    const toggle = (pEnabled: number): string => (chance(pEnabled) ? "ENABLED" : "DISABLED");
    const radius = dsType !== "SimpleAD" && chance(0.6)
      ? { servers: chance(0.7) ? [`10.${octet}.0.11`, `10.${octet}.0.12`] : [`10.${octet}.0.11`], port: 1812, timeout: chance(0.9) ? 5 : 30, retries: 3, protocol: "MS-CHAPv2", status: chance(0.9) ? "Completed" : "Failed" }
      : null;
    const trusted = chance(0.3);
    const connectIps = [`10.${octet}.0.5`, `10.${octet}.64.5`];
    const dir: Directory = {
      id: dirId,
      ...where,
      tags: d % 16 === 6 ? { Environment: "prod", Contact: `owner${d}@example.com` } : { Environment: chance(0.7) ? "prod" : "dev" },
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
      dnsIps,
      customerUserName: pick(["svc-wsconnector", "Administrator", "svc-workspaces"]),
      iamRoleId: workspacesRoleId(accountId),
      workspaceSecurityGroupId: membersGroupId,
      ipGroupIds,
      tenancy: chance(0.2) ? "DEDICATED" : "SHARED",
      endpointEncryptionMode: chance(0.3) ? "FIPS_VALIDATED" : "STANDARD_TLS",
      creation: {
        enableInternetAccess: internet,
        defaultOu: chance(0.1) ? `CN=Computers,DC=corp${d},DC=example,DC=com` : `OU=WorkSpaces,DC=corp${d},DC=example,DC=com`,
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
      adConnector: dsType === "ADConnector" ? { ...placement, connectIps, customerUserName: "svc-wsconnector" } : null,
      managedAd: dsType === "ADConnector" ? null : placement,
      trusts:
        dsType === "MicrosoftAD" && chance(0.7)
          ? [0, 1].slice(0, chance(0.5) ? 2 : 1).map((t) => ({
              id: `t-${hex(2 * d + t, 10)}`,
              remoteDomainName: `forest${t}.corp${d}.example.com`,
              direction: chance(0.85) ? "Two-Way" : "One-Way: Outgoing",
              type: "Forest",
              state: chance(0.9) ? "Verified" : "Failed",
            }))
          : [],
      streaming: chance(0.3)
        ? null
        : {
            userSettings: [
              { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: chance(0.7) ? "DISABLED" : "ENABLED", maximumLength: null },
              { action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", permission: "DISABLED", maximumLength: null },
              { action: "PRINTING_TO_LOCAL_DEVICE", permission: chance(0.8) ? "DISABLED" : "ENABLED" },
            ],
          },
    };
    inventory.directories.push(dir);
    // Most directories have their own Unhealthy alarm; directory 1 and every seventh do not (WS-MON-002 fails in their
    // account-region unless a region-wide alarm covers it, as in slots 0 and 4).
    if (d !== 1 && d % 7 !== 3) inventory.alarms.push(unhealthyAlarm(accountId, region, dirId));

    // The directory's own interfaces (controllers or connector endpoints), requester-managed and not WorkSpaces.
    controllerSubnets.forEach((subnet, s) => {
      inventory.networkInterfaces.push({
        id: `eni-${hex(0xf00000000 + 2 * d + s, 17)}`,
        ...where,
        vpcId,
        subnetId: subnet.id,
        availabilityZone: subnet.availabilityZone,
        privateIps: [dsType === "ADConnector" ? (connectIps[s] as string) : (controllerIps[s] as string)],
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
    // An in-VPC RADIUS server for half the RADIUS directories; its group admits the whole VPC, or only one connector address (WS-SG-013).
    if (radius !== null && chance(0.5)) {
      const radiusGroupId = sgId(5);
      const narrow = chance(0.3);
      inventory.securityGroups.push({ id: radiusGroupId, ...where, name: `radius-${d}`, description: "RADIUS servers", vpcId, ingress: [rule("udp", 1812, 1812, [narrow ? `${connectIps[0] as string}/32` : vpcCidr])], egress: ALL_EGRESS });
      inventory.networkInterfaces.push({
        id: `eni-${hex(0xe00000000 + d, 17)}`,
        ...where,
        vpcId,
        subnetId: subnets[0].id,
        availabilityZone: subnets[0].availabilityZone,
        privateIps: [...radius.servers],
        publicIp: null,
        publicIpOwner: null,
        groupIds: [radiusGroupId],
        interfaceType: "interface",
        requesterId: null,
        requesterManaged: false,
        description: "RADIUS server",
        status: "in-use",
      });
    }

    plans.push({ dir, subnets, membersGroupId, customGroupIds, keyIds: [], awsKey: awsKeyFor(accountId, region), internet, octet, catalogue: regional.catalogues.get(scopeKey(accountId, region)) as RegionCatalogue });
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
    const rotation = chance(0.7);
    const flawRoll = random();
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
      rotationEnabled: rotation,
      rotationPeriodDays: rotation ? 365 : null,
      policy: keyPolicy(accountId, flawRoll < 0.15 ? "admin-uses" : flawRoll < 0.25 ? "open-grant" : "none"),
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
  for (let i = 0; i < total; i++) {
    const plan = plans[i % directoryCount] as DirectoryPlan;
    const { dir } = plan;
    const j = Math.floor(i / directoryCount);
    const subnet = plan.subnets[j % 2] as Subnet;
    // WorkSpaces start at x.y.(64s+1).4, clear of the directory, connector and RADIUS addresses.
    const k = Math.floor(j / 2);
    const ip = `10.${plan.octet}.${(j % 2) * 64 + 1 + Math.floor(k / 250)}.${4 + (k % 250)}`;

    let volumeEncryptionKey: string | null = null;
    let encrypted = true;
    const keyRoll = random();
    if (keyRoll < 0.1) encrypted = false;
    else if (keyRoll < 0.102) volumeEncryptionKey = null; // encrypted, but the key reference is missing
    else if (keyRoll < 0.25) volumeEncryptionKey = keyReference(plan.awsKey);
    else volumeEncryptionKey = keyReference(customerKeys[pick(plan.keyIds)] as KmsKey);

    const stateRoll = random();
    const state = stateRoll < 0.85 ? "AVAILABLE" : stateRoll < 0.93 ? "STOPPED" : stateRoll < 0.95 ? "UNHEALTHY" : stateRoll < 0.96 ? "ERROR" : stateRoll < 0.98 ? "TERMINATED" : "ADMIN_MAINTENANCE";
    // Now and then a user gets a second WorkSpace in the same directory (WS-OPS-007).
    const userName = j > 0 && chance(0.01) ? `user${i - directoryCount}` : `user${i}`;
    const id = `ws-${i.toString(36).padStart(9, "0")}`;
    const alwaysOn = chance(0.3);
    const lastConnection = chance(0.05) ? null : new Date(collectedAt - Math.floor(random() * 120 * day)).toISOString();
    const bundleRoll = random();
    const bundleId = bundleRoll < 0.7 ? pick(plan.catalogue.amazonBundleIds) : bundleRoll < 0.9 ? pick(plan.catalogue.customBundleIds) : pick(plan.catalogue.byolBundleIds);
    const tags: Record<string, string> = { CostCenter: `cc-${i % 97}`, Team: pick(["finance", "engineering", "support", "sales"]) };
    if (alwaysOn && chance(0.1)) tags["Skip_Convert"] = "true";
    // A user's e-mail address in a tag, in one account-region slot only (WS-DATA-001).
    if (i % directoryCount % 8 === 5 && chance(0.01)) tags["Owner"] = `${userName}@example.com`;

    const workspace: Workspace = {
      id,
      accountId: dir.accountId,
      region: dir.region,
      tags,
      directoryId: dir.id,
      userName,
      state,
      bundleId,
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

    // Rarely the interface is gone (WS-OPS-008), or it misses the directory's custom group (WS-SG-003).
    if (chance(0.005)) continue;
    const groupIds = [plan.membersGroupId, pick(plan.customGroupIds)];
    const custom = dir.creation?.customSecurityGroupId;
    if (custom && !groupIds.includes(custom) && !chance(0.03)) groupIds.push(custom);
    inventory.networkInterfaces.push({
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
    });
  }

  return inventory;
}

/** Entity counts per collection, for the benchmark's header line. */
export function inventoryCounts(inventory: Inventory): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(inventory)) if (Array.isArray(value) && name !== "errors") counts[name] = value.length;
  return counts;
}
