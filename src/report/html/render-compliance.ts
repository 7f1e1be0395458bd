/** One compliance section per framework view: controls by combined status, unassessed controls never shown as passes. */

import type { ComplianceView, ControlStatus, ScanReport } from "../../findings/types.js";
import { STATUSES } from "../../findings/types.js";
import { compareControlIds } from "../../findings/sort-results.js";
import { CONTROL_STATUS_LABELS } from "../shared/report-vocabulary.js";
import { bar, esc, fmt, statusBadge, table } from "./html-parts.js";

const CONTROL_STATUSES = Object.keys(CONTROL_STATUS_LABELS) as ControlStatus[];

function viewHtml(view: ComplianceView, index: number): string {
  const id = `compliance-${index}`;
  const counts = Object.fromEntries(CONTROL_STATUSES.map((s) => [s, 0])) as Record<ControlStatus, number>;
  for (const c of view.controls) counts[c.status] += 1;
  const controls = [...view.controls].sort((a, b) => compareControlIds(a.id, b.id));
  const rows = controls.map((c) => {
    const resultCounts = STATUSES.filter((s) => c.counts[s] > 0).map((s) => `${fmt(c.counts[s])} ${s.replace("_", " ")}`).join(", ");
    const status = statusBadge(c.status) + (c.status === "not_assessed" ? `<br><span class="muted">no automated evidence; not a pass</span>` : "");
    return [esc(c.id), esc(c.title), esc(c.baselines.join(", ") || "-"), status, esc(c.policies.join(", ") || "-"), esc(resultCounts || "-")];
  });
  const summary = CONTROL_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${statusBadge(s)} ${fmt(counts[s])}`)
    .join(" ");
  const caption = `${view.title}${view.baseline !== null ? ` · FedRAMP ${view.baseline} baseline` : ""}`;
  return `<div class="compliance-view" data-framework="${esc(view.framework)}"><h3 id="${id}-h">${esc(caption)}</h3>
<p>${fmt(view.controls.length)} controls: ${summary}</p>${bar(CONTROL_STATUSES.map((s) => ({ key: s, value: counts[s] })), view.controls.length)}
${table([{ label: "Control", cls: "mono" }, { label: "Title" }, { label: "FedRAMP baselines" }, { label: "Status" }, { label: "Policies", cls: "mono" }, { label: "Results" }], rows, ` id="${id}-table" aria-labelledby="${id}-h"`)}</div>`;
}

export function complianceHtml(report: Readonly<ScanReport>): string {
  if (report.compliance.length === 0) return "";
  return `<section id="compliance" aria-labelledby="compliance-h"><h2 id="compliance-h">Compliance by control</h2>
<p class="lead">A control's status is the worst of its policies' results. A control no automated policy covers is <strong>not assessed</strong>: it needs other evidence.</p>
${report.compliance.map(viewHtml).join("\n")}</section>\n`;
}
