/** Builds a compliance view: each framework control with the policies that give evidence for it and their combined status; controls without evidence are "not assessed" (or "manual"), never passed. */

import type { FrameworkDefinition } from "./framework-definition.js";
import { compareControlIds } from "./sort-results.js";
import { STATUSES, type ComplianceControl, type ComplianceView, type ControlStatus, type Result, type ResultTally, type Status } from "./types.js";

/** Results per policy id, counted by status. */
export type PolicyCounts = ReadonlyMap<string, Readonly<Record<Status, number>>>;

/** Worst first: a single failure makes the control fail; undecided results make it error; unattested manual ones keep it manual. */
const PRECEDENCE: [Status, ControlStatus][] = [
  ["fail", "fail"],
  ["error", "error"],
  ["manual", "manual"],
  // An accepted exception is evidence of a decision, not of compliance, but it does not fail the control.
  ["waived", "pass"],
  ["pass", "pass"],
  ["not_applicable", "not_applicable"],
];

const emptyCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** Per-policy counts from listed results (every result must be listed). */
export function countResultsByPolicy(results: readonly Result[]): Map<string, Record<Status, number>> {
  const out = new Map<string, Record<Status, number>>();
  for (const r of results) {
    const counts = out.get(r.policyId) ?? emptyCounts();
    counts[r.status]++;
    out.set(r.policyId, counts);
  }
  return out;
}

/** Per-policy counts from the report's tallies (which count every result, listed or not). */
export function countTalliesByPolicy(tallies: readonly ResultTally[]): Map<string, Record<Status, number>> {
  const out = new Map<string, Record<Status, number>>();
  for (const t of tallies) {
    const counts = out.get(t.policyId) ?? emptyCounts();
    for (const s of STATUSES) counts[s] += t.counts[s];
    out.set(t.policyId, counts);
  }
  return out;
}

/**
 * @param baseline for NIST SP 800-53: every control of that FedRAMP baseline; null: the controls the policies map to
 *   (or, for a framework file listing all its controls, every control).
 * @param mapping policy id → control ids, from `controlsByPolicy`.
 */
export function buildComplianceView(
  framework: FrameworkDefinition,
  baseline: "LOW" | "MODERATE" | "HIGH" | null,
  mapping: ReadonlyMap<string, readonly string[]>,
  counts: PolicyCounts,
): ComplianceView {
  const policiesByControl = new Map<string, string[]>();
  for (const [policyId, ids] of mapping) for (const c of ids) policiesByControl.set(c, [...(policiesByControl.get(c) ?? []), policyId]);
  const defs = framework.controls;
  const ids =
    baseline !== null
      ? Object.keys(defs).filter((id) => defs[id]?.baselines?.includes(baseline) === true)
      : framework.complete
        ? Object.keys(defs)
        : [...policiesByControl.keys()];
  // A complete framework file lists its controls in the framework's own order (CIS 2.1 ... 2.18), which is kept.
  const ordered = baseline === null && framework.complete ? ids : ids.sort(compareControlIds);
  const rows: ComplianceControl[] = ordered.map((id) => {
    const def = defs[id];
    const mapped = (policiesByControl.get(id) ?? []).sort();
    const sum = emptyCounts();
    for (const p of mapped) for (const s of STATUSES) sum[s] += counts.get(p)?.[s] ?? 0;
    const total = STATUSES.reduce((n, s) => n + sum[s], 0);
    // No policy, or policies that produced no result at all: there is no evidence either way.
    const none: ControlStatus = def?.manual === true ? "manual" : "not_assessed";
    const status: ControlStatus = mapped.length === 0 || total === 0 ? none : (PRECEDENCE.find(([s]) => sum[s] > 0)?.[1] ?? none);
    const row: ComplianceControl = { id, title: def?.title ?? "", baselines: def?.baselines ?? [], status, policies: mapped, counts: sum };
    if (def?.family !== undefined) row.family = def.family;
    if (def?.note !== undefined) row.note = def.note;
    return row;
  });
  return { framework: framework.id, title: framework.title, baseline, controls: rows };
}
