// Integration: `wsaudit accounts` and `wsaudit collect --organization --out-dir` against moto's Organizations, STS and
// multi-account backends, end to end through the built CLI: discovery (OUs, exclusion, ACTIVE only), one inventory per
// account plus a manifest per shard, shards covering every account once, --resume without WorkSpaces calls for finished
// accounts, and `wsaudit evaluate DIR` over the result. Stubs, both labelled: moto-stub-proxy.ts answers the four
// WorkSpaces reads moto lacks (empty answers here), and account-call-counter.ts refuses AssumeRole into one account,
// because moto lets anyone assume any role (its docs: "the role does not need to exist"); the first test proves that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { CreateDirectoryCommand } from "@aws-sdk/client-directory-service";
import { DirectoryServiceClient } from "@aws-sdk/client-directory-service";
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateWorkspacesCommand, RegisterWorkspaceDirectoryCommand, WorkSpacesClient } from "@aws-sdk/client-workspaces";
import type { CollectionManifest } from "../../src/inventory/collection-manifest.js";
import type { Inventory } from "../../src/inventory/model.js";
import { runCliAsync } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-files.js";
import { startAccountCallCounter, type AccountCallCounter } from "./support/account-call-counter.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";
import { startMoto, type MotoServer } from "./support/moto-server.js";
import { startStubProxy, type StubProxy } from "./support/moto-stub-proxy.js";

const MANAGEMENT = "123456789012";
const ROLE = "wsaudit-audit";
const REGION = "us-east-1";

let moto: MotoServer;
let stub: StubProxy;
let counter: AccountCallCounter;
const ids: Record<"wsA" | "wsB" | "empty" | "excluded" | "noRole" | "closed", string> = { wsA: "", wsB: "", empty: "", excluded: "", noRole: "", closed: "" };
let ouWorkspaces = "";
const seededWorkspaces: Record<string, string[]> = {};

async function assumed(endpoint: string, accountId: string) {
  const sts = new STSClient({ region: REGION, endpoint, credentials: FAKE_CREDENTIALS });
  const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/${ROLE}`, RoleSessionName: "seed" }))).Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

/** A Simple AD registered with WorkSpaces and two WorkSpaces, created in the member account through an assumed role. */
async function seedWorkspaces(endpoint: string, accountId: string, users: string[]): Promise<string[]> {
  const config = { region: REGION, endpoint, credentials: await assumed(endpoint, accountId) };
  const ec2 = new EC2Client(config);
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.30.0.0/16" }))).Vpc!.VpcId!;
  const a = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.30.1.0/24", AvailabilityZone: `${REGION}a` }))).Subnet!.SubnetId!;
  const b = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.30.2.0/24", AvailabilityZone: `${REGION}b` }))).Subnet!.SubnetId!;
  const ds = new DirectoryServiceClient(config);
  const directoryId = (
    await ds.send(new CreateDirectoryCommand({ Name: `corp${accountId.slice(-4)}.example.com`, Password: "Passw0rd!Example", Size: "Small", VpcSettings: { VpcId: vpcId, SubnetIds: [a, b] } }))
  ).DirectoryId!;
  const ws = new WorkSpacesClient(config);
  await ws.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: directoryId, SubnetIds: [a, b], Tenancy: "SHARED" }));
  const created = await ws.send(new CreateWorkspacesCommand({ Workspaces: users.map((UserName) => ({ DirectoryId: directoryId, UserName, BundleId: "wsb-bh8rsxt14" })) }));
  for (const c of [ec2, ds, ws]) c.destroy();
  return (created.PendingRequests ?? []).map((w) => w.WorkspaceId!).sort();
}

beforeAll(async () => {
  useFakeCredentialEnv();
  moto = await startMoto();
  await moto.reset();
  const org = new OrganizationsClient({ region: REGION, endpoint: moto.url, credentials: FAKE_CREDENTIALS });
  await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const rootId = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  ouWorkspaces = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "workspaces" }))).OrganizationalUnit!.Id!;
  const ouTeams = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: ouWorkspaces, Name: "teams" }))).OrganizationalUnit!.Id!;
  const ouSandbox = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "sandbox" }))).OrganizationalUnit!.Id!;
  const place: [keyof typeof ids, string][] = [["wsA", ouWorkspaces], ["wsB", ouTeams], ["empty", ouWorkspaces], ["excluded", ouSandbox], ["noRole", ouSandbox], ["closed", ouSandbox]];
  for (const [key, ou] of place) {
    const id = (await org.send(new CreateAccountCommand({ AccountName: key, Email: `${key}@example.com` }))).CreateAccountStatus!.AccountId!;
    await org.send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: ou }));
    ids[key] = id;
  }
  await org.send(new CloseAccountCommand({ AccountId: ids.closed }));
  org.destroy();
  seededWorkspaces[ids.wsA] = await seedWorkspaces(moto.url, ids.wsA, ["alice", "bob"]);
  seededWorkspaces[ids.wsB] = await seedWorkspaces(moto.url, ids.wsB, ["carol"]);
  // STUB (moto-stub-proxy.ts): empty answers for the four WorkSpaces reads moto does not implement.
  stub = await startStubProxy(moto.url, {
    DescribeIpGroups: () => ({ Result: [] }),
    DescribeWorkspacesConnectionStatus: () => ({ WorkspacesConnectionStatus: [] }),
    DescribeAccount: () => ({ DedicatedTenancySupport: "DISABLED" }),
    DescribeWorkspaceBundles: () => ({ Bundles: [] }),
  });
  counter = await startAccountCallCounter(stub.url, MANAGEMENT, [ids.noRole]);
});

afterAll(async () => {
  await counter?.close();
  await stub?.close();
  await moto?.stop();
});

const env = (): Record<string, string> => ({ AWS_ENDPOINT_URL: counter.url, AWS_REGION: REGION });
const collectArgs = (dir: string): string[] => ["collect", "--organization", "--role-name", ROLE, "--region", REGION, "--exclude-account", ids.excluded, "--out-dir", dir, "--rate", "50", "--burst", "50"];
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const active = (): string[] => [MANAGEMENT, ids.wsA, ids.wsB, ids.empty, ids.excluded, ids.noRole].sort();
const scanned = (): string[] => active().filter((id) => id !== ids.excluded);

describe("organization discovery against moto", () => {
  it("moto itself lets the denied role be assumed, so the AccessDenied comes from the labelled stub", async () => {
    await expect(assumed(moto.url, ids.noRole)).resolves.toMatchObject({ accessKeyId: expect.any(String) });
    const sts = new STSClient({ region: REGION, endpoint: counter.url, credentials: FAKE_CREDENTIALS });
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ids.noRole}:role/${ROLE}`, RoleSessionName: "probe" }))).rejects.toMatchObject({ name: "AccessDenied" });
    sts.destroy();
  });

  it("`accounts --organization` lists the ACTIVE accounts, sorted; --ou walks the OU subtree; the output is an accounts file", async () => {
    const all = await runCliAsync(["accounts", "--organization"], env());
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout.split("\n").filter(Boolean).map((l) => l.split(/\s/)[0])).toEqual(active());
    expect(all.stdout).toContain(`${ids.wsA}  # wsA`);
    const ou = await runCliAsync(["accounts", "--organization", "--ou", ouWorkspaces, "--json"], env());
    expect(ou.code, ou.stderr).toBe(0);
    expect((JSON.parse(ou.stdout) as { accountId: string }[]).map((a) => a.accountId)).toEqual([ids.wsA, ids.wsB, ids.empty].sort());
  });
});

