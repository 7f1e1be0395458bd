// Integration: collection against moto's server (started here on a free port; if it cannot start, this suite fails).
// moto 5.2.1 lacks four WorkSpaces read calls the collector makes; a clearly labelled STUB proxy (support/moto-stub-proxy.ts)
// answers exactly those four and forwards everything else to moto. The first test proves moto really lacks them.
// Everything else comes from moto itself: EC2 (NAT gateways, DHCP options, network ACLs, VPC endpoints), Directory
// Service trusts, WorkSpaces images and image permissions, KMS key policies, CloudTrail, CloudWatch, EventBridge, IAM.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectInventory } from "../../src/collect/index.js";
import type { Inventory } from "../../src/inventory/model.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";
import { startMoto, type MotoServer } from "./support/moto-server.js";
import { startStubProxy, type StubProxy } from "./support/moto-stub-proxy.js";
import { seedMotoAccount, type SeededAccount } from "./support/seed-moto-account.js";
import { expectValidInventory } from "../helpers/expect-valid-inventory.js";

/** The operations moto does not implement, each answered by the stub. */
const STUBBED = ["DescribeIpGroups", "DescribeWorkspacesConnectionStatus", "DescribeAccount", "DescribeWorkspaceBundles"] as const;
const OWNED_BUNDLE = "wsb-stubowned1";

let moto: MotoServer;
let proxy: StubProxy;
let seeded: SeededAccount;
let inv: Inventory;

