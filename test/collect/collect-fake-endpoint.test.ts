// Collection against the simulated endpoint (support/fake-aws.ts): secrets dropped, access denied recorded, paging and batching complete.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { collectInventory } from "../../src/collect/index.js";
import type { CollectionName } from "../../src/inventory/model.js";
import { FAKE_OWNED_BUNDLE, FAKE_OWNED_IMAGE, FAKE_PUBLIC_BUNDLE, FAKE_RADIUS_SECRET, FAKE_REGISTRATION_CODE, FAKE_TRAIL_ARN, startFakeAws, type FakeAws } from "./support/fake-aws.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";
import { expectValidInventory } from "../helpers/expect-valid-inventory.js";


let fake: FakeAws | undefined;
beforeAll(() => useFakeCredentialEnv());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const fast = { ratePerSecond: 1000, burst: 1000 };

describe("collection against a simulated endpoint", () => {
  it("pages every WorkSpace and connection status, merges DS and client properties, and validates against the schema", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 60 } });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    expectValidInventory(inv);
    expect(inv.errors).toEqual([]);
    expect(inv.workspaces).toHaveLength(60);
    // 60 WorkSpaces at 25 per page: 3 pages of each paged call.
    expect(fake.stats.calls["workspaces.DescribeWorkspaces"]).toBe(3);
    expect(fake.stats.calls["workspaces.DescribeWorkspacesConnectionStatus"]).toBe(3);
    expect(inv.workspaces.every((w) => w.connection?.state === "CONNECTED" || w.connection?.state === "DISCONNECTED")).toBe(true);
    const dir = inv.directories[0]!;
    expect(dir).toMatchObject({ wsType: "AD_CONNECTOR", dsType: "ADConnector", dsStage: "Active", clientProperties: { reconnect: "DISABLED", logUpload: "ENABLED" } });
    expect(dir.radius).toEqual({ servers: ["10.0.5.5"], port: 1812, timeout: 5, retries: 3, protocol: "PAP", status: "Completed" });
    expect(dir.adConnector).toMatchObject({ vpcId: "vpc-fake0001", securityGroupId: "sg-fake0002", connectIps: ["10.0.0.20"] });
    expect(inv.kmsKeys).toHaveLength(1);
    expect(inv.kmsKeys[0]).toMatchObject({ aliases: ["alias/aws/workspaces"], keyManager: "AWS", rotationEnabled: true });
    expect(inv.ipGroups[0]).toMatchObject({ id: "wsipg-fake0001", rules: [{ cidr: "203.0.113.0/24", description: "HQ" }] });
    expect(inv.scope).toEqual({ partition: "aws", accounts: ["123456789012"], regions: ["us-east-1"] });
  });

  it("collects the schema 1.1 collections: account-region, bundles, images, trails, alarms, event rules, the service role, key policy", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 30 } });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    expectValidInventory(inv);
    expect(inv.errors).toEqual([]);
    const where = { accountId: "123456789012", region: "us-east-1" };
    expect(inv.accountRegions).toEqual([{ id: "123456789012/us-east-1", ...where, byol: { dedicatedTenancySupport: "DISABLED", managementCidrRange: null, accountType: null } }]);
    // The owned bundle plus the one AMAZON bundle all 30 WorkSpaces use, asked for by id in one batch.
    expect(inv.bundles?.map((b) => [b.id, b.owner]).sort()).toEqual([[FAKE_OWNED_BUNDLE, "123456789012"], [FAKE_PUBLIC_BUNDLE, "AMAZON"]].sort());
    expect(fake.stats.calls["workspaces.DescribeWorkspaceBundles"]).toBe(2);
    // Amazon's image is not describable; the owned image comes with whom it is shared.
    expect(inv.images).toEqual([{ id: FAKE_OWNED_IMAGE, ...where, name: "corp-2026", osType: "WINDOWS", state: "AVAILABLE", requiredTenancy: "DEFAULT", ownerAccountId: "123456789012", sharedWith: ["444455556666"] }]);
    expect(inv.trails).toEqual([
      { id: FAKE_TRAIL_ARN, ...where, name: "org-trail", homeRegion: "us-east-1", multiRegion: true, organization: false, isLogging: true, management: { included: true, readWriteType: "All", excludedSources: [] }, advancedSelectors: [] },
    ]);
    expect(inv.alarms?.map((a) => a.id)).toEqual(["ws-unhealthy"]);
    expect(inv.eventRules).toEqual([
      { id: "arn:aws:events:us-east-1:123456789012:rule/ws-events", ...where, name: "ws-events", eventBus: "default", state: "ENABLED", pattern: { source: ["aws.workspaces"] }, targetCount: 1 },
    ]);
    // Targets are counted only for the rules kept.
    expect(fake.stats.calls["events.ListTargetsByRule"]).toBe(1);
    expect(inv.iamRoles).toEqual([
      {
        id: "workspaces_DefaultRole",
        accountId: "123456789012",
        region: "global",
        tags: {},
        arn: "arn:aws:iam::123456789012:role/workspaces_DefaultRole",
        roleId: "AROAFAKE",
        trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "workspaces.amazonaws.com" }, Action: "sts:AssumeRole" }] },
        attachedPolicyArns: ["arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess"],
        permissionsBoundaryArn: null,
      },
    ]);
    expect(fake.stats.calls["iam.GetRole"]).toBe(1);
    // AWS managed key: rotation yearly; its policy is readable in the same account.
    expect(inv.kmsKeys[0]).toMatchObject({ rotationPeriodDays: 365, policy: { Version: "2012-10-17", Statement: [{ Sid: "root" }] } });
    // An AD Connector cannot hold trusts: none, without a DescribeTrusts call.
    expect(inv.directories[0]?.trusts).toEqual([]);
    expect(fake.stats.calls["ds.DescribeTrusts"]).toBeUndefined();
    // No EC2 resources in the fake: every EC2 collection is written, empty.
    for (const c of ["natGateways", "dhcpOptions", "networkAcls", "vpcEndpoints"] as const) expect(inv[c], c).toEqual([]);
  });

  it("collects the service role once per account whatever the number of regions", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 2, "eu-west-1": 2 } });
    const inv = await collectInventory({ regions: ["us-east-1", "eu-west-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    expect(inv.errors).toEqual([]);
    expect(fake.stats.calls["iam.GetRole"]).toBe(1);
    expect(inv.iamRoles).toHaveLength(1);
    expect(inv.accountRegions?.map((a) => a.id)).toEqual(["123456789012/eu-west-1", "123456789012/us-east-1"]);
    // The multi-region trail is listed in each region's trails.
    expect(inv.trails?.map((t) => [t.id, t.region])).toEqual([[FAKE_TRAIL_ARN, "eu-west-1"], [FAKE_TRAIL_ARN, "us-east-1"]]);
  });

  it("records access denied on CloudTrail as trails not collected and still collects everything else", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 4 }, denyServices: ["cloudtrail"] });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    expectValidInventory(inv);
    expect(inv.errors).toEqual([
      {
        service: "cloudtrail",
        operation: "DescribeTrails",
        accountId: "123456789012",
        region: "us-east-1",
        code: "AccessDeniedException",
        message: expect.stringContaining("not authorized") as string,
        collections: ["trails"],
      },
    ]);
    expect(inv.trails).toEqual([]);
    expect(inv.workspaces).toHaveLength(4);
    expect(inv.directories).toHaveLength(1);
    expect(inv.ipGroups).toHaveLength(1);
    expect(inv.kmsKeys).toHaveLength(1);
    expect(inv.accountRegions).toHaveLength(1);
    expect(inv.bundles).toHaveLength(2);
    expect(inv.images).toHaveLength(1);
    expect(inv.alarms).toHaveLength(1);
    expect(inv.eventRules).toHaveLength(1);
    expect(inv.iamRoles).toHaveLength(1);
  });

  it("records access denied on IAM with region global and collections [iamRoles]", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 2 }, denyServices: ["iam"] });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    expect(inv.errors).toEqual([
      { service: "iam", operation: "GetRole", accountId: "123456789012", region: "global", code: "AccessDenied", message: expect.stringContaining("iam:GetRole") as string, collections: ["iamRoles"] },
    ]);
    expect(inv.iamRoles).toEqual([]);
    expect(inv.trails).toHaveLength(1);
  });

  it("never writes the RADIUS shared secret or the registration code, although the endpoint returns both", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 3 } });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    const text = JSON.stringify(inv);
    expect(inv.directories[0]?.radius).not.toBeNull();
    expect(text).not.toContain(FAKE_RADIUS_SECRET);
    expect(text).not.toContain(FAKE_REGISTRATION_CODE);
    expect(text).not.toMatch(/SharedSecret|RegistrationCode|registrationCode/);
  });

  it("records access denied on KMS per key and still collects everything else", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 4 }, denyServices: ["kms"] });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    expect(inv.kmsKeys).toEqual([]);
    expect(inv.errors).toEqual([
      {
        service: "kms",
        operation: "DescribeKey",
        accountId: "123456789012",
        region: "us-east-1",
        code: "AccessDeniedException",
        message: expect.stringContaining("not authorized") as string,
        collections: ["kmsKeys"],
        resourceIds: ["alias/aws/workspaces"],
      },
    ]);
    expect(inv.workspaces).toHaveLength(4);
    expect(inv.directories).toHaveLength(1);
    expect(inv.ipGroups).toHaveLength(1);
    expectValidInventory(inv);
  });

  it("records access denied on WorkSpaces with every collection it scopes, and leaves those fields absent", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 4 }, denyServices: ["workspaces"] });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    const byOp = Object.fromEntries(inv.errors.map((e) => [e.operation, { collections: e.collections, resourceIds: e.resourceIds }]));
    const vpcScoped: CollectionName[] = ["securityGroups", "networkInterfaces", "subnets", "vpcs", "routeTables", "natGateways", "dhcpOptions", "networkAcls", "vpcEndpoints"];
    expect(byOp).toEqual({
      DescribeWorkspaceDirectories: { collections: ["directories", ...vpcScoped] },
      DescribeWorkspaces: { collections: ["workspaces", ...vpcScoped, "kmsKeys", "bundles", "images"] },
      DescribeWorkspacesConnectionStatus: { collections: ["workspaces"] },
      DescribeIpGroups: { collections: ["ipGroups"] },
      // The account-region exists; only its BYOL settings are missing.
      DescribeAccount: { collections: ["accountRegions"], resourceIds: ["123456789012/us-east-1"] },
      DescribeWorkspaceBundles: { collections: ["bundles", "images"] },
      DescribeWorkspaceImages: { collections: ["images"] },
    });
    expect(inv.errors.every((e) => e.code === "AccessDeniedException")).toBe(true);
    expect(inv.accountRegions).toEqual([{ id: "123456789012/us-east-1", accountId: "123456789012", region: "us-east-1" }]);
    // Services other than WorkSpaces are still collected.
    expect(inv.trails).toHaveLength(1);
    expect(inv.iamRoles).toHaveLength(1);
  });
});
