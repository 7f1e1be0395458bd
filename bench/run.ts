/** `npm run bench`: measures load, evaluate and the plain-TypeScript baseline at 1k/10k/100k WorkSpaces (one child process per size) and prints Markdown tables. */

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gcAvailable } from "./measure.js";
import { measureSize, type SizeReport } from "./measure-size.js";
import type { CollectBenchResult } from "./collect.js";

const RESULT_PREFIX = "BENCH_RESULT ";
const DEFAULT_SIZES = [1_000, 10_000, 100_000];

function sizesFromEnv(): number[] {
  const raw = process.env["WSAUDIT_BENCH_SIZES"];
  if (raw === undefined || raw.trim() === "") return DEFAULT_SIZES;
  const sizes = raw.split(",").map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`WSAUDIT_BENCH_SIZES must be positive integers, got "${raw}"`);
  return sizes;
}

/** Medians need several runs; at 100k one run is already seconds, so two suffice. */
const runsFor = (size: number): number => Number(process.env["WSAUDIT_BENCH_RUNS"] ?? (size >= 100_000 ? 2 : 5));

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    return line?.split(":")[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
  } catch {
    return cpus()[0]?.model ?? "unknown";
  }
}

const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Each size runs in a fresh process so its peak RSS and JIT state are its own. */
function runChild(size: number): SizeReport {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, "--size", String(size), "--runs", String(runsFor(size))], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || line === undefined) {
    throw new Error(`benchmark of ${size} WorkSpaces failed (exit ${String(child.status)}, signal ${String(child.signal)})`);
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as SizeReport;
}

