/** The text reporter: a terminal summary that leads with what changed since the baseline, then totals, failures, governance, errors and compliance. */

import { SEVERITIES, STATUSES, type ComplianceView, type Governance, type GovernanceEntry, type Result, type Severity } from "../findings/types.js";
import type { CollectionError } from "../inventory/model.js";
import type { Reporter } from "./types.js";
import { sortResults } from "../findings/sort-results.js";
import { compareControlIds } from "../findings/sort-results.js";
import { describeCollectionError, sortCollectionErrors } from "./shared/describe-collection-error.js";
import { policyIndex } from "./shared/policy-index.js";
import { plainText as t } from "./shared/plain-text.js";
import { governanceCounts, sortFixedFindings, sortGovernanceEntries } from "./shared/sort-governance.js";

const DEFAULT_MAX_PER_POLICY = 10;

type Paint = (code: string, s: string) => string;

const SEVERITY_COLOUR: Record<Severity, string> = { critical: "1;31", high: "31", medium: "33", low: "36", info: "2" };

/** What one listed line needs: results and fixed findings both have it. */
type Listed = Pick<Result, "policyId" | "resourceId" | "accountId" | "region" | "message">;

function location(r: Listed): string {
  return `${r.accountId}/${r.region}`;
}

function groupByPolicy<T extends Listed>(results: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of results) {
    const list = groups.get(r.policyId) ?? [];
    list.push(r);
    groups.set(r.policyId, list);
  }
  return groups;
}

function listCapped(lines: string[], items: readonly Listed[], max: number, paint: Paint, indent: string): void {
  for (const r of items.slice(0, max)) {
    lines.push(`${indent}${t(r.resourceId)}  ${paint("2", t(location(r)))}  ${t(r.message)}`);
  }
  if (items.length > max) lines.push(`${indent}${paint("2", `... and ${items.length - max} more`)}`);
}

function complianceLines(view: ComplianceView, paint: Paint): string[] {
  const label = view.baseline !== null ? ` (FedRAMP ${view.baseline} baseline)` : "";
  const lines = ["", paint("1", `Compliance: ${t(view.title)}${label}`)];
  const controls = [...view.controls].sort((a, b) => compareControlIds(a.id, b.id));
  const width = Math.max(7, ...controls.map((c) => t(c.id).length));
  lines.push(`  ${"Control".padEnd(width)}  ${"Status".padEnd(12)}  ${"FedRAMP".padEnd(8)}  Policies / title`);
  // Assessed controls get a row each; the not-assessed ones of a baseline (hundreds) are listed by id, so the table stays readable.
  for (const c of controls.filter((x) => x.status !== "not_assessed")) {
    const status = c.status.toUpperCase();
    const colour = c.status === "fail" ? "31" : c.status === "error" ? "35" : c.status === "pass" ? "32" : "2";
    const baselines = c.baselines.map((b) => b.charAt(0)).join("") || "-";
    lines.push(`  ${t(c.id).padEnd(width)}  ${paint(colour, status.padEnd(12))}  ${t(baselines).padEnd(8)}  ${c.policies.map(t).join(", ")} - ${t(c.title)}`);
  }
  const notAssessed = controls.filter((c) => c.status === "not_assessed");
  if (notAssessed.length > 0) {
    lines.push(`  NOT ASSESSED (${notAssessed.length}): no automated evidence, which is not a pass:`);
    const ids = notAssessed.map((c) => t(c.id));
    for (let i = 0; i < ids.length; i += 12) lines.push(`    ${ids.slice(i, i + 12).join(", ")}`);
  }
  return lines;
}

/** Per policy, most severe first: "  WS-NET-003  critical  <title>  (n)" and then the resources, capped. */
function policyGroups(items: readonly (Listed & { severity: Severity })[], titles: ReadonlyMap<string, string>, max: number, paint: Paint): string[] {
  const lines: string[] = [];
  for (const [policyId, group] of groupByPolicy(items)) {
    const severity = group[0]?.severity ?? "info";
    lines.push(`  ${paint("1", t(policyId))}  ${paint(SEVERITY_COLOUR[severity], severity)}  ${t(titles.get(policyId) ?? "")}  (${group.length})`);
    listCapped(lines, group, max, paint, "    ");
  }
  return lines;
}

