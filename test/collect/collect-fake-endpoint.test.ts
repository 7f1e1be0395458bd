// Collection against the simulated endpoint (support/fake-aws.ts): secrets dropped, access denied recorded, paging and batching complete.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { collectInventory } from "../../src/collect/index.js";
import { FAKE_RADIUS_SECRET, FAKE_REGISTRATION_CODE, startFakeAws, type FakeAws } from "./support/fake-aws.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";

const schema = JSON.parse(readFileSync(new URL("../../schemas/inventory.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

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
    expect(validate(inv), JSON.stringify(validate.errors)).toBe(true);
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
    expect(validate(inv), JSON.stringify(validate.errors)).toBe(true);
  });

  it("records access denied on WorkSpaces with every collection it scopes, and leaves those fields absent", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 4 }, denyServices: ["workspaces"] });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast });
    const byOp = Object.fromEntries(inv.errors.map((e) => [e.operation, e.collections]));
    expect(byOp).toEqual({
      DescribeWorkspaceDirectories: ["directories", "securityGroups", "networkInterfaces", "subnets", "vpcs", "routeTables"],
      DescribeWorkspaces: ["workspaces", "securityGroups", "networkInterfaces", "subnets", "vpcs", "routeTables", "kmsKeys"],
      DescribeWorkspacesConnectionStatus: ["workspaces"],
      DescribeIpGroups: ["ipGroups"],
    });
    expect(inv.errors.every((e) => e.code === "AccessDeniedException")).toBe(true);
  });
});