function printTables(reports: SizeReport[]): number {
  const entities = (r: SizeReport): number => Object.values(r.counts).reduce((a, b) => a + b, 0);
  console.log("\n### Load\n");
  console.log("| WorkSpaces | Entities | Inventory JSON | Parse + schema | Resolve | Load total | Heap after load | Peak RSS |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of reports) {
    console.log(`| ${fmt(r.size)} | ${fmt(entities(r))} | ${fmt(r.jsonMb, 1)} MB | ${fmt(r.parseValidateMs)} ms | ${fmt(r.resolveMs)} ms | ${fmt(r.loadMs)} ms | ${fmt(r.heapAfterLoadMb)} MB | ${fmt(r.peakRssMb)} MB |`);
  }

  console.log("\n### Evaluate, all shipped policies\n");
  console.log("| WorkSpaces | Policies | Results | Evaluate | Results/s | Load + evaluate | Heap with results |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of reports) {
    console.log(
      `| ${fmt(r.size)} | ${r.policies} | ${fmt(r.results)} | ${fmt(r.evaluateMs)} ms | ${fmt(r.results / (r.evaluateMs / 1000))} | ${fmt(r.loadMs + r.evaluateMs)} ms | ${fmt(r.heapWithResultsMb)} MB |`,
    );
  }

  console.log("\n### Engine vs plain TypeScript, on the policies that have a baseline (same run)\n");
  console.log("| WorkSpaces | Covered policies | Results | Engine (covered) | Baseline (results / decide only) | Engine ÷ baseline | Engine results/s | Baseline results/s |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of reports) {
    console.log(
      `| ${fmt(r.size)} | ${r.coveredPolicies} of ${r.policies} | ${fmt(r.coveredResults)} | ${fmt(r.evaluateCoveredMs)} ms | ${fmt(r.baselineMs, 1)} / ${fmt(r.baselineDecideMs, 1)} ms | ${fmt(r.evaluateCoveredMs / r.baselineMs, 1)}× (${fmt(r.evaluateCoveredMs / r.baselineDecideMs, 1)}× decide) | ${fmt(r.coveredResults / (r.evaluateCoveredMs / 1000))} | ${fmt(r.coveredResults / (r.baselineMs / 1000))} |`,
    );
  }

  console.log("\n### Cost per WorkSpace (linear growth keeps these flat)\n");
  console.log("| WorkSpaces | Runs (median) | Load µs/WorkSpace | Evaluate µs/WorkSpace | Baseline µs/WorkSpace | Evaluate µs/result |");
  console.log("|---:|---:|---:|---:|---:|---:|");
  for (const r of reports) {
    const perWs = (ms: number): string => fmt((ms * 1000) / r.size, 1);
    console.log(`| ${fmt(r.size)} | ${r.runs} | ${perWs(r.loadMs)} | ${perWs(r.evaluateMs)} | ${perWs(r.baselineMs)} | ${fmt((r.evaluateMs * 1000) / r.results, 2)} |`);
  }

  // The engine and the baseline must agree on every status count: a mismatch is a bug in one of them.
  let mismatches = 0;
  const missing = new Set<string>();
  for (const r of reports) {
    for (const a of r.agreement) {
      if (a.baseline === null) {
        missing.add(a.policyId);
        continue;
      }
      const differs = (Object.keys(a.engine) as (keyof typeof a.engine)[]).filter((s) => a.engine[s] !== a.baseline?.[s]);
      if (differs.length > 0) {
        mismatches++;
        const show = (c: Record<string, number>): string => differs.map((s) => `${s}=${c[s]}`).join(" ");
        console.log(`\n!!! MISMATCH ${a.policyId} at ${fmt(r.size)} WorkSpaces: engine ${show(a.engine)} vs baseline ${show(a.baseline)}`);
      }
    }
  }
  const largest = reports[reports.length - 1];
  if (largest) {
    console.log(`\n### Agreement (${fmt(largest.size)} WorkSpaces): engine vs baseline fail counts\n`);
    console.log("| Policy | Engine fail | Baseline fail | Engine pass / n/a / error / manual |");
    console.log("|---|---:|---:|---|");
    for (const a of largest.agreement) {
      const base = a.baseline === null ? "no baseline" : fmt(a.baseline.fail);
      const mark = a.baseline !== null && a.baseline.fail !== a.engine.fail ? " **MISMATCH**" : "";
      console.log(`| ${a.policyId} | ${fmt(a.engine.fail)} | ${base}${mark} | ${fmt(a.engine.pass)} / ${fmt(a.engine.not_applicable)} / ${fmt(a.engine.error)} / ${fmt(a.engine.manual)} |`);
    }
    console.log(`\n### Where the engine's time goes (${fmt(largest.size)} WorkSpaces, one pass per policy, slowest first)\n`);
    console.log("| Policy | Resource | Engine ms | Share | Baseline ms | Engine ÷ baseline |");
    console.log("|---|---|---:|---:|---:|---:|");
    const total = largest.perPolicyMs.reduce((a, p) => a + p.ms, 0);
    for (const p of [...largest.perPolicyMs].sort((a, b) => b.ms - a.ms).slice(0, 15)) {
      const base = p.baselineMs === null ? "no baseline" : fmt(p.baselineMs, 1);
      const ratio = p.baselineMs === null || p.baselineMs === 0 ? "" : `${fmt(p.ms / p.baselineMs, 1)}×`;
      console.log(`| ${p.policyId} | ${p.resource} | ${fmt(p.ms)} | ${fmt((100 * p.ms) / total, 1)}% | ${base} | ${ratio} |`);
    }
  }
  if (largest && reports.length > 1) {
    // Per-policy cost per WorkSpace across sizes: a policy whose figure grows with the fleet is not linear.
    const smallest = reports[0] as SizeReport;
    const perWs = (r: SizeReport, id: string): number => ((r.perPolicyMs.find((x) => x.policyId === id)?.ms ?? 0) * 1000) / r.size;
    const top = [...largest.perPolicyMs].sort((a, b) => b.ms - a.ms).slice(0, 10).map((p) => p.policyId);
    // Also every policy that costs at least 1 ms at the largest size and whose cost per WorkSpace grows more than 3×.
    const growing = largest.perPolicyMs.filter((p) => p.ms >= 1 && !top.includes(p.policyId) && perWs(largest, p.policyId) > 3 * perWs(smallest, p.policyId)).map((p) => p.policyId);
    top.push(...growing);
    console.log("\n### Linearity of the costliest policies, and of any that grow faster than the fleet (engine µs per WorkSpace, one pass)\n");
    console.log(`| Policy | ${reports.map((r) => fmt(r.size)).join(" | ")} |`);
    console.log(`|---|${reports.map(() => "---:").join("|")}|`);
    for (const id of top) {
      const cells = reports.map((r) => {
        const p = r.perPolicyMs.find((x) => x.policyId === id);
        return p === undefined ? "" : fmt((p.ms * 1000) / r.size, 1);
      });
      console.log(`| ${id} | ${cells.join(" | ")} |`);
    }
  }
  console.log(
    mismatches === 0
      ? `\nAgreement: engine and baseline agree on every status count for every policy with a baseline.`
      : `\n!!! ${mismatches} MISMATCH(ES) between engine and baseline: see above.`,
  );
  if (missing.size > 0) console.log(`Policies without a TypeScript baseline (not in the baseline time): ${[...missing].join(", ")}`);
  return mismatches;
}

