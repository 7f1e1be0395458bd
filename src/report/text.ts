/** The text reporter: a terminal summary of totals, failing and undecided results, collection errors and compliance. */

import { SEVERITIES, STATUSES, type ComplianceView, type Result, type Severity } from "../findings/types.js";
import type { CollectionError } from "../inventory/model.js";
import type { Reporter } from "./types.js";
import { sortResults } from "./shared/compare-results.js";
import { compareControlIds } from "./shared/compare-control-ids.js";
import { describeCollectionError, sortCollectionErrors } from "./shared/describe-collection-error.js";
import { policyIndex } from "./shared/policy-index.js";
import { plainText as t } from "./shared/plain-text.js";
import { tally } from "./shared/tally.js";

const DEFAULT_MAX_PER_POLICY = 10;

type Paint = (code: string, s: string) => string;

const SEVERITY_COLOUR: Record<Severity, string> = { critical: "1;31", high: "31", medium: "33", low: "36", info: "2" };

function location(r: Result): string {
  return `${r.accountId}/${r.region}`;
}

function groupByPolicy(results: readonly Result[]): Map<string, Result[]> {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const list = groups.get(r.policyId) ?? [];
    list.push(r);
    groups.set(r.policyId, list);
  }
  return groups;
}

function listCapped(lines: string[], items: readonly Result[], max: number, paint: Paint, indent: string): void {
  for (const r of items.slice(0, max)) {
    lines.push(`${indent}${t(r.resourceId)}  ${paint("2", t(location(r)))}  ${t(r.message)}`);
  }
  if (items.length > max) lines.push(`${indent}${paint("2", `... and ${items.length - max} more`)}`);
}

function complianceLines(view: ComplianceView, paint: Paint): string[] {
  const label = view.baseline !== null ? ` (FedRAMP ${view.baseline} baseline)` : "";
  const lines = ["", paint("1", `Compliance: NIST SP 800-53 Rev. 5${label}`)];
  const controls = [...view.controls].sort((a, b) => compareControlIds(a.id, b.id));
  const width = Math.max(7, ...controls.map((c) => t(c.id).length));
  lines.push(`  ${"Control".padEnd(width)}  ${"Status".padEnd(12)}  ${"FedRAMP".padEnd(8)}  Policies / title`);
  for (const c of controls) {
    const status = c.status === "not_assessed" ? "NOT ASSESSED" : c.status.toUpperCase();
    const colour = c.status === "fail" ? "31" : c.status === "error" ? "35" : c.status === "pass" ? "32" : "2";
    const baselines = c.baselines.map((b) => b.charAt(0)).join("") || "-";
    const policies = c.policies.length > 0 ? c.policies.map(t).join(", ") : "no automated policy";
    lines.push(`  ${t(c.id).padEnd(width)}  ${paint(colour, status.padEnd(12))}  ${t(baselines).padEnd(8)}  ${policies} - ${t(c.title)}`);
  }
  const notAssessed = controls.filter((c) => c.status === "not_assessed").length;
  if (notAssessed > 0) lines.push(`  ${notAssessed} control(s) not assessed: no automated evidence, which is not a pass.`);
  return lines;
}

function collectionErrorLines(errors: readonly CollectionError[], paint: Paint): string[] {
  if (errors.length === 0) return [];
  const lines = ["", paint("1;35", `NOT COLLECTED (${errors.length}): results that read these collections are incomplete`)];
  for (const e of sortCollectionErrors(errors)) lines.push(`  ${t(describeCollectionError(e))}`);
  return lines;
}

export const textReporter: Reporter = (report, options) => {
  const paint: Paint = options.color === true ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_code, s) => s;
  const max = options.textMaxPerPolicy ?? DEFAULT_MAX_PER_POLICY;
  const policies = policyIndex(report.policies);
  const results = sortResults(report.results);
  const counts = tally(results);
  const inv = report.inventory;
  const lines: string[] = [];

  lines.push(paint("1", `${t(report.tool.name)} ${t(report.tool.version)} report, generated ${t(report.generatedAt)}`));
  lines.push(`Inventory: ${inv.sources.map(t).join(", ") || "(none)"}, collected ${t(inv.collectedAt)}`);
  lines.push(`Scope: partition ${t(inv.scope.partition)}; accounts ${inv.scope.accounts.map(t).join(", ") || "-"}; regions ${inv.scope.regions.map(t).join(", ") || "-"}`);
  lines.push(`Policies: ${report.policies.length}`);
  lines.push("");
  lines.push(`Results: ${counts.total} total - ${STATUSES.map((s) => `${s} ${counts.byStatus[s]}`).join(", ")}`);
  lines.push(`Failing by severity: ${SEVERITIES.map((s) => paint(SEVERITY_COLOUR[s], `${s} ${counts.failBySeverity[s]}`)).join(", ")}`);

  const failing = results.filter((r) => r.status === "fail");
  if (failing.length > 0) {
    lines.push("", paint("1;31", `FAILING (${failing.length})`));
    for (const severity of SEVERITIES) {
      const bySeverity = failing.filter((r) => r.severity === severity);
      if (bySeverity.length === 0) continue;
      lines.push(paint(SEVERITY_COLOUR[severity], `  ${severity.toUpperCase()} (${bySeverity.length})`));
      for (const [policyId, items] of groupByPolicy(bySeverity)) {
        const title = policies.get(policyId)?.title ?? "";
        lines.push(`    ${paint("1", t(policyId))}  ${t(title)}  (${items.length})`);
        listCapped(lines, items, max, paint, "      ");
      }
    }
  }

  const errors = results.filter((r) => r.status === "error");
  if (errors.length > 0) {
    lines.push("", paint("1;35", `ERROR: could not decide (${errors.length}) - not a pass`));
    for (const [policyId, items] of groupByPolicy(errors)) {
      lines.push(`    ${paint("1", t(policyId))}  ${t(policies.get(policyId)?.title ?? "")}  (${items.length})`);
      listCapped(lines, items, max, paint, "      ");
    }
  }

  lines.push(...collectionErrorLines(inv.errors, paint));
  if (report.compliance !== undefined) lines.push(...complianceLines(report.compliance, paint));
  if (failing.length === 0 && errors.length === 0 && inv.errors.length === 0) lines.push("", paint("32", "No failing or undecided results."));
  return `${lines.join("\n")}\n`;
};
