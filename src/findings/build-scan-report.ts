/** Assembles the read-only ScanReport that every reporter renders, with sorted results and summary counts. */

import type { Inventory } from "../inventory/model.js";
import { compareStrings, firstDifference, sortResults } from "./sort-results.js";
import { SEVERITIES, STATUSES, type ComplianceView, type Governance, type PolicyMeta, type Result, type ResultSummary, type ResultTally, type ScanReport, type Severity, type Status } from "./types.js";

export function summarize(results: readonly Result[]): ResultSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of results) {
    byStatus[r.status]++;
    if (r.status === "fail") failBySeverity[r.severity]++;
  }
  return { total: results.length, byStatus, failBySeverity };
}

/**
 * Totals over every result from the tallies (passes are counted there, not listed); failures by severity from the
 * listed results, which hold every failure.
 */
export function summarizeTallies(tallies: readonly ResultTally[], listed: readonly Result[]): ResultSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const t of tallies) for (const s of STATUSES) byStatus[s] += t.counts[s];
  for (const r of listed) if (r.status === "fail") failBySeverity[r.severity]++;
  return { total: STATUSES.reduce((n, s) => n + byStatus[s], 0), byStatus, failBySeverity };
}

/** Counts every result per policy, account and region, in policy, account, region order. */
export function tallyResults(results: readonly Result[]): ResultTally[] {
  const byKey = new Map<string, ResultTally>();
  for (const r of results) {
    const key = `${r.policyId}\u0000${r.accountId}\u0000${r.region}`;
    let tally = byKey.get(key);
    if (tally === undefined) {
      tally = { policyId: r.policyId, accountId: r.accountId, region: r.region, counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number> };
      byKey.set(key, tally);
    }
    tally.counts[r.status]++;
  }
  return [...byKey.values()].sort((a, b) => firstDifference(compareStrings(a.policyId, b.policyId), compareStrings(a.accountId, b.accountId), compareStrings(a.region, b.region)));
}

export interface BuildScanReportInput {
  tool: { name: string; version: string };
  generatedAt: string;
  inventory: Inventory;
  sources: string[];
  policies: PolicyMeta[];
  /** The listed results: every non-passing one, and the passing ones too when `includesPassed`. */
  results: Result[];
  /** Every result counted; when absent, counted from `results` (which must then hold every result). */
  tallies?: ResultTally[];
  includesPassed?: boolean;
  compliance: ComplianceView[];
  governance?: Governance;
}

export function buildScanReport(input: BuildScanReportInput): ScanReport {
  const { inventory } = input;
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(inventory)) if (Array.isArray(value) && name !== "errors") counts[name] = value.length;

  const tallies = input.tallies ?? tallyResults(input.results);
  const report: ScanReport = {
    tool: input.tool,
    generatedAt: input.generatedAt,
    inventory: { sources: input.sources, collectedAt: inventory.collectedAt, scope: inventory.scope, errors: inventory.errors, counts },
    policies: [...input.policies].sort((a, b) => compareStrings(a.id, b.id)),
    results: sortResults(input.results),
    includesPassed: input.includesPassed ?? input.tallies === undefined,
    tallies,
    summary: summarizeTallies(tallies, input.results),
    compliance: input.compliance,
  };
  if (input.governance) report.governance = input.governance;
  return report;
}
