/** The one deterministic order of results and control ids, used by the scan report and every reporter. */

import { SEVERITY_RANK, type Result } from "./types.js";

// Plain code-unit comparison, never localeCompare: the order must not depend on the machine's locale.
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first comparison that tells the two apart. */
export function firstDifference(...diffs: number[]): number {
  for (const d of diffs) if (d !== 0) return d;
  return 0;
}

/** Most severe first, then policy, account, region, resource (status and fingerprint only break exact ties). */
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

/** A sorted copy; the input is never mutated. */
export const sortResults = (results: readonly Result[]): Result[] => [...results].sort(compareResults);

function controlParts(id: string): [string, number, number] {
  const m = /^([A-Za-z]+)-(\d+)(?:\((\d+)\))?/.exec(id);
  if (m === null) return [id, -1, -1];
  return [m[1] ?? id, Number(m[2]), m[3] !== undefined ? Number(m[3]) : -1];
}

/** NIST 800-53 ids in catalogue order: family, then control number, then enhancement (AC-2 < AC-2(3) < AC-17). */
export function compareControlIds(a: string, b: string): number {
  const [fa, na, ea] = controlParts(a);
  const [fb, nb, eb] = controlParts(b);
  return firstDifference(compareStrings(fa, fb), na - nb, ea - eb, compareStrings(a, b));
}
