/** The top of the report: what was scanned, what could not be read or decided, and the headline counts. */

import type { ScanReport } from "../../findings/types.js";
import { SEVERITIES } from "../../findings/types.js";
import { describeCollectionError, sortCollectionErrors } from "../shared/describe-collection-error.js";
import { SEVERITY_LABELS, STATUS_LABELS } from "../shared/report-vocabulary.js";
import { bar, esc, fmt, moreNote, plural } from "./html-parts.js";

const MAX_COLLECTION_ERRORS = 50;

export function headerHtml(report: Readonly<ScanReport>): string {
  const inv = report.inventory;
  const items: [string, string][] = [
    ["Generated", report.generatedAt],
    ["Inventory", `${inv.sources.join(", ") || "(none)"}, collected ${inv.collectedAt}`],
    ["Accounts", inv.scope.accounts.length <= 5 ? inv.scope.accounts.join(", ") || "-" : plural(inv.scope.accounts.length, "account")],
    ["Regions", inv.scope.regions.length <= 6 ? inv.scope.regions.join(", ") || "-" : plural(inv.scope.regions.length, "region")],
    ["Tool", `${report.tool.name} ${report.tool.version}`],
  ];
  return `<header class="top"><p class="brand">${esc(report.tool.name)} · Amazon WorkSpaces</p><h1 id="title">Compliance report</h1>
<dl>${items.map(([t, d]) => `<div><dt>${t}</dt><dd>${esc(d)}</dd></div>`).join("")}</dl></header>\n`;
}

/** Collection errors and undecided results, before anything else: missing data is never a pass. */
export function alertHtml(report: Readonly<ScanReport>): string {
  const errors = sortCollectionErrors(report.inventory.errors);
  const undecided = report.summary.byStatus.error;
  if (errors.length === 0 && undecided === 0) return "";
  const parts: string[] = [];
  if (undecided > 0) parts.push(`${plural(undecided, "result")} could not be decided (status <strong>${STATUS_LABELS.error}</strong>): they are listed under their policies below.`);
  if (errors.length > 0) parts.push(`${plural(errors.length, "collection call")} failed, so the inventory is incomplete; results that read those collections are errors, never passes.`);
  const list = errors.slice(0, MAX_COLLECTION_ERRORS).map((e) => `<li>${esc(describeCollectionError(e))}</li>`);
  return `<section id="collection" class="alert" aria-labelledby="collection-h"><h2 id="collection-h">Incomplete: not everything was read or decided</h2>
${parts.map((p) => `<p>${p}</p>`).join("")}${list.length > 0 ? `<ul>${list.join("")}</ul>` : ""}${moreNote(list.length, errors.length, "collection error")}</section>\n`;
}

function card(n: number, label: string, kind: string, sub = ""): string {
  return `<div class="card k-${kind}"><span class="n">${fmt(n)}</span><span class="l">${esc(label)}${sub !== "" ? `<br>${esc(sub)}` : ""}</span></div>`;
}

export function summaryHtml(report: Readonly<ScanReport>): string {
  const s = report.summary.byStatus;
  const cards = [
    card(s.fail, "failing results", "fail"),
    card(s.error, "errors (undecided)", "error"),
    card(s.manual, "manual: need attestation", "manual"),
    card(s.waived, "waived", "waived"),
    card(s.pass, "passed", "pass"),
    card(s.not_applicable, "not applicable", "not_applicable"),
    card(report.inventory.errors.length, "collection errors", report.inventory.errors.length > 0 ? "error" : "none"),
  ];
  const baseline = report.governance?.baseline;
  if (baseline !== undefined) {
    const fresh = report.results.filter((r) => r.baselineState === "new").length;
    cards.push(card(fresh, "new since baseline", fresh > 0 ? "fail" : "none"), card(baseline.fixed.length, "fixed since baseline", "pass"));
    if (baseline.unknown.length > 0) cards.push(card(baseline.unknown.length, "undecided since baseline", "error"));
  }
  const fbs = report.summary.failBySeverity;
  const max = Math.max(1, ...SEVERITIES.map((v) => fbs[v]));
  const bars = SEVERITIES.map((v) => `<span>${SEVERITY_LABELS[v]}</span>${bar([{ key: v, value: fbs[v] }], max)}<span class="num">${fmt(fbs[v])}</span>`).join("");
  return `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<p class="lead" elementtiming="summary">${plural(report.summary.total, "result")} from ${plural(report.policies.length, "policy", "policies")}.${report.includesPassed ? "" : " Passing and not-applicable results are counted, not listed."}</p>
<div class="cards">${cards.join("")}</div>
<h3>Failing results by severity</h3><div class="sevbars">${bars}</div></section>\n`;
}
