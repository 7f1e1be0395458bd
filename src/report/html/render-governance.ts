/** Governance: what changed since the baseline (new, fixed, undecided), waivers and attestations, manual results. */

import type { FixedFinding, GovernanceEntry, ScanReport } from "../../findings/types.js";
import { sortResults } from "../../findings/sort-results.js";
import { sortFixedFindings, sortGovernanceEntries } from "../shared/sort-governance.js";
import { esc, fmt, moreNote, plural, severityBadge, table } from "./html-parts.js";

const MAX_ROWS = 50;
const GOVERNANCE_LABELS: Record<GovernanceEntry["state"], string> = { applied: "Applied", expired: "Expired", unused: "Unused" };

function findingTable(id: string, title: string, list: readonly (FixedFinding & { reason?: string })[], empty: string, withReason = false): string {
  const columns = [{ label: "Severity" }, { label: "Policy", cls: "mono" }, { label: "Resource", cls: "mono wrap" }, { label: "Account / region", cls: "mono" }, { label: withReason ? "Why undecided" : "Message" }];
  const rows = list.slice(0, MAX_ROWS).map((f) => [severityBadge(f.severity), esc(f.policyId), esc(f.resourceId), esc(`${f.accountId} / ${f.region}`), esc(withReason ? (f.reason ?? "") : f.message)]);
  const body = rows.length > 0 ? table(columns, rows, ` id="${id}-table" aria-labelledby="${id}-h"`) : `<p class="muted">${esc(empty)}</p>`;
  return `<h3 id="${id}-h">${esc(title)} (${fmt(list.length)})</h3>${body}${moreNote(rows.length, list.length, "finding")}`;
}

function entryTable(id: string, title: string, entries: readonly GovernanceEntry[], noun: string): string {
  if (entries.length === 0) return "";
  const attention = entries.filter((e) => e.state !== "applied").length;
  const caption = `${plural(entries.length, noun)}${attention > 0 ? `, ${fmt(attention)} needing attention: an expired one no longer applies, an unused one matched nothing` : ", all applied"}.`;
  const rows = sortGovernanceEntries(entries).map(
    (e) =>
      `<tr data-state="${e.state}"${e.state !== "applied" ? ' class="attention"' : ""}><td data-label="Id" class="mono">${esc(e.id)}</td><td data-label="Policy" class="mono">${esc(e.policy)}</td><td data-label="Owner" class="wrap">${esc(e.owner)}</td><td data-label="Expires">${esc(e.expires)}</td><td data-label="State"><span class="badge gv-${e.state}">${GOVERNANCE_LABELS[e.state]}</span></td><td data-label="Matched" class="num">${fmt(e.matched)}</td></tr>`,
  );
  return `<div id="${id}"><h3 id="${id}-h">${esc(title)}</h3><p class="muted">${esc(caption)}</p>
<table class="stack" id="${id}-table" aria-labelledby="${id}-h"><thead><tr><th scope="col">Id</th><th scope="col">Policy</th><th scope="col">Owner</th><th scope="col">Expires</th><th scope="col">State</th><th scope="col" class="num">Matched</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

export function governanceHtml(report: Readonly<ScanReport>): string {
  const gov = report.governance;
  const manual = report.summary.byStatus.manual;
  if (gov === undefined && manual === 0) return "";
  const parts: string[] = [];
  const b = gov?.baseline;
  if (b !== undefined) {
    const fresh = sortResults(report.results.filter((r) => r.baselineState === "new"));
    const unchanged = report.results.filter((r) => r.baselineState === "unchanged").length;
    parts.push(`<div id="baseline"><p class="muted" id="baseline-caption">Compared with the baseline <code>${esc(b.file)}</code> by finding fingerprint: ${fmt(fresh.length)} new, ${fmt(unchanged)} unchanged, ${fmt(b.fixed.length)} fixed, ${fmt(b.unknown.length)} undecided (failing before and not decided now: never counted as fixed).</p>
${findingTable("new", "New since baseline", fresh, "Nothing new since the baseline.")}
${fresh.length > 0 ? `<p class="noprint"><button type="button" class="btn" id="show-new">Show only new findings in “Fix first”</button></p>` : ""}
${findingTable("fixed", "Fixed since baseline", sortFixedFindings(b.fixed), "Nothing fixed since the baseline.")}
${b.unknown.length > 0 ? findingTable("unknown", "Undecided since baseline", sortFixedFindings(b.unknown), "", true) : ""}</div>`);
  }
  if (gov !== undefined) {
    parts.push(entryTable("waivers", "Waivers", gov.waivers, "waiver"), entryTable("attestations", "Attestations", gov.attestations, "attestation"));
  }
  if (manual > 0) parts.push(`<p id="manual-note">Manual: ${plural(manual, "result")} need an attestation. No API shows these controls; they are not a pass until someone attests.</p>`);
  return `<section id="governance" aria-labelledby="governance-h"><h2 id="governance-h">Changes and exceptions</h2>
${parts.join("\n")}</section>\n`;
}
