/** `npm run bench`: per fleet shape and size, `wsaudit evaluate` as a user runs it (whole process, every format), the engine alone, the TypeScript baseline and a plain-TypeScript pipeline, then collection; prints Markdown tables. */

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tmpdir } from "node:os";
import { parseBenchOptions, runsFor, type BenchOptions, type FleetShape } from "./bench-options.js";
import type { CollectBenchResult } from "./collect.js";
import { BENCH_COLLECTED_AT, BENCH_ACCOUNTS, generateInventory, inventoryCounts } from "./generate-inventory.js";
import { writeOrganizationInventory } from "./generate-organization.js";
import { gcAvailable } from "./measure.js";
import { cliMethod, measureCli, type CliRun } from "./measure-cli.js";
import { measureEngine, type EngineReport } from "./measure-engine.js";
import { printReport, type FleetResult } from "./print-report.js";

const RESULT_PREFIX = "BENCH_RESULT ";

interface Generated {
  workspaces: number;
  accounts: number;
  counts: Record<string, number>;
  collectedAt: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    return line?.split(":")[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
  } catch {
    return cpus()[0]?.model ?? "unknown";
  }
}

const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Runs this script in a fresh process (its own heap, peak RSS and JIT state), passing its stderr through; a death is a result, not a crash of the bench. */
async function runChild<T>(args: string[]): Promise<{ value: T } | { failure: string }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    process.stderr.write(chunk);
    stderr = (stderr + chunk).slice(-10_000);
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c, s) => resolve([c, s]));
  });
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (code === 0 && line !== undefined) return { value: JSON.parse(line.slice(RESULT_PREFIX.length)) as T };
  const oom = /heap out of memory|Allocation failed/i.test(stderr) ? "out of memory: " : "";
  return { failure: `${oom}exit ${String(code)}${signal ? ` (${signal})` : ""}: ${stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 200)}` };
}

/** Child: writes the fleet's inventory file. */
function generate(shape: FleetShape, size: number, file: string): Generated {
  if (shape === "organization") return writeOrganizationInventory(file, { workspaces: size });
  const inventory = generateInventory({ workspaces: size });
  writeFileSync(file, JSON.stringify(inventory));
  return { workspaces: inventory.workspaces.length, accounts: BENCH_ACCOUNTS.length, counts: inventoryCounts(inventory), collectedAt: BENCH_COLLECTED_AT };
}

