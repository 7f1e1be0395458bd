/** Prints the benchmark's Markdown tables: the user's path (whole CLI process), the engine alone, engine vs plain TypeScript on the covered policies, cost per WorkSpace, agreement and where the engine's time goes. */

import type { FleetShape } from "./bench-options.js";
import { CLI_FORMATS, type CliRun } from "./measure-cli.js";
import type { EngineReport } from "./measure-engine.js";
import { median } from "./measure.js";

export interface FleetResult {
  shape: FleetShape;
  size: number;
  workspaces: number;
  accounts: number;
  jsonMb: number;
  now: string;
  cli: CliRun[];
  engine: EngineReport | null;
  engineFailure: string | null;
}

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–");
const seconds = (s: number): string => `${fmt(s, s < 10 ? 2 : 1)} s`;
const ratio = (a: number, b: number): string => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${fmt(a / b, 1)}×` : "–");
const fleet = (r: FleetResult): string => `${r.shape === "organization" ? "organisation" : "directories"}`;
const REPORT_ORDER = ["wsaudit.json", "wsaudit.html", "wsaudit.sarif", "junit.xml", "wsaudit.txt"];

/** Median figures of the ok CLI runs, or the figures of the run that died. */
function cliSummary(runs: CliRun[]): { outcome: string; runs: number; wallS: number; cpuS: number; rssMb: number; reports: string } | null {
  if (runs.length === 0) return null;
  const ok = runs.filter((r) => r.outcome === "ok");
  const failed = runs.find((r) => r.outcome !== "ok");
  if (ok.length === 0 && failed) {
    return { outcome: `**${failed.outcome}** (exit ${String(failed.exitCode)})`, runs: runs.length, wallS: failed.wallS, cpuS: failed.cpuS, rssMb: failed.peakRssMb, reports: "none written" };
  }
  const last = ok[ok.length - 1] as CliRun;
  const reports = REPORT_ORDER.filter((f) => f in last.reports)
    .map((f) => `${f.replace(/^wsaudit\./, "").replace(/\.xml$/, "")} ${fmt((last.reports[f] ?? 0) / 1024 ** 2, 1)}`)
    .join(" · ");
  return {
    outcome: failed ? `ok ${ok.length}, then ${failed.outcome}` : "ok",
    runs: ok.length,
    wallS: median(ok.map((r) => r.wallS)),
    cpuS: median(ok.map((r) => r.cpuS)),
    rssMb: median(ok.map((r) => r.peakRssMb)),
    reports: `${reports} MB`,
  };
}

const engineWallS = (e: EngineReport | null): number => (e === null ? Number.NaN : (e.loadMs + e.evaluateMs) / 1000);

function printUserPath(results: FleetResult[]): void {
  console.log(`\n### The user's path: \`wsaudit evaluate --format ${CLI_FORMATS}\`, whole process (same run as the engine and TypeScript figures)\n`);
  console.log("| Fleet | WorkSpaces | Accounts | Inventory | CLI runs | Outcome | Wall | CPU (user+sys) | Peak RSS | Reports | Engine alone (load + evaluate) | TypeScript pipeline (covered policies) | CLI ÷ engine alone | CLI ÷ TypeScript pipeline |");
  console.log("|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|");
  for (const r of results) {
    const cli = cliSummary(r.cli);
    const e = r.engine;
    const ts = e === null ? Number.NaN : e.tsPipelineMs / 1000;
    const engineCell = e === null ? (r.engineFailure === null ? "not run" : `**${r.engineFailure.split(":")[0] ?? "failed"}**`) : seconds(engineWallS(e));
    console.log(
      `| ${fleet(r)} | ${fmt(r.workspaces)} | ${fmt(r.accounts)} | ${fmt(r.jsonMb, 1)} MB | ${cli?.runs ?? 0} | ${cli?.outcome ?? "not run"} | ${cli ? seconds(cli.wallS) : "–"} | ${cli ? seconds(cli.cpuS) : "–"} | ${cli ? `${fmt(cli.rssMb)} MB` : "–"} | ${cli?.reports ?? "–"} | ${engineCell} | ${Number.isFinite(ts) ? `${seconds(ts)} (${e?.coveredPolicies ?? 0} of ${e?.policies ?? 0})` : "–"} | ${cli && cli.outcome === "ok" ? ratio(cli.wallS, engineWallS(e)) : "–"} | ${cli && cli.outcome === "ok" ? ratio(cli.wallS, ts) : "–"} |`,
    );
  }
  for (const r of results) {
    for (const run of r.cli.filter((c) => c.outcome !== "ok")) console.log(`\n${fleet(r)} ${fmt(r.workspaces)}: CLI ${run.outcome} after ${seconds(run.wallS)}, peak RSS ${fmt(run.peakRssMb)} MB: ${run.detail}`);
    if (r.engineFailure !== null) console.log(`\n${fleet(r)} ${fmt(r.workspaces)}: engine-only child failed: ${r.engineFailure}`);
  }
}

