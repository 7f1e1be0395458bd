/** Assembles the read-only ScanReport that every reporter renders, with sorted results and summary counts. */

import type { Inventory } from "../inventory/model.js";
import { compareStrings, sortResults } from "./sort-results.js";
import { SEVERITIES, STATUSES, type ComplianceView, type Governance, type PolicyMeta, type Result, type ResultSummary, type ScanReport, type Severity, type Status } from "./types.js";

export function summarize(results: readonly Result[]): ResultSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of results) {
    byStatus[r.status]++;
    if (r.status === "fail") failBySeverity[r.severity]++;
  }
  return { total: results.length, byStatus, failBySeverity };
}

export interface BuildScanReportInput {
  tool: { name: string; version: string };
  generatedAt: string;
  inventory: Inventory;
  sources: string[];
  policies: PolicyMeta[];
  results: Result[];
  compliance?: ComplianceView;
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
    summary: summarize(input.results),
  };
  if (input.compliance) report.compliance = input.compliance;
  if (input.governance) report.governance = input.governance;
  return report;
}
