// The scheduler recipes in docs/examples run exactly the commands this test runs: it reads each file (YAML or JSON),
// takes its shell commands and environment as written, and runs them locally against moto's organization with the
// scheduler's index variable set (a GitHub Actions matrix, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX). Only the
// environment differs: the endpoint, fake credentials, and a temporary folder where the file mounts a volume.
// GitHub `uses:` steps (artifacts, credentials, SARIF upload) are emulated by copying files; nothing else is.
// STUB (labelled, moto-stub-proxy.ts): empty answers for the four WorkSpaces reads moto does not implement.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- the parsed files are third-party formats (Kubernetes, AWS Batch, GitHub Actions), read loosely and checked by the assertions */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadAll, load } from "js-yaml";
import { CreateAccountCommand, CreateOrganizationCommand, CreateOrganizationalUnitCommand, ListRootsCommand, MoveAccountCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import type { CollectionManifest } from "../../src/inventory/collection-manifest.js";
import { tempDir } from "../helpers/temp-files.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";
import { startMoto, type MotoServer } from "./support/moto-server.js";
import { startStubProxy, type StubProxy } from "./support/moto-stub-proxy.js";

const REPO = resolve(".");
/** Every recipe runs the CLI once per shard, then evaluates: minutes on a busy machine. */
const SLOW = 600_000;
const MANAGEMENT = "123456789012";
let moto: MotoServer;
let stub: StubProxy;
let members: string[] = [];
let binDir: string;

beforeAll(async () => {
  if (!existsSync("dist/src/cli/main.js")) throw new Error("dist/ is missing: run `npm run build` before the CLI tests (npm test does)");
  useFakeCredentialEnv();
  moto = await startMoto();
  await moto.reset();
  const org = new OrganizationsClient({ region: "us-east-1", endpoint: moto.url, credentials: FAKE_CREDENTIALS });
  await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const root = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  const ou = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: "workloads" }))).OrganizationalUnit!.Id!;
  for (const name of ["a", "b", "c", "d", "e"]) {
    const id = (await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }))).CreateAccountStatus!.AccountId!;
    if (name !== "e") await org.send(new MoveAccountCommand({ AccountId: id, SourceParentId: root, DestinationParentId: ou }));
    members.push(id);
  }
  members = members.sort();
  org.destroy();
  stub = await startStubProxy(moto.url, {
    DescribeIpGroups: () => ({ Result: [] }),
    DescribeWorkspacesConnectionStatus: () => ({ WorkspacesConnectionStatus: [] }),
    DescribeAccount: () => ({ DedicatedTenancySupport: "DISABLED" }),
    DescribeWorkspaceBundles: () => ({ Bundles: [] }),
  });
  // `wsaudit` on PATH, as the container images and `npm install --global` provide it.
  binDir = tempDir();
  writeFileSync(join(binDir, "wsaudit"), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, "bin/wsaudit.js")}" "$@"\n`);
  chmodSync(join(binDir, "wsaudit"), 0o755);
});

afterAll(async () => {
  await stub?.close();
  await moto?.stop();
});

const everyAccount = (): string[] => [MANAGEMENT, ...members].sort();