function printEngine(results: FleetResult[]): void {
  const measured = results.filter((r): r is FleetResult & { engine: EngineReport } => r.engine !== null);
  if (measured.length === 0) return;
  const entities = (e: EngineReport): number => Object.values(e.counts).reduce((a, b) => a + b, 0);
  console.log("\n### The engine alone (in one process): load and evaluate, all shipped policies\n");
  console.log("| Fleet | WorkSpaces | Entities | Runs | Parse + schema | Resolve | Load | Evaluate | Results | Results/s | Heap after load | Heap with results | Peak RSS |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const { engine: e, ...r } of measured) {
    console.log(
      `| ${fleet(r as FleetResult)} | ${fmt(r.workspaces)} | ${fmt(entities(e))} | ${e.runs} | ${fmt(e.parseValidateMs)} ms | ${fmt(e.resolveMs)} ms | ${fmt(e.loadMs)} ms | ${fmt(e.evaluateMs)} ms | ${fmt(e.results)} | ${fmt(e.results / (e.evaluateMs / 1000))} | ${fmt(e.heapAfterLoadMb)} MB | ${fmt(e.heapWithResultsMb)} MB | ${fmt(e.peakRssMb)} MB |`,
    );
  }

  console.log("\n### Engine vs plain TypeScript, on the policies that have a TypeScript baseline (same run)\n");
  console.log("| Fleet | WorkSpaces | Covered policies | Results | Engine (covered) | Baseline (results / decide only) | Engine ÷ baseline | TypeScript pipeline (covered) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { engine: e, ...r } of measured) {
    console.log(
      `| ${fleet(r as FleetResult)} | ${fmt(r.workspaces)} | ${e.coveredPolicies} of ${e.policies} | ${fmt(e.coveredResults)} | ${fmt(e.evaluateCoveredMs)} ms | ${fmt(e.baselineMs, 1)} / ${fmt(e.baselineDecideMs, 1)} ms | ${ratio(e.evaluateCoveredMs, e.baselineMs)} (${ratio(e.evaluateCoveredMs, e.baselineDecideMs)} decide) | ${fmt(e.tsPipelineMs)} ms |`,
    );
  }

  console.log("\n### Cost per WorkSpace (linear growth keeps each column flat within a fleet shape)\n");
  console.log("| Fleet | WorkSpaces | CLI wall µs/WorkSpace | CLI CPU µs/WorkSpace | Engine load + evaluate µs/WorkSpace | Baseline µs/WorkSpace (covered) | TypeScript pipeline µs/WorkSpace |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    const cli = cliSummary(r.cli);
    const perWs = (s: number): string => fmt((s * 1e6) / r.workspaces, 1);
    const ok = cli !== null && cli.outcome.startsWith("ok");
    const e = r.engine;
    console.log(
      `| ${fleet(r)} | ${fmt(r.workspaces)} | ${ok ? perWs(cli.wallS) : "–"} | ${ok ? perWs(cli.cpuS) : "–"} | ${e ? perWs(engineWallS(e)) : "–"} | ${e ? perWs(e.baselineMs / 1000) : "–"} | ${e ? perWs(e.tsPipelineMs / 1000) : "–"} |`,
    );
  }
}