/** New and fixed since the baseline: what the reader of a scheduled job wants first. */
function baselineLines(governance: Governance | undefined, results: readonly Result[], titles: ReadonlyMap<string, string>, max: number, paint: Paint): string[] {
  const baseline = governance?.baseline;
  if (baseline === undefined) return [];
  const fresh = results.filter((r) => r.baselineState === "new");
  const unchanged = results.filter((r) => r.baselineState === "unchanged").length;
  const fixed = sortFixedFindings(baseline.fixed);
  return [
    "",
    paint(fresh.length > 0 ? "1;31" : "1;32", `NEW since baseline (${fresh.length})`) + `  compared with ${t(baseline.file)}; ${unchanged} unchanged`,
    ...policyGroups(fresh, titles, max, paint),
    paint("1;32", `FIXED since baseline (${fixed.length})`),
    ...policyGroups(fixed, titles, max, paint),
  ];
}

function entryLine(e: GovernanceEntry, kind: "waiver" | "attestation", paint: Paint): string {
  const what =
    e.state === "expired"
      ? `expired ${t(e.expires)}: no longer applies`
      : e.state === "unused"
        ? `expires ${t(e.expires)}: matched nothing`
        : `expires ${t(e.expires)}: ${e.matched} result(s) ${kind === "waiver" ? "waived" : "attested"}`;
  const state = e.state === "applied" ? "applied" : e.state.toUpperCase();
  const colour = e.state === "expired" ? "1;33" : e.state === "unused" ? "33" : "2";
  return `  ${paint(colour, state.padEnd(7))}  ${paint("1", t(e.id))}  ${t(e.policy)}  ${kind === "waiver" ? "owner" : "by"} ${t(e.owner)}  ${what}`;
}

/** Waivers and attestations, the ones needing attention first, then the manual results nobody has attested. */
function governanceLines(governance: Governance | undefined, results: readonly Result[], titles: ReadonlyMap<string, string>, max: number, paint: Paint): string[] {
  const lines: string[] = [];
  const sections: [string, "waiver" | "attestation", readonly GovernanceEntry[]][] = [
    ["WAIVERS", "waiver", governance?.waivers ?? []],
    ["ATTESTATIONS", "attestation", governance?.attestations ?? []],
  ];
  for (const [title, kind, entries] of sections) {
    if (entries.length === 0) continue;
    const attention = entries.some((e) => e.state !== "applied");
    lines.push("", paint(attention ? "1;33" : "1", `${title}: ${governanceCounts(entries)}`));
    for (const e of sortGovernanceEntries(entries)) lines.push(entryLine(e, kind, paint));
  }
  const manual = results.filter((r) => r.status === "manual");
  if (manual.length > 0) {
    lines.push("", paint("1;36", `manual: ${manual.length} need attestation - not a pass`));
    lines.push(...policyGroups(manual, titles, max, paint));
  }
  return lines;
}

function collectionErrorLines(errors: readonly CollectionError[], paint: Paint): string[] {
  if (errors.length === 0) return [];
  const lines = ["", paint("1;35", `NOT COLLECTED (${errors.length}): results that read these collections are incomplete`)];
  for (const e of sortCollectionErrors(errors)) lines.push(`  ${t(describeCollectionError(e))}`);
  return lines;
}

export const textReporter: Reporter = (report, options, sink) => {
  const paint: Paint = options.color === true ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_code, s) => s;
  const max = options.textMaxPerPolicy ?? DEFAULT_MAX_PER_POLICY;
  const policies = policyIndex(report.policies);
  const results = sortResults(report.results);
  // Totals over every result, passes included: at fleet scale passes are counted in the tallies, not listed.
  const counts = report.summary;
  const inv = report.inventory;
  const lines: string[] = [];

  lines.push(paint("1", `${t(report.tool.name)} ${t(report.tool.version)} report, generated ${t(report.generatedAt)}`));
  lines.push(`Inventory: ${inv.sources.map(t).join(", ") || "(none)"}, collected ${t(inv.collectedAt)}`);
  lines.push(`Scope: partition ${t(inv.scope.partition)}; accounts ${inv.scope.accounts.map(t).join(", ") || "-"}; regions ${inv.scope.regions.map(t).join(", ") || "-"}`);
  lines.push(`Policies: ${report.policies.length}`);
  const titles = new Map([...policies].map(([id, p]) => [id, p.title]));
  lines.push(...baselineLines(report.governance, results, titles, max, paint));
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

  lines.push(...governanceLines(report.governance, results, titles, max, paint));
  lines.push(...collectionErrorLines(inv.errors, paint));
  for (const view of report.compliance) lines.push(...complianceLines(view, paint));
  if (failing.length === 0 && errors.length === 0 && inv.errors.length === 0) lines.push("", paint("32", "No failing or undecided results."));
  sink.write(`${lines.join("\n")}\n`);
};