/** The collection engineer's figures, when bench/collect.ts has been built beside this file. */
async function runCollect(): Promise<void> {
  const file = join(dirname(fileURLToPath(import.meta.url)), "collect.js");
  if (process.env["WSAUDIT_BENCH_COLLECT"] === "0") {
    console.log("\n### Collection\n\n(skipped: WSAUDIT_BENCH_COLLECT=0)");
    return;
  }
  if (!existsSync(file)) {
    console.log("\n### Collection\n\n(bench/collect.ts not present: skipped)");
    return;
  }
  const module = (await import(pathToFileURL(file).href)) as { benchCollect?: unknown };
  if (typeof module.benchCollect !== "function") {
    console.log("\n### Collection\n\n(bench/collect.js does not export benchCollect: skipped)");
    return;
  }
  console.log("\n### Collection\n");
  const result: unknown = await (module.benchCollect as () => Promise<unknown>)();
  if (isCollectResult(result)) printCollect(result);
  else console.log(typeof result === "string" ? result : JSON.stringify(result, null, 2));
}

/** The collection benchmark's result, as bench/collect.ts declares it. */
type CollectFigures = CollectBenchResult;

const isCollectResult = (value: unknown): value is CollectFigures =>
  typeof value === "object" && value !== null && ["wallSeconds", "theoreticalMinSeconds", "throttledCalls", "workspacesCallsPerRegion"].every((k) => k in value);

function printCollect(r: CollectFigures): void {
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
  const sizeFlag = args.indexOf("--size");
  if (sizeFlag >= 0) {
    const size = Number(args[sizeFlag + 1]);
    const runsFlag = args.indexOf("--runs");
    const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : runsFor(size);
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(measureSize(size, runs))}\n`);
    return;
  }

  if (!gcAvailable()) console.log("warning: run with node --expose-gc (npm run bench does) so phases do not pay for each other's garbage");
  console.log("## wsaudit benchmark\n");
  console.log(`Machine: ${cpus().length} CPUs (nproc), ${cpuModel()}, ${fmt(totalmem() / 1024 ** 3, 1)} GiB memory, Node ${process.version}`);
  console.log(`Command: node ${process.execArgv.join(" ")} dist/bench/run.js; sizes ${sizesFromEnv().join(", ")}`);
  const reports: SizeReport[] = [];
  for (const size of sizesFromEnv()) {
    console.error(`\n${fmt(size)} WorkSpaces:`);
    reports.push(runChild(size));
  }
  const mismatches = printTables(reports);
  await runCollect();
  if (mismatches > 0) process.exitCode = 1;
}

await main();