/** Agreement between engine and baseline (returns the mismatches), and where the engine's time goes at the largest size of each shape. */
function printAgreement(results: FleetResult[]): number {
  let mismatches = 0;
  for (const r of results) {
    if (r.engine === null) continue;
    for (const a of r.engine.agreement) {
      if (a.baseline === null) continue;
      const differs = (Object.keys(a.engine) as (keyof typeof a.engine)[]).filter((s) => a.engine[s] !== a.baseline?.[s]);
      if (differs.length === 0) continue;
      mismatches++;
      const show = (c: Record<string, number>): string => differs.map((s) => `${s}=${c[s]}`).join(" ");
      console.log(`\n!!! MISMATCH ${a.policyId} at ${fleet(r)} ${fmt(r.workspaces)}: engine ${show(a.engine)} vs baseline ${show(a.baseline)}`);
    }
  }
  for (const shape of ["directory", "organization"] as FleetShape[]) {
    const sized = results.filter((r): r is FleetResult & { engine: EngineReport } => r.shape === shape && r.engine !== null);
    const largest = sized[sized.length - 1];
    if (!largest) continue;
    const e = largest.engine;
    console.log(`\n### Where the engine's time goes (${fleet(largest)}, ${fmt(largest.workspaces)} WorkSpaces, one pass per policy, slowest first)\n`);
    console.log("| Policy | Resource | Engine ms | Share | Baseline ms | Engine ÷ baseline |");
    console.log("|---|---|---:|---:|---:|---:|");
    const total = e.perPolicyMs.reduce((a, p) => a + p.ms, 0);
    for (const p of [...e.perPolicyMs].sort((a, b) => b.ms - a.ms).slice(0, 15)) {
      console.log(`| ${p.policyId} | ${p.resource} | ${fmt(p.ms)} | ${fmt((100 * p.ms) / total, 1)}% | ${p.baselineMs === null ? "not covered" : fmt(p.baselineMs, 1)} | ${p.baselineMs === null ? "" : ratio(p.ms, p.baselineMs)} |`);
    }
    if (e.costliestUncovered.length > 0) console.log(`\n!!! Among the ten costliest policies here, without a TypeScript baseline: ${e.costliestUncovered.join(", ")} (bench/baseline-rules.ts should cover them)`);
    if (sized.length > 1) {
      const smallest = sized[0] as FleetResult & { engine: EngineReport };
      const perWs = (r: FleetResult & { engine: EngineReport }, id: string): number => ((r.engine.perPolicyMs.find((x) => x.policyId === id)?.ms ?? 0) * 1000) / r.workspaces;
      const top = [...e.perPolicyMs].sort((a, b) => b.ms - a.ms).slice(0, 10).map((p) => p.policyId);
      // Also every policy that costs at least 1 ms at the largest size and whose cost per WorkSpace grows more than 3×.
      top.push(...e.perPolicyMs.filter((p) => p.ms >= 1 && !top.includes(p.policyId) && perWs(largest, p.policyId) > 3 * perWs(smallest, p.policyId)).map((p) => p.policyId));
      console.log(`\n### Linearity of the costliest policies, and of any that grow faster than the fleet (${fleet(largest)}; engine µs per WorkSpace, one pass)\n`);
      console.log(`| Policy | ${sized.map((r) => fmt(r.workspaces)).join(" | ")} |`);
      console.log(`|---|${sized.map(() => "---:").join("|")}|`);
      for (const id of top) console.log(`| ${id} | ${sized.map((r) => fmt(perWs(r, id), 1)).join(" | ")} |`);
    }
  }
  const covered = results.find((r) => r.engine !== null)?.engine;
  const uncovered = covered?.agreement.filter((a) => a.baseline === null).map((a) => a.policyId) ?? [];
  console.log(
    mismatches === 0
      ? `\nAgreement: engine and baseline agree on every status count for every covered policy, at every size and shape.`
      : `\n!!! ${mismatches} MISMATCH(ES) between engine and baseline: see above.`,
  );
  if (uncovered.length > 0) console.log(`Policies without a TypeScript baseline (${uncovered.length}, not in the covered figures): ${uncovered.join(", ")}`);
  return mismatches;
}

/** Prints every table; returns the number of engine/baseline mismatches. */
export function printReport(results: FleetResult[]): number {
  printUserPath(results);
  printEngine(results);
  return printAgreement(results);
}
