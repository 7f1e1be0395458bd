/** The one order of governance data every reporter uses: entries needing attention first, fixed findings like results. */

import { SEVERITY_RANK, type FixedFinding, type GovernanceEntry } from "../../findings/types.js";
import { compareStrings, firstDifference } from "../../findings/sort-results.js";

// Expired and unused entries need someone to act, so they come before the applied ones.
const STATE_ORDER: Record<GovernanceEntry["state"], number> = { expired: 0, unused: 1, applied: 2 };

export function sortGovernanceEntries(entries: readonly GovernanceEntry[]): GovernanceEntry[] {
  return [...entries].sort((a, b) => firstDifference(STATE_ORDER[a.state] - STATE_ORDER[b.state], compareStrings(a.id, b.id), compareStrings(a.policy, b.policy)));
}

/** Fixed findings in the result order (severity, policy, account, region, resource), whatever order the producer used. */
export function sortFixedFindings(fixed: readonly FixedFinding[]): FixedFinding[] {
  return [...fixed].sort((a, b) =>
    firstDifference(
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
      compareStrings(a.policyId, b.policyId),
      compareStrings(a.accountId, b.accountId),
      compareStrings(a.region, b.region),
      compareStrings(a.resourceId, b.resourceId),
      compareStrings(a.fingerprint, b.fingerprint),
    ),
  );
}

/** Counts per state, as "1 applied (3 results), 1 expired, 2 unused"; states with no entry are left out. */
export function governanceCounts(entries: readonly GovernanceEntry[]): string {
  const parts: string[] = [];
  const applied = entries.filter((e) => e.state === "applied");
  if (applied.length > 0) parts.push(`${applied.length} applied (${applied.reduce((n, e) => n + e.matched, 0)} result(s))`);
  for (const state of ["expired", "unused"] as const) {
    const n = entries.filter((e) => e.state === state).length;
    if (n > 0) parts.push(`${n} ${state}`);
  }
  return parts.join(", ") || "none";
}
