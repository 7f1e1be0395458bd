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
  results: Result[];
  compliance: ComplianceView[];
  governance?: Governance;
}

export function buildScanReport(input: BuildScanReportInput): ScanReport {
  const { inventory } = input;
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(inventory)) if (Array.isArray(value) && name !== "errors") counts[name] = value.length;

  const report: ScanReport = {
    tool: input.tool,
    generatedAt: input.generatedAt,
    inventory: { sources: input.sources, collectedAt: inventory.collectedAt, scope: inventory.scope, errors: inventory.errors, counts },
    policies: [...input.policies].sort((a, b) => compareStrings(a.id, b.id)),
    results: sortResults(input.results),
    includesPassed: true,
    tallies: tallyResults(input.results),
    summary: summarize(input.results),
    compliance: input.compliance,
  };
  if (input.governance) report.governance = input.governance;
  return report;
}
