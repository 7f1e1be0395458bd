/** Narrows a scan report to one account (results, tallies, counts, collection errors, baseline changes), so each account gets its own SARIF category. */

import { SEVERITIES, STATUSES, type ScanReport, type Severity, type Status } from "./types.js";

/**
 * Compliance views and policies stay those of the whole run: they describe what was evaluated, and a per-account
 * control status would need every result, which the report does not list.
 */
export function reportForAccount(report: Readonly<ScanReport>, accountId: string): ScanReport {
  const tallies = report.tallies.filter((t) => t.accountId === accountId);
  const results = report.results.filter((r) => r.accountId === accountId);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const t of tallies) for (const s of STATUSES) byStatus[s] += t.counts[s];
  // Failing results are always listed, so their severities can be counted from the list.
  const failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of results) if (r.status === "fail") failBySeverity[r.severity]++;
  const narrowed: ScanReport = {
    ...report,
    inventory: {
      ...report.inventory,
      scope: { ...report.inventory.scope, accounts: [accountId] },
      errors: report.inventory.errors.filter((e) => e.accountId === accountId),
    },
    results,
    tallies,
    summary: { total: STATUSES.reduce((n, s) => n + byStatus[s], 0), byStatus, failBySeverity },
  };
  const baseline = report.governance?.baseline;
  if (report.governance !== undefined && baseline !== undefined) {
    narrowed.governance = {
      ...report.governance,
      baseline: {
        ...baseline,
        new: results.filter((r) => r.baselineState === "new").length,
        unchanged: results.filter((r) => r.baselineState === "unchanged").length,
        fixed: baseline.fixed.filter((f) => f.accountId === accountId),
        unknown: baseline.unknown.filter((f) => f.accountId === accountId),
      },
    };
  }
  return narrowed;
}
