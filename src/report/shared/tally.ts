/** Counts of results by status and of failing results by severity, computed from the results themselves. */

import { SEVERITIES, STATUSES, type Result, type Severity, type Status } from "../../findings/types.js";

export interface Tally {
  total: number;
  byStatus: Record<Status, number>;
  failBySeverity: Record<Severity, number>;
}

export function zeroByStatus(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

export function zeroBySeverity(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

// Recounted rather than read from report.summary so a reporter can never show totals that disagree with its own rows.
export function tally(results: readonly Result[]): Tally {
  const byStatus = zeroByStatus();
  const failBySeverity = zeroBySeverity();
  for (const r of results) {
    byStatus[r.status] += 1;
    if (r.status === "fail") failBySeverity[r.severity] += 1;
  }
  return { total: results.length, byStatus, failBySeverity };
}
