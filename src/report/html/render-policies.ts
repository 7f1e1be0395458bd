/** The "Fix first" section: failing policies ranked, each expandable to its first resources, embedded per policy. */

import type { Result, ScanReport, Status } from "../../findings/types.js";
import type { ReportSink } from "../types.js";
import { SEVERITIES } from "../../findings/types.js";
import { BASELINE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "../shared/report-vocabulary.js";
import { remediationBlocks } from "../shared/remediation-steps.js";
import { safeUrl } from "../shared/safe-url.js";
import type { PolicyData, ResourceRow } from "./client-data.js";
import { embedJson } from "./embed-json.js";
import { esc, fmt, moreNote, severityBadge, table } from "./html-parts.js";
import type { PolicyGroup } from "./policy-groups.js";

/** Resources embedded per policy: the file grows with the number of policies, not with the number of results. */
export const RESOURCES_PER_POLICY = 100;
/** And at most this many characters of JSON per policy, whatever the evidence and messages hold. */
export const BYTES_PER_POLICY = 64_000;
const MAX_EVIDENCE = 1_500;
const MAX_MESSAGE = 1_000;

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}… (cut; the JSON report has all of it)` : s);

function row(r: Result): ResourceRow {
  const out: ResourceRow = {
    status: r.status,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    accountId: r.accountId,
    region: r.region,
    directoryId: r.directoryId,
    message: clip(r.message, MAX_MESSAGE),
    fingerprint: r.fingerprint,
  };
  if (r.evidence !== undefined && Object.keys(r.evidence).length > 0) out.evidence = clip(JSON.stringify(r.evidence, null, 2), MAX_EVIDENCE);
  if (r.baselineState !== undefined) out.baseline = r.baselineState;
  const w = r.waiver;
  if (w !== undefined) out.waiver = `${w.id}: ${w.justification} (owner ${w.owner}, expires ${w.expires})`;
  const a = r.attestation;
  if (a !== undefined) out.attestation = `${a.id}: attested by ${a.attestedBy} on ${a.attestedAt}, evidence ${a.evidence}, expires ${a.expires}`;
  return out;
}

/** The embedded rows of one policy: the first RESOURCES_PER_POLICY, fewer when they would pass BYTES_PER_POLICY. */
export function policyData(results: readonly Result[], total: number): { json: string; shown: number } {
  const rows: string[] = [];
  let bytes = 0;
  for (const r of results) {
    if (rows.length >= RESOURCES_PER_POLICY) break;
    const json = embedJson(row(r));
    if (rows.length > 0 && bytes + json.length > BYTES_PER_POLICY) break;
    rows.push(json);
    bytes += json.length + 1;
  }
  // Written row by row, never one stringify of every result; the envelope matches PolicyData.
  const envelope: Omit<PolicyData, "rows"> = { total };
  return { json: `{"total":${envelope.total},"rows":[${rows.join(",")}]}`, shown: rows.length };
}

const COUNT_WORDS: [Status, string, string][] = [
  ["fail", "failing", "failing"],
  ["error", "error (undecided)", "errors (undecided)"],
  ["manual", "manual", "manual"],
  ["waived", "waived", "waived"],
  ["pass", "passed", "passed"],
  ["not_applicable", "not applicable", "not applicable"],
];

function countsLine(g: PolicyGroup): string {
  return COUNT_WORDS.filter(([s]) => g.counts[s] > 0)
    .map(([s, one, many]) => `<span class="c-${s}"><b>${fmt(g.counts[s])}</b> ${g.counts[s] === 1 ? one : many}</span>`)
    .join(" · ");
}

/** Remediation as prose, an ordered list of steps and commands as code (the format of docs/writing-policies.md). */
function remediationHtml(remediation: string): string {
  if (remediation.trim() === "") return "-";
  const code = (c: string): string => `<pre><code>${esc(c)}</code></pre>`;
  const out: string[] = [];
  let steps: string[] = [];
  const flush = (): void => {
    if (steps.length > 0) out.push(`<ol>${steps.join("")}</ol>`);
    steps = [];
  };
  for (const b of remediationBlocks(remediation)) {
    if (b.kind === "step") {
      steps.push(`<li>${esc(b.text)}${b.code.map(code).join("")}</li>`);
      continue;
    }
    flush();
    out.push(b.kind === "text" ? `<p>${esc(b.text)}</p>` : code(b.code));
  }
  flush();
  return out.join("");
}

function policyMeta(g: PolicyGroup): string {
  const p = g.policy;
  const refs = p.references.map((r) => {
    const where = [r.document, r.section !== undefined ? `§${r.section}` : undefined].filter((s) => s !== undefined).join(" ");
    const label = esc(r.title + (where !== "" ? ` (${where})` : ""));
    const url = safeUrl(r.url);
    return `<li>${url !== undefined ? `<a href="${esc(url)}" rel="noopener noreferrer">${label}</a>` : label}</li>`;
  });
  const items: [string, string][] = [
    ["Why", esc(p.description || "-")],
    ["Remediation", remediationHtml(p.remediation)],
    ["Controls", esc(p.controls.join(", ") || "-")],
    ["References", refs.length > 0 ? `<ul>${refs.join("")}</ul>` : "-"],
    ["Policy", `<code>${esc(`${p.source.file}:${p.source.line}`)}</code> (pack ${esc(p.pack)}, resource ${esc(p.resource)})`],
  ];
  return `<dl class="meta">${items.map(([t, d]) => `<dt>${t}</dt><dd>${d}</dd>`).join("")}</dl>`;
}

function filterForm(report: Readonly<ScanReport>): string {
  const option = (value: string, label: string): string => `<option value="${esc(value)}">${esc(label)}</option>`;
  const statuses: Status[] = report.includesPassed ? ["fail", "error", "manual", "waived", "pass", "not_applicable"] : ["fail", "error", "manual", "waived"];
  const fields = [
    `<label>Search<input type="search" id="f-search" placeholder="policy, resource, account, message…"></label>`,
    `<label>Severity<select id="f-severity">${option("", "All")}${SEVERITIES.map((s) => option(s, SEVERITY_LABELS[s])).join("")}</select></label>`,
    `<label>Status<select id="f-status">${option("", "All")}${statuses.map((s) => option(s, STATUS_LABELS[s])).join("")}</select></label>`,
  ];
  if (report.governance?.baseline !== undefined) {
    fields.push(`<label>Baseline<select id="f-baseline">${option("", "All")}${option("new", BASELINE_LABELS.new)}${option("unchanged", BASELINE_LABELS.unchanged)}</select></label>`);
  }
  fields.push(`<button type="button" class="btn" id="f-reset">Reset</button>`);
  return `<form class="filters noprint" role="search" aria-label="Filter policies and resources">${fields.join("")}</form>
