/** Groups a scan report by policy and ranks the policies a person should fix first. */

import { SEVERITY_RANK, STATUSES, type PolicyMeta, type Result, type ScanReport, type Status } from "../../findings/types.js";
import { compareStrings, firstDifference } from "../../findings/sort-results.js";
import { sortPolicies } from "../shared/policy-index.js";
import { zeroByStatus } from "../shared/tally.js";

export interface PolicyGroup {
  policy: PolicyMeta;
  /** Every result of the policy, listed or only counted (from the tallies). */
  counts: Record<Status, number>;
  /** How many results of the policy the report lists. */
  listed: number;
  /** The first `keep` listed results, most urgent first (fail, error, manual, waived; new before unchanged). */
  first: Result[];
  /** The baseline states among the listed results ("none" for a result without one). */
  baselines: Set<string>;
}

const STATUS_ORDER = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;
const NOT_PASSING: readonly Status[] = ["fail", "error", "manual", "waived"];

export const needsAttention = (g: PolicyGroup): boolean => NOT_PASSING.some((s) => g.counts[s] > 0);

function compareWithinPolicy(a: Result, b: Result): number {
  return firstDifference(
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
    (a.baselineState === "new" ? 0 : 1) - (b.baselineState === "new" ? 0 : 1),
    compareStrings(a.accountId, b.accountId),
    compareStrings(a.region, b.region),
    compareStrings(a.resourceId, b.resourceId),
    compareStrings(a.fingerprint, b.fingerprint),
  );
}

// Policies with something to fix or decide (fail, error) come first, by severity and then by how many resources
// fail; policies with only manual or waived results follow; the id breaks ties so the order is stable.
function compareGroups(a: PolicyGroup, b: PolicyGroup): number {
  const actionable = (g: PolicyGroup): number => (g.counts.fail + g.counts.error > 0 ? 1 : 0);
  return firstDifference(
    actionable(b) - actionable(a),
    SEVERITY_RANK[b.policy.severity] - SEVERITY_RANK[a.policy.severity],
    b.counts.fail - a.counts.fail,
    b.counts.error - a.counts.error,
    b.counts.manual - a.counts.manual,
    b.counts.waived - a.counts.waived,
    compareStrings(a.policy.id, b.policy.id),
  );
}

// Keeps the `keep` most urgent results in order without sorting all of them: a policy failing on 100,000 resources
// costs one comparison per result once the kept list is full.
function offer(first: Result[], r: Result, keep: number): void {
  if (first.length >= keep && compareWithinPolicy(r, first[first.length - 1]!) >= 0) return;
  let lo = 0;
  let hi = first.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareWithinPolicy(first[mid]!, r) <= 0) lo = mid + 1;
    else hi = mid;
  }
  first.splice(lo, 0, r);
  if (first.length > keep) first.pop();
}

/** Every policy that ran, as a group: those needing attention ranked first, then the rest by id. */
export function policyGroups(report: Readonly<ScanReport>, keep: number): { attention: PolicyGroup[]; rest: PolicyGroup[] } {
  const groups = new Map<string, PolicyGroup>();
  for (const policy of sortPolicies(report.policies)) groups.set(policy.id, { policy, counts: zeroByStatus(), listed: 0, first: [], baselines: new Set() });
  for (const t of report.tallies) {
    const g = groups.get(t.policyId);
    if (g !== undefined) for (const s of STATUSES) g.counts[s] += t.counts[s];
  }
  for (const r of report.results) {
    const g = groups.get(r.policyId);
    if (g === undefined) continue;
    g.listed += 1;
    g.baselines.add(r.baselineState ?? "none");
    offer(g.first, r, keep);
  }
  const all = [...groups.values()];
  return { attention: all.filter(needsAttention).sort(compareGroups), rest: all.filter((g) => !needsAttention(g)) };
}
