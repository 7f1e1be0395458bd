/** The engine as the benchmark calls it: the one place that runs `evaluatePolicies`/`evaluatePolicy` and reads their results, so a change of the result contract is adapted here alone. */

import { performance } from "node:perf_hooks";
import { STATUSES, type Status } from "../src/findings/types.js";
import type { ResolvedInventory } from "../src/inventory/resolve-inventory.js";
import { evaluatePolicies, evaluatePolicy } from "../src/policy/evaluate.js";
import type { CompiledPolicy } from "../src/policy/policy.js";

export type StatusCounts = Record<Status, number>;

export const emptyCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

export interface EngineRun {
  /** Wall time of the evaluation alone (not the tally nor the heap snapshot). */
  ms: number;
  /** Results the engine produced (every status). */
  results: number;
  /** Status counts per policy id, when asked for. */
  counts: Map<string, StatusCounts> | null;
  /** Taken while the results are still alive, when asked for (after a full GC). */
  heapWithResultsMb: number | null;
}

export interface EngineRunOptions {
  now: Date;
  tally?: boolean;
  /** Called while the results are alive, e.g. to take a heap snapshot. */
  whileAlive?: () => number;
}

/** One evaluation of `policies` over the inventory, as the CLI's pipeline runs it. */
export function runEngine(policies: CompiledPolicy[], inventory: ResolvedInventory, options: EngineRunOptions): EngineRun {
  const start = performance.now();
  const results = evaluatePolicies(policies, inventory, { now: options.now });
  const ms = performance.now() - start;
  let counts: Map<string, StatusCounts> | null = null;
  if (options.tally === true) {
    counts = new Map();
    for (const result of results) {
      let tally = counts.get(result.policyId);
      if (!tally) counts.set(result.policyId, (tally = emptyCounts()));
      tally[result.status] += 1;
    }
  }
  return { ms, results: results.length, counts, heapWithResultsMb: options.whileAlive ? options.whileAlive() : null };
}

/** One policy alone (for the per-policy cost table); returns its result count. */
export const runEnginePolicy = (policy: CompiledPolicy, inventory: ResolvedInventory, now: Date): number => evaluatePolicy(policy, inventory, { now }).length;