<p class="count" id="shown-count" role="status"></p>`;
}

function policyBlock(g: PolicyGroup, index: number): string {
  const p = g.policy;
  const id = `p${index}`;
  const data = policyData(g.first, g.listed);
  const statuses = (Object.keys(g.counts) as Status[]).filter((s) => g.counts[s] > 0).join(" ");
  const baselines = [...g.baselines].sort().join(" ");
  return `<details class="policy" id="${id}" data-data="data-${id}" data-severity="${p.severity}" data-statuses="${statuses}" data-baselines="${baselines}">
<summary><span class="rank">${index + 1}</span>${severityBadge(p.severity)}<span class="pid mono">${esc(p.id)}</span><span class="ptitle">${esc(p.title)}</span><span class="pcounts">${countsLine(g)}</span></summary>
<div class="policy-body">${policyMeta(g)}
<div class="resources"><p class="muted">The resources of this policy are listed with JavaScript on; the JSON report lists them too.</p></div>
${moreNote(data.shown, g.listed, "listed result")}</div>
</details>
<script type="application/json" id="data-${id}">${data.json}</script>
`;
}

/** Writes the ranked policies needing attention, one policy (and its embedded rows) per chunk, then the passing ones. */
export function writePolicies(report: Readonly<ScanReport>, groups: { attention: PolicyGroup[]; rest: PolicyGroup[] }, sink: ReportSink): void {
  const failing = groups.attention.filter((g) => g.counts.fail > 0).length;
  sink.write(`<section id="fix-first" aria-labelledby="fix-first-h"><h2 id="fix-first-h">Fix first</h2>
<p class="lead">${fmt(groups.attention.length)} of ${fmt(groups.attention.length + groups.rest.length)} policies need attention (${fmt(failing)} failing), most severe and most widespread first. Open a policy for its remediation and its first ${RESOURCES_PER_POLICY} resources.</p>
${groups.attention.length > 0 ? filterForm(report) : `<p>Nothing failed, nothing is undecided, nothing waits for an attestation.</p>`}
<div class="policy-list">
`);
  groups.attention.forEach((g, i) => sink.write(policyBlock(g, i)));
  sink.write(`</div>\n`);
  if (groups.rest.length > 0) {
    const rows = groups.rest.map((g) => [
      `<code>${esc(g.policy.id)}</code>`,
      esc(g.policy.title),
      severityBadge(g.policy.severity),
      fmt(g.counts.pass),
      fmt(g.counts.not_applicable),
    ]);
    sink.write(`<details class="passing"><summary><h3>Policies with nothing to fix (${fmt(groups.rest.length)})</h3></summary>
${table([{ label: "Policy" }, { label: "Title" }, { label: "Severity" }, { label: "Passed", cls: "num" }, { label: "Not applicable", cls: "num" }], rows)}
</details>
`);
  }
  sink.write(`</section>\n`);
}
