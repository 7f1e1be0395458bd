/** Builds the compliance view: each framework control with the policies that give evidence for it and their combined status; baseline controls without a policy are "not assessed", never passed. */

import { compareControlIds } from "./sort-results.js";
import { STATUSES, type ComplianceControl, type ComplianceView, type ControlStatus, type PolicyMeta, type ResultTally, type Status } from "./types.js";

export interface FrameworkControls {
  [id: string]: { title?: string; baselines: string[] };
}

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

/**
 * @param tallies every result counted per policy, account and region
 * @param baseline null: the controls the evaluated policies map to; otherwise every control of that FedRAMP baseline.
 */
export function buildComplianceView(controls: FrameworkControls, baseline: "LOW" | "MODERATE" | "HIGH" | null, policies: readonly PolicyMeta[], tallies: readonly ResultTally[]): ComplianceView {
  const policiesByControl = new Map<string, string[]>();
  for (const p of policies) for (const c of p.controls) policiesByControl.set(c, [...(policiesByControl.get(c) ?? []), p.id]);
  const countsByPolicy = new Map<string, Record<Status, number>>();
  // From the tallies, which count every result: passes are not listed at fleet scale.
  for (const t of tallies) {
    const counts = countsByPolicy.get(t.policyId) ?? emptyCounts();
    for (const s of STATUSES) counts[s] += t.counts[s];
    countsByPolicy.set(t.policyId, counts);
  }
  const ids = baseline === null ? [...policiesByControl.keys()] : Object.keys(controls).filter((id) => controls[id]?.baselines.includes(baseline) === true);
  const rows: ComplianceControl[] = ids.sort(compareControlIds).map((id) => {
    const mapped = (policiesByControl.get(id) ?? []).sort();
    const counts = emptyCounts();
    for (const p of mapped) for (const s of STATUSES) counts[s] += countsByPolicy.get(p)?.[s] ?? 0;
    const total = STATUSES.reduce((n, s) => n + counts[s], 0);
    // No policy, or policies that produced no result at all: there is no evidence either way.
    const status: ControlStatus = mapped.length === 0 || total === 0 ? "not_assessed" : (PRECEDENCE.find(([s]) => counts[s] > 0)?.[1] ?? "not_assessed");
    return { id, title: controls[id]?.title ?? "", baselines: controls[id]?.baselines ?? [], status, policies: mapped, counts };
  });
  return { framework: "nist-800-53-r5", title: "NIST SP 800-53 Rev. 5", baseline, controls: rows };
}
