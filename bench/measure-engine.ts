/** Measures one inventory file in this process: load (parse, schema, resolve), the engine with the shipped packs, the TypeScript baseline on the policies it covers, and a plain-TypeScript pipeline, with a per-policy agreement check. */

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadInventoryFile } from "../src/inventory/load-inventory.js";
import type { Inventory } from "../src/inventory/model.js";
import { resolveInventory, type ResolvedInventory } from "../src/inventory/resolve-inventory.js";
import { loadPolicies, resolvePackLocations } from "../src/policy/load-policies.js";
import type { CompiledPolicy } from "../src/policy/policy.js";
import { BASELINE_RULES, runBaseline, type BaselineRule } from "./baseline-rules.js";
import type { Params } from "./baseline-helpers.js";
import { inventoryCounts } from "./generate-inventory.js";
import { collectGarbage, median, memory, timed } from "./measure.js";
import { emptyCounts, runEngine, runEnginePolicy, type StatusCounts } from "./run-engine.js";

export type { StatusCounts } from "./run-engine.js";

export interface PolicyAgreement {
  policyId: string;
  engine: StatusCounts;
  baseline: StatusCounts | null;
}

export interface EngineReport {
  runs: number;
  counts: Record<string, number>;
  jsonMb: number;
  policies: number;
  results: number;
  parseValidateMs: number;
  resolveMs: number;
  loadMs: number;
  evaluateMs: number;
  /** Policies with a TypeScript baseline (manual ones included), and the engine's time on just those, measured in the same run. */
  coveredPolicies: number;
  coveredResults: number;
  evaluateCoveredMs: number;
  baselineMs: number;
  baselineDecideMs: number;
  /** Plain TypeScript end to end on the covered policies: read + JSON.parse + resolve + rules + write the non-passing results as JSON. */
  tsPipelineMs: number;
  /** Of the ten policies the engine spends most time on in this run, those without a baseline. */
  costliestUncovered: string[];
  heapAfterLoadMb: number;
  heapWithResultsMb: number;
  peakRssMb: number;
  agreement: PolicyAgreement[];
  perPolicyMs: { policyId: string; resource: string; ms: number; baselineMs: number | null }[];
}

const log = (message: string): void => {
  process.stderr.write(`  ${message}\n`);
};

/** Baseline rules for the shipped policies that have one: a manual policy without `match` needs no code; the rest are not covered. */
function baselineFor(policies: CompiledPolicy[]): BaselineRule[] {
  const byId = new Map(BASELINE_RULES.map((r) => [r.id, r]));
  return policies.flatMap((p): BaselineRule[] => {
    const rule = byId.get(p.doc.id);
    if (rule) return [rule];
    if (p.doc.manual === true && p.match === undefined) return [{ id: p.doc.id, resource: p.resourceType, manual: true, assert: () => false }];
    return [];
  });
}

/** The plain-TypeScript pipeline, as a careful engineer would write the same job by hand. */
function tsPipeline(file: string, rules: BaselineRule[], now: Date, params: Record<string, Params>, outFile: string): number {
  return timed(() => {
    const inventory = resolveInventory(JSON.parse(readFileSync(file, "utf8")) as Inventory);
    const { results } = runBaseline(rules, inventory, { now, params, results: true });
    const fd = openSync(outFile, "w");
    try {
      let chunk = "[";
      let first = true;
      for (const r of results) {
        if (r.status === "pass" || r.status === "not_applicable") continue;
        chunk += `${first ? "" : ","}${JSON.stringify(r)}`;
        first = false;
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = "";
        }
      }
      writeSync(fd, `${chunk}]\n`);
    } finally {
      closeSync(fd);
    }
  }).ms;
}