describe("collect --organization --out-dir with shards, resume and evaluate", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it("shards 0/2 and 1/2 together write every account once, each with a manifest", async () => {
    for (const shard of ["0/2", "1/2"]) {
      const run = await runCliAsync([...collectArgs(dir), "--shard", shard], env());
      expect(run.code, run.stderr).toBe(0);
    }
    const m0 = readJson<CollectionManifest>(join(dir, "manifest-0-of-2.json"));
    const m1 = readJson<CollectionManifest>(join(dir, "manifest-1-of-2.json"));
    const a0 = m0.accounts.map((a) => a.accountId);
    const a1 = m1.accounts.map((a) => a.accountId);
    expect(a0.filter((id) => a1.includes(id))).toEqual([]);
    expect([...a0, ...a1].sort()).toEqual(scanned());
    expect(Math.abs(a0.length - a1.length)).toBeLessThanOrEqual(1);
    const files = readdirSync(dir).filter((n) => /^\d{12}\.json$/.test(n)).sort();
    expect(files).toEqual(scanned().map((id) => `${id}.json`));
    expect(existsSync(join(dir, `${ids.excluded}.json`))).toBe(false);
    for (const m of [m0, m1]) expect(m).toMatchObject({ kind: "wsaudit-collection-manifest", source: "organization", regions: [REGION], organization: { excluded: [ids.excluded] } });
  });

  it("collects seeded accounts through their role and the management account with its own credentials", () => {
    for (const id of [ids.wsA, ids.wsB]) {
      const inv = readJson<Inventory>(join(dir, `${id}.json`));
      expect(inv.scope.accounts).toEqual([id]);
      expect(inv.workspaces.map((w) => w.id).sort()).toEqual(seededWorkspaces[id]);
      expect(inv.workspaces.every((w) => w.accountId === id)).toBe(true);
      expect(inv.errors).toEqual([]);
    }
    expect(readJson<Inventory>(join(dir, `${ids.empty}.json`)).workspaces).toEqual([]);
    expect(counter.assumeRole[`arn:aws:iam::${MANAGEMENT}:role/${ROLE}`]).toBeUndefined();
    expect(counter.workspacesCalls[MANAGEMENT]).toBeGreaterThan(0);
    expect(counter.assumeRole[`arn:aws:iam::${ids.excluded}:role/${ROLE}`]).toBeUndefined();
  });

  it("records the account whose role cannot be assumed as failed, with every collection not collected, and goes on", () => {
    const manifests = [readJson<CollectionManifest>(join(dir, "manifest-0-of-2.json")), readJson<CollectionManifest>(join(dir, "manifest-1-of-2.json"))];
    const entry = manifests.flatMap((m) => m.accounts).find((a) => a.accountId === ids.noRole)!;
    expect(entry).toMatchObject({ status: "failed", failure: { code: "AccessDenied" }, file: `${ids.noRole}.json` });
    const others = manifests.flatMap((m) => m.accounts).filter((a) => a.accountId !== ids.noRole);
    expect(others.every((a) => a.status === "complete" && typeof a.durationMs === "number")).toBe(true);
    const inv = readJson<Inventory>(join(dir, `${ids.noRole}.json`));
    expect(inv.errors.map((e) => [e.region, e.code])).toEqual([["global", "AccessDenied"], [REGION, "AccessDenied"]]);
    expect(inv.errors.find((e) => e.region === REGION)!.collections).toContain("workspaces");
  });

  it("--resume makes no WorkSpaces call for finished accounts and collects only the missing and the failed ones", async () => {
    rmSync(join(dir, `${ids.wsB}.json`));
    const before = { ...counter.workspacesCalls };
    const assumeBefore = { ...counter.assumeRole };
    const untouched = statSync(join(dir, `${ids.wsA}.json`)).mtimeMs;
    for (const shard of ["0/2", "1/2"]) {
      const run = await runCliAsync([...collectArgs(dir), "--shard", shard, "--resume"], env());
      expect(run.code, run.stderr).toBe(0);
    }
    const delta = (id: string): number => (counter.workspacesCalls[id] ?? 0) - (before[id] ?? 0);
    for (const id of [MANAGEMENT, ids.wsA, ids.empty]) expect(delta(id), id).toBe(0);
    expect(delta(ids.wsB)).toBeGreaterThan(0);
    expect(statSync(join(dir, `${ids.wsA}.json`)).mtimeMs).toBe(untouched);
    // The failed account is tried again (and denied again); finished accounts are not even assumed.
    const role = (id: string): string => `arn:aws:iam::${id}:role/${ROLE}`;
    expect((counter.assumeRole[role(ids.noRole)] ?? 0) - (assumeBefore[role(ids.noRole)] ?? 0)).toBeGreaterThan(0);
    expect((counter.assumeRole[role(ids.wsA)] ?? 0) - (assumeBefore[role(ids.wsA)] ?? 0)).toBe(0);
    const manifests = ["manifest-0-of-2.json", "manifest-1-of-2.json"].map((n) => readJson<CollectionManifest>(join(dir, n)));
    const resumed = manifests.flatMap((m) => m.accounts).filter((a) => a.resumed === true).map((a) => a.accountId).sort();
    expect(resumed).toEqual([MANAGEMENT, ids.wsA, ids.empty].sort());
    expect(readJson<Inventory>(join(dir, `${ids.wsB}.json`)).workspaces.map((w) => w.id).sort()).toEqual(seededWorkspaces[ids.wsB]);
  });

  it("`evaluate DIR` merges every account file (skipping the manifests) and reports every seeded account", async () => {
    const out = tempDir();
    const run = await runCliAsync(["evaluate", dir, "--format", "json", "--out-dir", out, "--quiet", "--now", "2026-01-01T00:00:00Z"], env());
    expect([1, 3], run.stderr).toContain(run.code);
    const report = readJson<{ inventory: { scope: { accounts: string[] }; sources: string[] }; results: { accountId: string; resourceType: string; resourceId: string; status: string }[] }>(join(out, "wsaudit.json"));
    expect(report.inventory.scope.accounts).toEqual(scanned());
    expect(report.inventory.sources.every((s) => !s.includes("manifest"))).toBe(true);
    for (const id of [ids.wsA, ids.wsB]) {
      const ws = new Set(report.results.filter((r) => r.accountId === id && r.resourceType === "workspace").map((r) => r.resourceId));
      expect([...ws].sort()).toEqual(seededWorkspaces[id]);
    }
    // The account that could not be reached is never silent: its checks are undecided.
    expect(report.results.some((r) => r.accountId === ids.noRole && r.status === "error")).toBe(true);
    expect(report.results.some((r) => r.accountId === ids.noRole && r.status === "pass")).toBe(false);
  });
});
