/** The one result order every reporter uses: severity (most severe first), policy id, account, region, resource id. */

import { SEVERITY_RANK, type Result } from "../../findings/types.js";

// Plain code-unit comparison, never localeCompare: the order must not depend on the machine's locale.
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first comparison that tells the two apart. */
export function firstDifference(...diffs: number[]): number {
  for (const d of diffs) if (d !== 0) return d;
  return 0;
}

export function compareResults(a: Result, b: Result): number {
  return firstDifference(
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
    compareStrings(a.policyId, b.policyId),
    compareStrings(a.accountId, b.accountId),
    compareStrings(a.region, b.region),
    compareStrings(a.resourceId, b.resourceId),
    compareStrings(a.status, b.status),
    compareStrings(a.fingerprint, b.fingerprint),
  );
}

/** A sorted copy; the report itself is never mutated. */
export function sortResults(results: readonly Result[]): Result[] {
  return [...results].sort(compareResults);
}