/** Runs a script with /bin/sh, as the recipe's scheduler does; returns the exit code and output. */
function sh(script: string, env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn("/bin/sh", ["-c", script], {
      cwd,
      env: {
        PATH: `${binDir}:${process.env["PATH"] ?? ""}`,
        HOME: process.env["HOME"] ?? "/tmp",
        AWS_ACCESS_KEY_ID: "testing",
        AWS_SECRET_ACCESS_KEY: "testing",
        AWS_SESSION_TOKEN: "testing",
        AWS_ENDPOINT_URL: stub.url,
        NO_COLOR: "1",
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

const accountFiles = (dir: string): string[] => readdirSync(dir).filter((n) => /^\d{12}\.json$/.test(n)).sort();
const manifests = (dir: string): CollectionManifest[] =>
  readdirSync(dir).filter((n) => /^manifest.*\.json$/.test(n)).map((n) => JSON.parse(readFileSync(join(dir, n), "utf8")) as CollectionManifest);

async function evaluateFolder(dir: string): Promise<string[]> {
  const out = tempDir();
  const run = await sh(`wsaudit evaluate "${dir}" --format json --out-dir "${out}" --quiet --fail-on none`, {}, REPO);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(readFileSync(join(out, "wsaudit.json"), "utf8")) as { inventory: { scope: { accounts: string[] } } }).inventory.scope.accounts;
}

describe("docs/examples/kubernetes-indexed-job.yaml", () => {
  it("each index collects its shard into the shared volume; the evaluate Job reads every account", async () => {
    const docs = loadAll(readFileSync("docs/examples/kubernetes-indexed-job.yaml", "utf8")) as any[];
    const collect = docs.find((d) => d.spec?.completionMode === "Indexed");
    const evaluate = docs.find((d) => d.metadata?.labels?.["app.kubernetes.io/component"] === "evaluate");
    const container = collect.spec.template.spec.containers[0];
    const env = Object.fromEntries(container.env.filter((e: any) => e.value !== undefined).map((e: any) => [e.name, e.value]));
    expect(Number(env.WSAUDIT_SHARDS)).toBe(collect.spec.completions);
    expect(container.env.find((e: any) => e.name === "JOB_NAME").valueFrom.fieldRef.fieldPath).toBe("metadata.labels['batch.kubernetes.io/job-name']");
    expect(container.command).toEqual(["/bin/sh", "-c"]);
    const data = tempDir();
    for (let index = 0; index < collect.spec.completions; index++) {
      const run = await sh(container.args[0], { ...env, WSAUDIT_DATA: data, JOB_NAME: collect.metadata.name, JOB_COMPLETION_INDEX: String(index) }, REPO);
      expect(run.code, run.stderr).toBe(0);
    }
    const dir = join(data, collect.metadata.name);
    expect(accountFiles(dir)).toEqual(everyAccount().map((id) => `${id}.json`));
    const listed = manifests(dir).flatMap((m) => m.accounts.map((a) => a.accountId));
    expect(listed.sort()).toEqual(everyAccount());
    // A retried pod resumes: nothing is collected again.
    const retry = await sh(container.args[0], { ...env, WSAUDIT_DATA: data, JOB_NAME: collect.metadata.name, JOB_COMPLETION_INDEX: "0" }, REPO);
    expect(retry.code, retry.stderr).toBe(0);
    expect(manifests(dir).find((m) => m.shard?.index === 0)!.accounts.every((a) => a.resumed === true)).toBe(true);

    const ev = evaluate.spec.template.spec.containers[0];
    const evEnv = Object.fromEntries(ev.env.map((e: any) => [e.name, e.value]));
    expect(evEnv.COLLECT_JOB).toBe(collect.metadata.name);
    const run = await sh(ev.args[0], { ...evEnv, WSAUDIT_DATA: data }, REPO);
    expect([0, 1, 3], run.stderr).toContain(run.code);
    expect(existsSync(join(data, `${collect.metadata.name}-reports`, "wsaudit.sarif"))).toBe(true);
    expect(await evaluateFolder(dir)).toEqual(everyAccount());
  }, SLOW);
});

describe("docs/examples/aws-batch-job-definition.json", () => {
  it("each array child collects its shard into the run's folder on the shared file system", async () => {
    const def = JSON.parse(readFileSync("docs/examples/aws-batch-job-definition.json", "utf8"));
    const props = def.containerProperties;
    const env = Object.fromEntries(props.environment.map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(props.command.slice(0, 2)).toEqual(["/bin/sh", "-c"]);
    expect(props.mountPoints[0].containerPath).toBe(env.WSAUDIT_DATA);
    const data = tempDir();
    const size = Number(env.WSAUDIT_SHARDS); // `aws batch submit-job --array-properties size=<WSAUDIT_SHARDS>`
    for (let index = 0; index < size; index++) {
      const run = await sh(props.command[2], { ...env, WSAUDIT_DATA: data, AWS_BATCH_JOB_ID: `7f3c9a52-run:${index}`, AWS_BATCH_JOB_ARRAY_INDEX: String(index) }, REPO);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(accountFiles(join(data, "7f3c9a52-run"))).toEqual(everyAccount().map((id) => `${id}.json`));
    expect(await evaluateFolder(join(data, "7f3c9a52-run"))).toEqual(everyAccount());
  }, SLOW);
});

describe("docs/examples/github-organization-workflow.yml", () => {
  it("discover, the matrix of shards and the evaluate job run as written, with one SARIF per account", async () => {
    const wf = load(readFileSync("docs/examples/github-organization-workflow.yml", "utf8")) as any;
    const jobs = wf.jobs;
    expect(jobs.collect.needs).toBe("discover");
    expect(jobs.evaluate.needs).toBe("collect");
    const globalEnv: Record<string, string> = wf.env;
    const runStep = async (step: any, cwd: string, ctx: { matrix?: Record<string, unknown>; jobTotal?: number; outputs: Record<string, Record<string, string>> }) => {
      const expr = (v: string): string =>
        String(v).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
          if (e === "strategy.job-total") return String(ctx.jobTotal);
          if (e.startsWith("matrix.")) return String(ctx.matrix?.[e.slice(7)]);
          if (e.startsWith("env.")) return globalEnv[e.slice(4)] ?? "";
          const m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
          if (m) return ctx.outputs[m[1]!]?.[m[2]!] ?? "";
          throw new Error(`unsupported expression ${e}`);
        });
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(String(v))]));
      const outputFile = join(tempDir(), "output");
      writeFileSync(outputFile, "");
      const summary = join(tempDir(), "summary");
      const result = await sh(step.run, { ...globalEnv, ...stepEnv, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summary }, cwd);
      if (step.id) ctx.outputs[step.id] = Object.fromEntries(readFileSync(outputFile, "utf8").split("\n").filter(Boolean).map((l) => l.split("=", 2)));
      return result;
    };
    /** The `run` steps of a job, in order, without the install (the test uses this checkout's build). */
    const runSteps = (job: any): any[] => job.steps.filter((s: any) => s.run !== undefined && s.name !== "Install wsaudit");
    for (const job of Object.values<any>(jobs)) {
      for (const s of job.steps.filter((x: any) => x.uses !== undefined)) expect(s.uses).toMatch(/^(actions\/(checkout|setup-node|upload-artifact|download-artifact)|aws-actions\/configure-aws-credentials|github\/codeql-action\/upload-sarif)@v\d+$/);
    }

    // discover
    const discover = tempDir();
    for (const step of runSteps(jobs.discover)) expect((await runStep(step, discover, { outputs: {} })).code).toBe(0);
    expect(jobs.discover.steps.find((s: any) => s.uses?.startsWith("actions/upload-artifact")).with.path).toBe("accounts.txt");
    expect(readFileSync(join(discover, "accounts.txt"), "utf8").split("\n").filter(Boolean).map((l) => l.split(/\s/)[0])).toEqual(everyAccount());

    // collect: one runner per matrix entry, each with the accounts artifact
    const shards: number[] = jobs.collect.strategy.matrix.shard;
    const runners: string[] = [];
    for (const shard of shards) {
      const runner = tempDir();
      cpSync(join(discover, "accounts.txt"), join(runner, "accounts.txt"));
      for (const step of runSteps(jobs.collect)) {
        const r = await runStep(step, runner, { matrix: { shard }, jobTotal: shards.length, outputs: {} });
        expect(r.code, r.stderr).toBe(0);
      }
      runners.push(runner);
    }
    const upload = jobs.collect.steps.find((s: any) => s.uses?.startsWith("actions/upload-artifact"));
    expect(upload.with.path).toBe("inventories/");

    // evaluate: the artifacts of every shard merged into one folder, and the repository checked out (its packs)
    const download = jobs.evaluate.steps.find((s: any) => s.uses?.startsWith("actions/download-artifact"));
    expect(download.with).toMatchObject({ pattern: "inventories-*", path: "inventories", "merge-multiple": true });
    const workspace = tempDir();
    symlinkSync(join(REPO, "policies"), join(workspace, "policies"));
    mkdirSync(join(workspace, "inventories"));
    for (const runner of runners) cpSync(join(runner, "inventories"), join(workspace, "inventories"), { recursive: true });
    expect(accountFiles(join(workspace, "inventories"))).toEqual(everyAccount().map((id) => `${id}.json`));
    const outputs: Record<string, Record<string, string>> = {};
    const steps = runSteps(jobs.evaluate);
    for (const step of steps.slice(0, -1)) {
      const r = await runStep(step, workspace, { outputs });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(["0", "1", "3"]).toContain(outputs["evaluate"]?.["code"]);
    const report = JSON.parse(readFileSync(join(workspace, "reports/wsaudit.json"), "utf8"));
    expect(report.inventory.scope.accounts).toEqual(everyAccount());
    // One SARIF per account, each in its own code scanning category, in the folder upload-sarif is given.
    const sarifDir = jobs.evaluate.steps.find((s: any) => s.uses?.startsWith("github/codeql-action/upload-sarif")).with.sarif_file;
    const categories = readdirSync(join(workspace, sarifDir)).sort().map((account) => {
      const sarif = JSON.parse(readFileSync(join(workspace, sarifDir, account, "wsaudit.sarif"), "utf8"));
      return [account, sarif.runs[0].automationDetails.id];
    });
    expect(categories).toEqual(everyAccount().map((id) => [id, `wsaudit/${id}/`]));
    // The last step gates on the merged evaluation's code.
    const gate = steps.at(-1);
    expect((await runStep(gate, workspace, { outputs })).code).toBe(Number(outputs["evaluate"]?.["code"]));
  }, SLOW);
});
