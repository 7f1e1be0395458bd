/**
 * Organization benchmark: 1,000 accounts × 2 regions collected with `collectAccountsToDir` through a simulated
 * endpoint in its own process (50 ms latency, 2 WorkSpaces calls/s burst 5 per account and region): wall time
 * against the rate-limit minimum for the chosen concurrency, peak RSS, then the merged evaluation of the 1,000 files.
 * Runs on its own: `npm run bench:org` (WSAUDIT_BENCH_ORG_ACCOUNTS, WSAUDIT_BENCH_ORG_CONCURRENCY override the size).
 */

import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { collectAccountsToDir } from "../src/collect/organization/index.js";
import { runEvaluation } from "../src/pipeline/run-evaluation.js";

export interface OrganizationBenchResult {
  accounts: number;
  regions: string[];
  concurrency: number;
  latencyMs: number;
  rateLimit: { ratePerSecond: number; burst: number };
  /** WorkSpaces calls answered in the busiest account-region (all are alike here). */
  workspacesCallsPerAccountRegion: number;
  /** ⌈accounts ÷ concurrency⌉ × calls per account-region ÷ rate: accounts in waves, each account's regions in parallel. */
  rateLimitMinSeconds: number;
  /** The same, crediting each account-region's initial burst: ⌈accounts ÷ concurrency⌉ × (calls − burst) ÷ rate. */
  burstAdjustedMinSeconds: number;
  wallSeconds: number;
  ratio: number;
  burstAdjustedRatio: number;
  throttledCalls: number;
  failedAccounts: number;
  /** CPU time (user + system) this process spent collecting: on a shared machine it shows when collection is CPU-bound. */
  collectCpuSeconds: number;
  /** HTTP calls the endpoint answered (every service, throttled ones included). */
  endpointCalls: number;
  /** Peak resident set of this process during collection (the endpoint runs in another process). */
  collectPeakRssMb: number;
  inventoryFiles: number;
  evaluateSeconds: number;
  evaluatePeakRssMb: number;
  evaluatedAccounts: number;
  results: number;
}

const REGIONS = ["us-east-1", "us-west-2"];
const mb = (kb: number): number => Math.round(kb / 1024);

async function startEndpoint(args: string[]): Promise<{ url: string; stats(): Promise<{ workspacesAnswered: Record<string, number>; throttled: number; calls: number }>; stop(): void }> {
  const script = fileURLToPath(new URL("./organization-endpoint.js", import.meta.url));
  const child = spawn(process.execPath, [script, ...args], { stdio: ["pipe", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the simulated endpoint exited (${code})`)));
    createInterface({ input: child.stdout }).once("line", resolve);
  });
  return {
    url,
    stats: async () => (await (await fetch(`${url}/__stats`)).json()) as { workspacesAnswered: Record<string, number>; throttled: number; calls: number },
    stop: () => child.stdin.end(),
  };
}

export async function benchCollectOrganization(): Promise<OrganizationBenchResult> {
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
  const accounts = Number(process.env["WSAUDIT_BENCH_ORG_ACCOUNTS"] ?? 1000);
  const concurrency = Number(process.env["WSAUDIT_BENCH_ORG_CONCURRENCY"] ?? 100);
  const latencyMs = 50;
  const rateLimit = { ratePerSecond: 2, burst: 5 };
  const endpoint = await startEndpoint([String(accounts), String(latencyMs), String(rateLimit.ratePerSecond), String(rateLimit.burst), "3", REGIONS.join(",")]);
  const outDir = mkdtempSync(join(tmpdir(), "wsaudit-bench-org-"));
  try {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const { manifest } = await collectAccountsToDir({
      organization: {},
      roleName: "wsaudit-audit",
      regions: REGIONS,
      endpointUrl: endpoint.url,
      credentials: () => Promise.resolve({ accessKeyId: "testing", secretAccessKey: "testing" }),
      rateLimit,
      concurrency,
      outDir,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const collectPeakRssMb = mb(process.resourceUsage().maxRSS);
    const stats = await endpoint.stats();
    if (manifest.accounts.length !== accounts) throw new Error(`discovered ${manifest.accounts.length} accounts, expected ${accounts}`);
    const perUnit = Math.max(...Object.values(stats.workspacesAnswered));
    const waves = Math.ceil(accounts / concurrency);
    const rateLimitMinSeconds = (waves * perUnit) / rateLimit.ratePerSecond;
    const burstAdjustedMinSeconds = (waves * Math.max(0, perUnit - rateLimit.burst)) / rateLimit.ratePerSecond;

    const files = readdirSync(outDir).filter((n) => /^\d{12}\.json$/.test(n)).length;
    const evalStarted = performance.now();
    const report = runEvaluation({ inventoryFiles: [outDir], packs: [], now: new Date("2026-01-01T00:00:00Z") });
    const evaluateSeconds = (performance.now() - evalStarted) / 1000;
    return {
      accounts,
      regions: REGIONS,
      concurrency,
      latencyMs,
      rateLimit,
      workspacesCallsPerAccountRegion: perUnit,
      rateLimitMinSeconds,
      burstAdjustedMinSeconds,
      wallSeconds,
      ratio: wallSeconds / rateLimitMinSeconds,
      burstAdjustedRatio: wallSeconds / burstAdjustedMinSeconds,
      throttledCalls: stats.throttled,
      failedAccounts: manifest.totals.failed,
      collectCpuSeconds: (cpu.user + cpu.system) / 1e6,
      endpointCalls: stats.calls,
      collectPeakRssMb,
      inventoryFiles: files,
      evaluateSeconds,
      evaluatePeakRssMb: mb(process.resourceUsage().maxRSS),
      evaluatedAccounts: report.inventory.scope.accounts.length,
      results: report.results.length,
    };
  } finally {
    endpoint.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const runs = Number(process.env["WSAUDIT_BENCH_ORG_RUNS"] ?? 1);
  for (let i = 0; i < runs; i++) console.log(JSON.stringify(await benchCollectOrganization(), null, 2));
}