beforeAll(async () => {
  useFakeCredentialEnv();
  moto = await startMoto();
  await moto.reset();
  seeded = await seedMotoAccount(moto.url);
  proxy = await startStubProxy(moto.url, {
    // STUB: one IP group open to the world; moto has no IP groups.
    DescribeIpGroups: () => ({ Result: [{ groupId: "wsipg-stub0001", groupName: "anywhere", groupDesc: "stub", userRules: [{ ipRule: "0.0.0.0/0", ruleDesc: "all" }] }] }),
    // STUB: connection status for the seeded WorkSpaces; moto has none.
    DescribeWorkspacesConnectionStatus: () => ({
      WorkspacesConnectionStatus: [
        { WorkspaceId: seeded.workspaces.encryptedWithAlias, ConnectionState: "CONNECTED", ConnectionStateCheckTimestamp: 1767225600, LastKnownUserConnectionTimestamp: 1767225000 },
      ],
    }),
    // STUB: BYOL settings; moto has no DescribeAccount.
    DescribeAccount: () => ({ DedicatedTenancySupport: "ENABLED", DedicatedTenancyManagementCidrRange: "192.168.48.0/20", DedicatedTenancyAccountType: "SOURCE_ACCOUNT" }),
    // STUB: moto has no bundles. By id: the AMAZON bundle the seeded WorkSpaces use; without ids: one owned bundle built on
    // the image moto created from a WorkSpace.
    DescribeWorkspaceBundles: (input) =>
      Array.isArray(input["BundleIds"])
        ? { Bundles: (input["BundleIds"] as string[]).filter((id) => id === "wsb-bh8rsxt14").map((id) => ({ BundleId: id, Name: "Standard with Windows 10", Owner: "AMAZON", ImageId: "wsi-amazon000", RootStorage: { Capacity: "80" }, UserStorage: { Capacity: "50" }, ComputeType: { Name: "STANDARD" }, State: "AVAILABLE" })) }
        : { Bundles: [{ BundleId: OWNED_BUNDLE, Name: "corp-standard", Owner: "123456789012", ImageId: seeded.image.id, RootStorage: { Capacity: "175" }, UserStorage: { Capacity: "100" }, ComputeType: { Name: "PERFORMANCE" }, State: "AVAILABLE" }] },
  });
  inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: proxy.url, credentials: FAKE_CREDENTIALS, rateLimit: { ratePerSecond: 50, burst: 50 } });
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe("collection against moto", () => {
  it("stubs only calls moto really lacks", async () => {
    for (const op of STUBBED) {
      const res = await fetch(moto.url, {
        method: "POST",
        headers: {
          "x-amz-target": `WorkspacesService.${op}`,
          "content-type": "application/x-amz-json-1.1",
          authorization: "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/workspaces/aws4_request, SignedHeaders=host, Signature=0",
        },
        body: "{}",
      });
      expect(res.ok, `${op} is implemented by moto now: remove its stub`).toBe(false);
    }
    expect(Object.keys(proxy.stubbedCalls).sort()).toEqual([...STUBBED].sort());
  });

  it("records no error and produces a schema-valid inventory", () => {
    expect(inv.errors).toEqual([]);
    expectValidInventory(inv);
    expect(inv.scope).toEqual({ partition: "aws", accounts: ["123456789012"], regions: ["us-east-1"] });
  });

  it("merges each WorkSpaces registration with its Directory Service description, without the registration code", () => {
    const simple = inv.directories.find((d) => d.id === seeded.simpleAdId)!;
    const connector = inv.directories.find((d) => d.id === seeded.adConnectorId)!;
    expect(simple).toMatchObject({
      wsType: "SIMPLE_AD",
      dsType: "SimpleAD",
      dsStage: "Active",
      wsState: "REGISTERED",
      name: "corp.example.com",
      size: "Small",
      subnetIds: [seeded.subnetA, seeded.subnetB],
      tenancy: "SHARED",
      radius: null,
      adConnector: null,
      managedAd: { vpcId: seeded.vpcId, subnetIds: [seeded.subnetA, seeded.subnetB], availabilityZones: ["us-east-1a", "us-east-1b"] },
      selfService: { restartWorkspace: "ENABLED", rebuildWorkspace: "ENABLED" },
      clientProperties: { reconnect: "ENABLED", logUpload: "ENABLED" },
    });
    expect(simple.workspaceSecurityGroupId).toMatch(/^sg-/);
    expect(connector).toMatchObject({
      wsType: "AD_CONNECTOR",
      dsType: "ADConnector",
      dnsIps: ["192.0.2.10", "192.0.2.11"],
      managedAd: null,
      adConnector: { vpcId: seeded.vpcId, customerUserName: "svc-adconnector", availabilityZones: ["us-east-1a", "us-east-1b"] },
      selfService: { restartWorkspace: "ENABLED", rebuildWorkspace: "DISABLED" },
    });
    expect(JSON.stringify(inv)).not.toMatch(/SLiad\+|RegistrationCode|registrationCode/);
  });

  it("collects WorkSpaces encrypted and not, with the stubbed connection status merged", () => {
    const alice = inv.workspaces.find((w) => w.id === seeded.workspaces.encryptedWithAlias)!;
    const bob = inv.workspaces.find((w) => w.id === seeded.workspaces.encryptedWithPendingKeyArn)!;
    const carol = inv.workspaces.find((w) => w.id === seeded.workspaces.unencrypted)!;
    expect(alice).toMatchObject({ directoryId: seeded.simpleAdId, userName: "alice", state: "AVAILABLE", rootVolumeEncrypted: true, userVolumeEncrypted: true, volumeEncryptionKey: "alias/workspaces-volumes" });
    expect(alice.properties).toMatchObject({ runningMode: "AUTO_STOP", autoStopTimeoutMinutes: 60, rootVolumeSizeGib: 80, userVolumeSizeGib: 50, computeType: "STANDARD" });
    expect(alice.connection).toEqual({ state: "CONNECTED", checkedAt: "2026-01-01T00:00:00.000Z", lastUserConnectionAt: "2025-12-31T23:50:00.000Z" });
    expect(bob).toMatchObject({ rootVolumeEncrypted: true, userVolumeEncrypted: false, volumeEncryptionKey: seeded.pendingKey.arn, connection: null });
    expect(carol).toMatchObject({ rootVolumeEncrypted: false, userVolumeEncrypted: false, volumeEncryptionKey: null });
  });

  it("resolves key references (alias, ARN) to KMS keys: one enabled with its alias, one pending deletion", () => {
    expect(inv.kmsKeys.map((k) => k.arn).sort()).toEqual([seeded.enabledKey.arn, seeded.pendingKey.arn].sort());
    const enabled = inv.kmsKeys.find((k) => k.arn === seeded.enabledKey.arn)!;
    const pending = inv.kmsKeys.find((k) => k.arn === seeded.pendingKey.arn)!;
    // moto answers GetKeyRotationStatus without RotationPeriodInDays (AWS sends it while rotation is on), hence null.
    expect(enabled).toMatchObject({ id: seeded.enabledKey.keyId, aliases: ["alias/workspaces-volumes"], keyManager: "CUSTOMER", keyState: "Enabled", enabled: true, deletionDate: null, rotationEnabled: true, rotationPeriodDays: null });
    expect(pending).toMatchObject({ keyState: "PendingDeletion", enabled: false });
    // moto's default key policy, parsed from GetKeyPolicy.
    expect(enabled.policy).toEqual({
      Version: "2012-10-17",
      Id: "key-default-1",
      Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }],
    });
    expect(pending.deletionDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("collects the WorkSpaces VPC: subnets in two AZs, the open RDP rule normalized, routes typed", () => {
    expect(inv.vpcs.map((v) => v.id)).toEqual([seeded.vpcId]);
    expect(inv.vpcs[0]).toMatchObject({ cidrs: ["10.20.0.0/16"], isDefault: false });
    const azs = inv.subnets.map((s) => [s.id, s.availabilityZone, s.cidr, s.vpcId]);
    expect(azs.sort()).toEqual(
      [
        [seeded.subnetA, "us-east-1a", "10.20.1.0/24", seeded.vpcId],
        [seeded.subnetB, "us-east-1b", "10.20.2.0/24", seeded.vpcId],
      ].sort(),
    );
    const sg = inv.securityGroups.find((g) => g.id === seeded.rdpOpenSgId)!;
    expect(sg.ingress).toEqual([
      { protocol: "tcp", fromPort: 3389, toPort: 3389, ipv4: ["0.0.0.0/0"], ipv6: ["::/0"], prefixListIds: [], groupRefs: [] },
      { protocol: "all", fromPort: 0, toPort: 65535, ipv4: [], ipv6: [], prefixListIds: [], groupRefs: [seeded.rdpOpenSgId] },
    ]);
    // Directory Service created the controller and WorkSpaces member groups in the same VPC.
    expect(inv.securityGroups.some((g) => g.name.endsWith("_controllers"))).toBe(true);
    const rt = inv.routeTables.find((t) => t.id === seeded.routeTableId)!;
    expect(rt).toMatchObject({ vpcId: seeded.vpcId, isMain: false, subnetIds: [seeded.subnetA] });
    expect(rt.routes).toContainEqual(expect.objectContaining({ destination: "0.0.0.0/0", targetType: "igw", targetId: seeded.igwId }));
    expect(rt.routes).toContainEqual(expect.objectContaining({ destination: "10.20.0.0/16", targetType: "local", targetId: "local" }));
    expect(inv.routeTables.some((t) => t.isMain)).toBe(true);
    // The directory controllers' interfaces sit in the WorkSpaces subnets.
    expect(inv.networkInterfaces.length).toBeGreaterThan(0);
    expect(inv.networkInterfaces.every((n) => n.vpcId === seeded.vpcId && [seeded.subnetA, seeded.subnetB].includes(n.subnetId))).toBe(true);
  });

  it("takes IP groups from the stub", () => {
    expect(inv.ipGroups).toEqual([{ id: "wsipg-stub0001", accountId: "123456789012", region: "us-east-1", name: "anywhere", description: "stub", rules: [{ cidr: "0.0.0.0/0", description: "all" }] }]);
  });
});

describe("collection against moto: schema 1.1 collections", () => {
  const where = { accountId: "123456789012", region: "us-east-1" };

  it("writes every schema 1.1 collection", () => {
    for (const c of ["accountRegions", "natGateways", "dhcpOptions", "networkAcls", "vpcEndpoints", "bundles", "images", "trails", "alarms", "eventRules", "iamRoles"] as const) {
      expect(Array.isArray(inv[c]), c).toBe(true);
    }
  });

  it("makes one account-region with the stubbed BYOL settings", () => {
    expect(inv.accountRegions).toEqual([{ id: "123456789012/us-east-1", ...where, byol: { dedicatedTenancySupport: "ENABLED", managementCidrRange: "192.168.48.0/20", accountType: "SOURCE_ACCOUNT" } }]);
  });

  it("collects the NAT gateway, DHCP options, network ACLs and VPC endpoint of the WorkSpaces VPC", () => {
    expect(inv.natGateways).toEqual([{ id: seeded.natGatewayId, ...where, tags: {}, vpcId: seeded.vpcId, subnetId: seeded.subnetA, state: "available", connectivityType: "public" }]);
    expect(inv.dhcpOptions).toEqual([
      { id: seeded.dhcpOptionsId, ...where, tags: {}, domainName: ["corp.example.com"], domainNameServers: ["10.20.1.10", "10.20.2.10"], ntpServers: ["169.254.169.123"], netbiosNameServers: [], netbiosNodeType: [] },
    ]);
    const custom = inv.networkAcls?.find((a) => a.id === seeded.networkAclId);
    expect(custom).toMatchObject({ vpcId: seeded.vpcId, isDefault: false, subnetIds: [seeded.subnetB] });
    expect(custom?.entries).toEqual([
      { ruleNumber: 100, egress: false, protocol: "tcp", fromPort: 3389, toPort: 3389, cidr: "0.0.0.0/0", ipv6Cidr: null, action: "deny" },
      { ruleNumber: 110, egress: false, protocol: "all", fromPort: 0, toPort: 65535, cidr: "10.0.0.0/8", ipv6Cidr: null, action: "allow" },
      { ruleNumber: 120, egress: true, protocol: "all", fromPort: 0, toPort: 65535, cidr: null, ipv6Cidr: "::/0", action: "allow" },
    ]);
    const dflt = inv.networkAcls?.find((a) => a.isDefault);
    expect(dflt).toMatchObject({ vpcId: seeded.vpcId, subnetIds: [seeded.subnetA] });
    expect(dflt?.entries).toContainEqual({ ruleNumber: 32767, egress: false, protocol: "all", fromPort: 0, toPort: 65535, cidr: "0.0.0.0/0", ipv6Cidr: null, action: "deny" });
    expect(inv.networkAcls).toHaveLength(2);
    expect(inv.vpcEndpoints).toEqual([
      { id: seeded.vpcEndpointId, ...where, tags: {}, vpcId: seeded.vpcId, serviceName: "com.amazonaws.us-east-1.workspaces", type: "Interface", state: "available", subnetIds: [seeded.subnetA, seeded.subnetB] },
    ]);
  });

  it("adds the Managed AD's trust from DescribeTrusts, and no trusts to the directories that cannot hold any", () => {
    const mad = inv.directories.find((d) => d.id === seeded.managedAdId)!;
    expect(mad.dsType).toBe("MicrosoftAD");
    expect(mad.trusts).toEqual([{ id: seeded.trustId, remoteDomainName: "onprem.example.org", direction: "One-Way: Outgoing", type: "Forest", state: "Creating" }]);
    expect(inv.directories.find((d) => d.id === seeded.simpleAdId)?.trusts).toEqual([]);
    expect(inv.directories.find((d) => d.id === seeded.adConnectorId)?.trusts).toEqual([]);
  });

  it("takes bundles from the stub and the owned image, with whom it is shared, from moto", () => {
    expect(inv.bundles?.map((b) => [b.id, b.owner, b.imageId]).sort()).toEqual(
      [
        [OWNED_BUNDLE, "123456789012", seeded.image.id],
        ["wsb-bh8rsxt14", "AMAZON", "wsi-amazon000"],
      ].sort(),
    );
    expect(inv.images).toEqual([{ id: seeded.image.id, ...where, name: "corp-standard", osType: null, state: "AVAILABLE", requiredTenancy: "DEFAULT", ownerAccountId: "123456789012", sharedWith: [seeded.image.sharedWith] }]);
  });

  it("collects both trails with their logging state and selectors", () => {
    const byId = Object.fromEntries((inv.trails ?? []).map((t) => [t.id, t]));
    expect(byId[seeded.trails.loggingArn]).toEqual({
      id: seeded.trails.loggingArn,
      ...where,
      name: "org-trail",
      homeRegion: "us-east-1",
      multiRegion: true,
      organization: false,
      isLogging: true,
      management: { included: true, readWriteType: "All", excludedSources: ["kms.amazonaws.com"] },
      advancedSelectors: [],
    });
    expect(byId[seeded.trails.advancedArn]).toMatchObject({
      multiRegion: false,
      isLogging: false,
      management: null,
      advancedSelectors: [{ name: "management", fieldSelectors: [{ field: "eventCategory", equals: ["Management"], notEquals: [] }, { field: "readOnly", equals: ["false"], notEquals: [] }] }],
    });
    expect(inv.trails).toHaveLength(2);
  });

  it("keeps only the WorkSpaces alarm and the WorkSpaces event rule", () => {
    expect(inv.alarms).toEqual([
      {
        id: "ws-unhealthy",
        ...where,
        arn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:ws-unhealthy",
        namespace: "AWS/WorkSpaces",
        metricName: "Unhealthy",
        dimensions: [{ name: "DirectoryId", value: seeded.simpleAdId }],
        actionsEnabled: true,
        alarmActions: ["arn:aws:sns:us-east-1:123456789012:ops"],
      },
    ]);
    expect(inv.eventRules).toEqual([
      { id: "arn:aws:events:us-east-1:123456789012:rule/workspaces-access", ...where, name: "workspaces-access", eventBus: "default", state: "ENABLED", pattern: { source: ["aws.workspaces"], "detail-type": ["WorkSpaces Access"] }, targetCount: 1 },
    ]);
  });

  it("reads the WorkSpaces service role once, as a global entity", () => {
    expect(inv.iamRoles).toEqual([
      {
        id: "workspaces_DefaultRole",
        accountId: "123456789012",
        region: "global",
        tags: {},
        arn: "arn:aws:iam::123456789012:role/workspaces_DefaultRole",
        // moto makes up the role id; WS-IAM-001 compares it with the directories' IamRoleId.
        roleId: expect.stringMatching(/^AROA[A-Z0-9]+$/) as string,
        trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "workspaces.amazonaws.com" }, Action: "sts:AssumeRole" }] },
        attachedPolicyArns: [seeded.servicePolicyArn],
        permissionsBoundaryArn: null,
      },
    ]);
  });
});