async function benchFleet(shape: FleetShape, size: number, options: BenchOptions): Promise<FleetResult> {
  const dir = mkdtempSync(join(tmpdir(), "wsaudit-bench-"));
  const file = join(dir, "inventory.json");
  const runs = runsFor(size, options);
  try {
    console.error(`\n${shape} shape, ${fmt(size)} WorkSpaces: generating`);
    const generated = await runChild<Generated>(["--child-generate", shape, String(size), file]);
    if ("failure" in generated) throw new Error(`generating ${shape} ${size}: ${generated.failure}`);
    const fleet = generated.value;
    const result: FleetResult = { shape, size, workspaces: fleet.workspaces, accounts: fleet.accounts, jsonMb: statSync(file).size / 1024 ** 2, now: fleet.collectedAt, cli: [], engine: null, engineFailure: null };
    if (options.cli) {
      for (let run = 0; run < runs; run++) {
        const cli: CliRun = await measureCli({ inventory: file, now: fleet.collectedAt, timeoutS: options.timeoutS });
        result.cli.push(cli);
        console.error(`  CLI run ${run + 1}/${runs}: ${cli.outcome}, wall ${cli.wallS.toFixed(2)} s, CPU ${cli.cpuS.toFixed(2)} s, peak RSS ${fmt(cli.peakRssMb)} MB${cli.detail ? ` (${cli.detail})` : ""}`);
        // A run that died will die again: do not spend the shared machine on it.
        if (cli.outcome !== "ok") break;
      }
    }
    if (options.engine) {
      const engine = await runChild<EngineReport>(["--child-engine", file, String(runs), fleet.collectedAt]);
      if ("failure" in engine) result.engineFailure = engine.failure;
      else result.engine = engine.value;
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Collection benchmarks built beside this file: [file, export]. Another collection benchmark adds one line here. */
const COLLECTION_BENCHES: [string, string][] = [["collect.js", "benchCollect"]];

/** The collection engineers' figures, when their benchmark files have been built beside this file. */
async function runCollect(options: BenchOptions): Promise<void> {
  console.log("\n### Collection\n");
  if (!options.collect) {
    console.log("(skipped: --no-collect or WSAUDIT_BENCH_COLLECT=0)");
    return;
  }
  for (const [name, exported] of COLLECTION_BENCHES) {
    const file = join(dirname(fileURLToPath(import.meta.url)), name);
    if (!existsSync(file)) {
      console.log(`(bench/${name.replace(/\.js$/, ".ts")} not present: skipped)`);
      continue;
    }
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const bench = module[exported];
    if (typeof bench !== "function") {
      console.log(`(bench/${name} does not export ${exported}: skipped)`);
      continue;
    }
    const result: unknown = await (bench as () => Promise<unknown>)();
    if (isCollectResult(result)) printCollect(result);
    else console.log(typeof result === "string" ? result : JSON.stringify(result, null, 2));
  }
}

const isCollectResult = (value: unknown): value is CollectBenchResult =>
  typeof value === "object" && value !== null && ["wallSeconds", "theoreticalMinSeconds", "throttledCalls", "workspacesCallsPerRegion"].every((k) => k in value);

function printCollect(r: CollectBenchResult): void {
  console.log(
    `${fmt(r.workspaces)} WorkSpaces in ${r.regions.length} regions (${r.regions.join(", ")}), simulated endpoint with ${r.latencyMs} ms latency and ` +
      `${r.rateLimit.ratePerSecond} calls/s burst ${r.rateLimit.burst} per account and region.\n`,
  );
  console.log("| WorkSpaces calls | Busiest region's calls | Minimum (calls ÷ rate) | Burst-adjusted minimum | Wall time | Wall ÷ minimum | Wall ÷ burst-adjusted | Throttled calls | Errors |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const busiest = Math.max(...Object.values(r.workspacesCallsPerRegion));
  console.log(
    `| ${fmt(r.workspacesCalls)} | ${fmt(busiest)} | ${fmt(r.theoreticalMinSeconds, 1)} s | ${fmt(r.burstAdjustedMinSeconds, 1)} s | ${fmt(r.wallSeconds, 1)} s | ${fmt(r.ratio, 3)}× | ${fmt(r.burstAdjustedRatio, 3)}× | ${fmt(r.throttledCalls)} | ${fmt(r.errors)} |`,
  );
  console.log(`\nCalls per region: ${Object.entries(r.workspacesCallsPerRegion).map(([region, n]) => `${region} ${fmt(n)}`).join(", ")}.`);
  console.log(r.ratio <= r.target ? `Within the ${r.target}× target.` : `!!! Over the ${r.target}× target.`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child-generate") {
    const [, shape, size, file] = args as [string, FleetShape, string, string];
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(generate(shape, Number(size), file))}\n`);
    return;
  }
  if (args[0] === "--child-engine") {
    const [, file, runs, now] = args as [string, string, string, string];
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(measureEngine(file, Number(runs), new Date(now)))}\n`);
    return;
  }

  let options: BenchOptions;
  try {
    options = parseBenchOptions(args);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  if (!gcAvailable()) console.log("warning: run with node --expose-gc (npm run bench does) so phases do not pay for each other's garbage");
  if (options.cli && !existsSync(fileURLToPath(new URL("../src/cli/main.js", import.meta.url)))) throw new Error("the CLI is not built: run `npm run bench` (it builds first)");
  console.log("## wsaudit benchmark\n");
  console.log(`Machine: ${cpus().length} CPUs (nproc), ${cpuModel()}, ${fmt(totalmem() / 1024 ** 3, 1)} GiB memory, Node ${process.version}; ${new Date().toISOString()}`);
  console.log(`Command: node ${process.execArgv.join(" ")} dist/bench/run.js ${args.join(" ")}`.trimEnd());
  console.log(`Sizes ${options.sizes.map((s) => fmt(s)).join(", ")}; shapes ${options.shapes.join(", ")}; CLI CPU and peak RSS by ${cliMethod()}; CLI timeout ${options.timeoutS} s`);
  const results: FleetResult[] = [];
  for (const shape of options.shapes) for (const size of options.sizes) results.push(await benchFleet(shape, size, options));
  const mismatches = printReport(results);
  await runCollect(options);
  if (mismatches > 0) process.exitCode = 1;
}

await main();
