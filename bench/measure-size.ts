/** Measures one fleet size in this process: load (parse, schema, resolve), evaluate with the shipped packs, and the TypeScript baseline, with a per-policy agreement check. */

import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { STATUSES, type Status } from "../src/findings/types.js";
import { loadInventoryFile } from "../src/inventory/load-inventory.js";
import type { Inventory } from "../src/inventory/model.js";
import { resolveInventory, type ResolvedInventory } from "../src/inventory/resolve-inventory.js";
import { evaluatePolicies, evaluatePolicy } from "../src/policy/evaluate.js";
import { loadPolicies, resolvePackLocations } from "../src/policy/load-policies.js";
import type { CompiledPolicy } from "../src/policy/policy.js";
import { BASELINE_RULES, runBaseline, type BaselineRule } from "./baseline-rules.js";
import { BENCH_COLLECTED_AT, generateInventory, inventoryCounts } from "./generate-inventory.js";
import { collectGarbage, median, memory, timed } from "./measure.js";

export type StatusCounts = Record<Status, number>;

export interface PolicyAgreement {
  policyId: string;
  engine: StatusCounts;
  baseline: StatusCounts | null;
}

export interface SizeReport {
  size: number;
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
  heapAfterLoadMb: number;
  heapWithResultsMb: number;
  peakRssMb: number;
  agreement: PolicyAgreement[];
  perPolicyMs: { policyId: string; resource: string; ms: number; baselineMs: number | null }[];
}

const log = (message: string): void => {
  process.stderr.write(`  ${message}\n`);
};

const emptyCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

/** Baseline rules for exactly the shipped policies: a manual policy without `match` needs no code, a missing rule is reported. */
function baselineFor(policies: CompiledPolicy[]): BaselineRule[] {
  const byId = new Map(BASELINE_RULES.map((r) => [r.id, r]));
  return policies.flatMap((p): BaselineRule[] => {
    const rule = byId.get(p.doc.id);
    if (rule) return [rule];
    if (p.doc.manual === true && p.match === undefined) return [{ id: p.doc.id, resource: p.resourceType, manual: true, assert: () => false }];
    return [];
  });
}

export function measureSize(size: number, runs: number): SizeReport {
  const dir = mkdtempSync(join(tmpdir(), "wsaudit-bench-"));
  const file = join(dir, `inventory-${size}.json`);
  try {
    log(`generating ${size} WorkSpaces`);
    let generated: Inventory | null = generateInventory({ workspaces: size });
    const counts = inventoryCounts(generated);
    writeFileSync(file, JSON.stringify(generated));
    generated = null;
    const jsonMb = statSync(file).size / (1024 * 1024);

    const loaded = loadPolicies(resolvePackLocations([]));
    for (const error of loaded.errors) log(`POLICY LOAD ERROR: ${error.message}`);
    const policies = loaded.policies;
    const now = new Date(BENCH_COLLECTED_AT);
    const params = Object.fromEntries(policies.map((p) => [p.doc.id, p.params]));
    const rules = baselineFor(policies);
    const coveredIds = new Set(rules.map((r) => r.id));
    const covered = policies.filter((p) => coveredIds.has(p.doc.id));

    const parseTimes: number[] = [];
    const resolveTimes: number[] = [];
    let resolved: ResolvedInventory | null = null;
    for (let run = 0; run < runs; run++) {
      resolved = null;
      collectGarbage();
      const parse = timed(() => loadInventoryFile(file));
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
    let coveredResults = 0;
    const baselineTimes: number[] = [];
    const decideTimes: number[] = [];
    let results = 0;
    let heapWithResultsMb = 0;
    const engineCounts = new Map<string, StatusCounts>();
    let baselineCounts = new Map<string, StatusCounts>();
    const allCovered = covered.length === policies.length;
    for (let run = 0; run < runs; run++) {
      // Each phase runs in its own scope so its results are garbage before the next phase starts.
      collectGarbage();
      const evaluateMs = ((): number => {
        const evaluated = timed(() => evaluatePolicies(policies, inventory, { now }));
        if (run === 0) {
          collectGarbage();
          heapWithResultsMb = memory().heapUsedMb;
          results = evaluated.value.length;
          for (const result of evaluated.value) {
            let tally = engineCounts.get(result.policyId);
            if (!tally) engineCounts.set(result.policyId, (tally = emptyCounts()));
            tally[result.status] += 1;
          }
        }
        return evaluated.ms;
      })();
      evaluateTimes.push(evaluateMs);
      // When every policy has a baseline the covered set is the full set: the run above is that measurement.
      let coveredMs = evaluateMs;
      coveredResults = results;
      if (!allCovered) {
        collectGarbage();
        coveredMs = ((): number => {
          const coveredRun = timed(() => evaluatePolicies(covered, inventory, { now }));
          coveredResults = coveredRun.value.length;
          return coveredRun.ms;
        })();
      }
      coveredTimes.push(coveredMs);
      collectGarbage();
      const baselineMs = ((): number => {
        const baseline = timed(() => runBaseline(rules, inventory, { now, params, results: true }));
        baselineCounts = baseline.value.counts;
        return baseline.ms;
      })();
      baselineTimes.push(baselineMs);
      collectGarbage();
      const decide = timed(() => runBaseline(rules, inventory, { now, params, results: false }));
      decideTimes.push(decide.ms);
      log(`evaluate run ${run + 1}/${runs}: engine ${evaluateMs.toFixed(0)} ms (covered ${coveredMs.toFixed(0)} ms), baseline ${baselineMs.toFixed(0)} ms (decide only ${decide.ms.toFixed(0)} ms)`);
    }

    // One more pass, policy by policy, to show where the engine's time goes.
    collectGarbage();
    const ruleById = new Map(rules.map((r) => [r.id, r]));
    const perPolicyMs = policies.map((policy) => {
      const rule = ruleById.get(policy.doc.id);
      return {
        policyId: policy.doc.id,
        resource: policy.resourceType,
        ms: timed(() => evaluatePolicy(policy, inventory, { now })).ms,
        baselineMs: rule ? timed(() => runBaseline([rule], inventory, { now, params, results: true })).ms : null,
      };
    });

    const agreement = policies.map((p) => ({ policyId: p.doc.id, engine: engineCounts.get(p.doc.id) ?? emptyCounts(), baseline: baselineCounts.get(p.doc.id) ?? null }));
    const parseValidateMs = median(parseTimes);
    const resolveMs = median(resolveTimes);
    return {
      size,
      runs,
      counts,
      jsonMb,
      policies: policies.length,
      results,
      parseValidateMs,
      resolveMs,
      loadMs: median(parseTimes.map((p, i) => p + (resolveTimes[i] ?? 0))),
      evaluateMs: median(evaluateTimes),
      coveredPolicies: covered.length,
      coveredResults,
      evaluateCoveredMs: median(coveredTimes),
      baselineMs: median(baselineTimes),
      baselineDecideMs: median(decideTimes),
      heapAfterLoadMb,
      heapWithResultsMb,
      peakRssMb: memory().maxRssMb,
      agreement,
      perPolicyMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
