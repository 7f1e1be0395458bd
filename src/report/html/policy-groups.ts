/** Groups a scan report by policy and ranks the policies a person should fix first. */

import { SEVERITY_RANK, STATUSES, type PolicyMeta, type Result, type ScanReport, type Status } from "../../findings/types.js";
import { compareStrings, firstDifference } from "../../findings/sort-results.js";
import { sortPolicies } from "../shared/policy-index.js";
import { zeroByStatus } from "../shared/tally.js";

export interface PolicyGroup {
  policy: PolicyMeta;
  /** Every result of the policy, listed or only counted (from the tallies). */
  counts: Record<Status, number>;
  /** The listed results of the policy, most urgent first (fail, error, manual, waived; new before unchanged). */
  results: Result[];
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

/** Every policy that ran, as a group: those needing attention ranked first, then the rest by id. */
export function policyGroups(report: Readonly<ScanReport>): { attention: PolicyGroup[]; rest: PolicyGroup[] } {
  const groups = new Map<string, PolicyGroup>();
  for (const policy of sortPolicies(report.policies)) groups.set(policy.id, { policy, counts: zeroByStatus(), results: [] });
  for (const t of report.tallies) {
    const g = groups.get(t.policyId);
    if (g !== undefined) for (const s of STATUSES) g.counts[s] += t.counts[s];
  }
  for (const r of report.results) groups.get(r.policyId)?.results.push(r);
  const all = [...groups.values()];
  for (const g of all) g.results.sort(compareWithinPolicy);
  return { attention: all.filter(needsAttention).sort(compareGroups), rest: all.filter((g) => !needsAttention(g)) };
}