export function measureEngine(file: string, runs: number, now: Date): EngineReport {
  const scratch = mkdtempSync(join(tmpdir(), "wsaudit-bench-ts-"));
  try {
    const jsonMb = statSync(file).size / (1024 * 1024);
    const loaded = loadPolicies(resolvePackLocations([]));
    for (const error of loaded.errors) log(`POLICY LOAD ERROR: ${error.message}`);
    const policies = loaded.policies;
    const params = Object.fromEntries(policies.map((p) => [p.doc.id, p.params]));
    const rules = baselineFor(policies);
    const coveredIds = new Set(rules.map((r) => r.id));
    const covered = policies.filter((p) => coveredIds.has(p.doc.id));

    const parseTimes: number[] = [];
    const resolveTimes: number[] = [];
    let resolved: ResolvedInventory | null = null;
    let counts: Record<string, number> = {};
    for (let run = 0; run < runs; run++) {
      resolved = null;
      collectGarbage();
      const parse = timed(() => loadInventoryFile(file));
      counts = inventoryCounts(parse.value);
      const resolve = timed(() => resolveInventory(parse.value));
      parseTimes.push(parse.ms);
      resolveTimes.push(resolve.ms);
      resolved = resolve.value;
      log(`load run ${run + 1}/${runs}: parse+validate ${parse.ms.toFixed(0)} ms, resolve ${resolve.ms.toFixed(0)} ms`);
    }
    if (resolved === null) throw new Error("no load run");
    const inventory: ResolvedInventory = resolved;
    collectGarbage();
    const heapAfterLoadMb = memory().heapUsedMb;

    const evaluateTimes: number[] = [];
    const coveredTimes: number[] = [];
    const baselineTimes: number[] = [];
    const decideTimes: number[] = [];
    const pipelineTimes: number[] = [];
    let coveredResults = 0;
    let results = 0;
    let heapWithResultsMb = 0;
    let engineCounts = new Map<string, StatusCounts>();
    let baselineCounts = new Map<string, StatusCounts>();
    const allCovered = covered.length === policies.length;
    const heapNow = (): number => {
      collectGarbage();
      return memory().heapUsedMb;
    };
    for (let run = 0; run < runs; run++) {
      // Each phase's results are garbage before the next phase starts (runEngine returns only counts).
      collectGarbage();
      const engine = runEngine(policies, inventory, { now, tally: run === 0, ...(run === 0 ? { whileAlive: heapNow } : {}) });
      if (run === 0) {
        results = engine.results;
        engineCounts = engine.counts ?? engineCounts;
        heapWithResultsMb = engine.heapWithResultsMb ?? 0;
      }
      evaluateTimes.push(engine.ms);
      // When every policy has a baseline the covered set is the full set: the run above is that measurement.
      let coveredMs = engine.ms;
      coveredResults = results;
      if (!allCovered) {
        collectGarbage();
        const coveredRun = runEngine(covered, inventory, { now });
        coveredResults = coveredRun.results;
        coveredMs = coveredRun.ms;
      }
      coveredTimes.push(coveredMs);
      collectGarbage();
      const baseline = timed(() => runBaseline(rules, inventory, { now, params, results: true }).counts);
      baselineCounts = baseline.value;
      baselineTimes.push(baseline.ms);
      collectGarbage();
      const decide = timed(() => runBaseline(rules, inventory, { now, params, results: false }));
      decideTimes.push(decide.ms);
      collectGarbage();
      const pipelineMs = tsPipeline(file, rules, now, params, join(scratch, "results.json"));
      pipelineTimes.push(pipelineMs);
      log(
        `evaluate run ${run + 1}/${runs}: engine ${engine.ms.toFixed(0)} ms (covered ${coveredMs.toFixed(0)} ms), baseline ${baseline.ms.toFixed(0)} ms ` +
          `(decide only ${decide.ms.toFixed(0)} ms), TypeScript pipeline ${pipelineMs.toFixed(0)} ms`,
      );
    }
    // One more pass, policy by policy, to show where the engine's time goes.
    collectGarbage();
    const ruleById = new Map(rules.map((r) => [r.id, r]));
    const perPolicyMs = policies.map((policy) => {
      const rule = ruleById.get(policy.doc.id);
      return {
        policyId: policy.doc.id,
        resource: policy.resourceType,
        ms: timed(() => runEnginePolicy(policy, inventory, now)).ms,
        baselineMs: rule ? timed(() => runBaseline([rule], inventory, { now, params, results: true })).ms : null,
      };
    });
    const costliestUncovered = [...perPolicyMs]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
      .filter((p) => p.baselineMs === null)
      .map((p) => p.policyId);

    const agreement = policies.map((p) => ({ policyId: p.doc.id, engine: engineCounts.get(p.doc.id) ?? emptyCounts(), baseline: baselineCounts.get(p.doc.id) ?? null }));
    return {
      runs,
      counts,
      jsonMb,
      policies: policies.length,
      results,
      parseValidateMs: median(parseTimes),
      resolveMs: median(resolveTimes),
      loadMs: median(parseTimes.map((p, i) => p + (resolveTimes[i] ?? 0))),
      evaluateMs: median(evaluateTimes),
      coveredPolicies: covered.length,
      coveredResults,
      evaluateCoveredMs: median(coveredTimes),
      baselineMs: median(baselineTimes),
      baselineDecideMs: median(decideTimes),
      tsPipelineMs: median(pipelineTimes),
      costliestUncovered,
      heapAfterLoadMb,
      heapWithResultsMb,
      peakRssMb: memory().maxRssMb,
      agreement,
      perPolicyMs,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
