// Integration: `--security-hub` against moto's server (BatchImportFindings, GetFindings, STS AssumeRole per account).
// moto ignores GetFindings filters; the importer filters its results again on its side, which this test relies on.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GetFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from "@aws-sdk/client-securityhub";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "../collect/support/fake-credentials.js";
import { startMoto, type MotoServer } from "../collect/support/moto-server.js";
import { runCliAsync } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-files.js";

const EXAMPLE = "examples/inventory.json";
const ROLE = "arn:aws:iam::123456789012:role/wsaudit-securityhub";
const example = JSON.parse(readFileSync(EXAMPLE, "utf8")) as { scope: { accounts: string[]; regions: string[] }; errors: { accountId: string; region: string }[]; workspaces: { id: string }[] };

interface ReportJson { results: { policyId: string; status: string; accountId: string; region: string; resourceType: string; resourceId: string; fingerprint: string }[] }

let moto: MotoServer;
let env: Record<string, string>;

beforeAll(async () => {
  useFakeCredentialEnv();
  moto = await startMoto();
  await moto.reset();
  env = { AWS_ENDPOINT_URL: moto.url, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_SESSION_TOKEN: "testing", AWS_REGION: "us-east-1" };
});

afterAll(async () => {
  await moto?.stop();
});

/** Every finding in every scanned account and region, read with that account's credentials (as the importer writes them). */
async function allFindings(): Promise<AwsSecurityFinding[]> {
  const out: AwsSecurityFinding[] = [];
  for (const account of example.scope.accounts) {
    const credentials = fromTemporaryCredentials({ params: { RoleArn: ROLE.replace("123456789012", account), RoleSessionName: "test" }, masterCredentials: FAKE_CREDENTIALS, clientConfig: { region: "us-east-1", endpoint: moto.url } });
    for (const region of example.scope.regions) {
      const client = new SecurityHubClient({ region, credentials, endpoint: moto.url });
      let token: string | undefined;
      do {
        const page = await client.send(new GetFindingsCommand({ MaxResults: 100, ...(token ? { NextToken: token } : {}) }));
        out.push(...(page.Findings ?? []));
        token = page.NextToken || undefined;
      } while (token);
      client.destroy();
    }
  }
  return out.sort((a, b) => (a.Id! < b.Id! ? -1 : 1));
}

const run = (inventory: string, out: string, now: string) =>
  runCliAsync(["evaluate", inventory, "--security-hub", "--security-hub-role-arn", ROLE, "--format", "json,asff", "--out-dir", out, "--now", now, "-q"], env);

describe("--security-hub against moto", () => {
  let first: AwsSecurityFinding[] = [];
  let report: ReportJson;

  it("imports exactly the listed non-passing results, once each, into the account each belongs to", async () => {
    const out = tempDir();
    const r = await run(EXAMPLE, out, "2026-01-01T00:00:00Z");
    expect(r.stderr).toMatch(/security-hub: \d{12} [a-z0-9-]+: \d+ imported/);
    expect(r.code, r.stderr).toBe(1);
    report = JSON.parse(readFileSync(join(out, "wsaudit.json"), "utf8")) as ReportJson;
    first = await allFindings();
    const expected = report.results.filter((x) => x.status !== "pass" && x.status !== "not_applicable");
    expect(expected.some((x) => x.status === "fail")).toBe(true);
    expect(first.map((f) => f.Id).sort()).toEqual(expected.map((x) => `wsaudit/${x.fingerprint}`).sort());
    expect(new Set(first.map((f) => f.Id)).size).toBe(first.length);
    const byId = new Map(first.map((f) => [f.Id!, f]));
    for (const x of expected) {
      const f = byId.get(`wsaudit/${x.fingerprint}`)!;
      expect(f.AwsAccountId).toBe(x.accountId);
      expect(f.ProductArn).toBe(`arn:aws:securityhub:${x.region}:${x.accountId}:product/${x.accountId}/default`);
      expect(f.Compliance?.Status).toBe({ fail: "FAILED", waived: "FAILED", error: "NOT_AVAILABLE", manual: "WARNING" }[x.status]);
      expect(f.RecordState).toBe("ACTIVE");
    }
    expect(new Set(first.map((f) => f.AwsAccountId))).toEqual(new Set(example.scope.accounts));
  }, 180_000);

  it("changes nothing on a second run of the same evaluation", async () => {
    const r = await run(EXAMPLE, tempDir(), "2026-01-01T00:00:00Z");
    expect(r.code, r.stderr).toBe(1);
    expect(await allFindings()).toEqual(first);
  }, 180_000);

  it("resolves a finding whose resource no longer fails, and leaves the others open", async () => {
    // A failing WorkSpace, in an account and region where nothing failed to collect, is removed: its finding resolves.
    const gone = report.results.find((x) => x.status === "fail" && x.resourceType === "workspace" && !example.errors.some((e) => e.accountId === x.accountId && e.region === x.region))!;
    expect(gone).toBeDefined();
    const inventory = JSON.parse(readFileSync(EXAMPLE, "utf8")) as { workspaces: { id: string }[] };
    inventory.workspaces = inventory.workspaces.filter((w) => w.id !== gone.resourceId);
    const dir = tempDir();
    writeFileSync(join(dir, "inventory.json"), JSON.stringify(inventory));
    const r = await run(join(dir, "inventory.json"), join(dir, "out"), "2026-01-02T00:00:00Z");
    expect(r.stderr).toMatch(/[1-9]\d* resolved/);
    expect(r.code, r.stderr).toBe(1);
    const after = await allFindings();
    expect(after.map((f) => f.Id)).toEqual(first.map((f) => f.Id));
    const resolvedIds = after.filter((f) => f.RecordState === "ARCHIVED").map((f) => f.Id);
    const stillListed = new Set((JSON.parse(readFileSync(join(dir, "out", "wsaudit.json"), "utf8")) as ReportJson).results.map((x) => `wsaudit/${x.fingerprint}`));
    expect(resolvedIds).toContain(`wsaudit/${gone.fingerprint}`);
    for (const id of resolvedIds) expect(stillListed.has(id!)).toBe(false);
    for (const f of after.filter((x) => x.RecordState === "ARCHIVED")) expect(f.Compliance?.Status).toBe("PASSED");
    for (const f of after.filter((x) => stillListed.has(x.Id!))) expect(f.RecordState).toBe("ACTIVE");
  }, 180_000);

  it("exits 4 and says so when Security Hub cannot be reached, after writing the reports", async () => {
    const out = tempDir();
    const r = await runCliAsync(["evaluate", EXAMPLE, "--security-hub", "--format", "json", "--out-dir", out, "-q"], { ...env, AWS_ENDPOINT_URL: "http://127.0.0.1:9", AWS_MAX_ATTEMPTS: "1" });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/security-hub: \d{12} [a-z0-9-]+: failed/);
    expect(readFileSync(join(out, "wsaudit.json"), "utf8")).toContain('"results"');
  }, 180_000);
});
