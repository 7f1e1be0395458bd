// Integration: collection against moto's server (started here on a free port; if it cannot start, this suite fails).
// moto 5.2.1 lacks two WorkSpaces read calls the collector makes; a clearly labelled STUB proxy (support/moto-stub-proxy.ts)
// answers exactly those two and forwards everything else to moto. The first test proves moto really lacks them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { collectInventory } from "../../src/collect/index.js";
import type { Inventory } from "../../src/inventory/model.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";
import { startMoto, type MotoServer } from "./support/moto-server.js";
import { startStubProxy, type StubProxy } from "./support/moto-stub-proxy.js";
import { seedMotoAccount, type SeededAccount } from "./support/seed-moto-account.js";

/** The operations moto does not implement, each answered by the stub. */
const STUBBED = ["DescribeIpGroups", "DescribeWorkspacesConnectionStatus"] as const;

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
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL("../../schemas/inventory.schema.json", import.meta.url), "utf8")));
    expect(validate(inv), JSON.stringify(validate.errors)).toBe(true);
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
    expect(enabled).toMatchObject({ id: seeded.enabledKey.keyId, aliases: ["alias/workspaces-volumes"], keyManager: "CUSTOMER", keyState: "Enabled", enabled: true, deletionDate: null, rotationEnabled: false });
    expect(pending).toMatchObject({ keyState: "PendingDeletion", enabled: false });
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
