/** The one deterministic order of results: most severe first, then policy, account, region, resource. */

import { SEVERITY_RANK, type Result } from "./types.js";

export function compareResults(a: Result, b: Result): number {
  const keys = [
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
    a.policyId.localeCompare(b.policyId),
    a.accountId.localeCompare(b.accountId),
    a.region.localeCompare(b.region),
    a.resourceId.localeCompare(b.resourceId),
  ];
  return keys.find((k) => k !== 0) ?? 0;
}

export const sortResults = (results: readonly Result[]): Result[] => [...results].sort(compareResults);
