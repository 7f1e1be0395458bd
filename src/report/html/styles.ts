/** The report's inline stylesheet: layout, badge and chart colours from the shared vocabulary, phone and print rules. */

import { SEVERITY_COLOURS, STATUS_COLOURS } from "../shared/report-vocabulary.js";

const severityRules = Object.entries(SEVERITY_COLOURS)
  .map(([s, c]) => `.sev-${s}{background:${c.bg};color:${c.fg}} .seg-${s}{background:${c.bg}}`)
  .join("\n");
const statusRules = Object.entries(STATUS_COLOURS)
  .map(([s, c]) => `.st-${s}{background:${c.bg};color:${c.fg}} .seg-${s}{background:${c.bar}} .card.k-${s}{border-top-color:${c.bar}}`)
  .join("\n");

export const STYLES = String.raw`
:root { --fg:#111827; --muted:#4b5563; --line:#e5e7eb; --bg:#f3f4f6; --card:#fff; --accent:#1d4ed8; --navy:#0f172a; }
* { box-sizing:border-box; }
body { margin:0; font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif; color:var(--fg); background:var(--bg); }
.visually-hidden { position:absolute !important; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
.skip { position:absolute; left:-9999px; } .skip:focus { left:8px; top:8px; background:#fff; color:#000; padding:8px; z-index:10; }
header.top { background:var(--navy); color:#fff; padding:20px 24px 18px; }
header.top .brand { font-size:12px; letter-spacing:.08em; text-transform:uppercase; color:#cbd5e1; margin:0 0 2px; }
header.top h1 { margin:0 0 6px; font-size:22px; font-weight:650; }
header.top dl { display:flex; flex-wrap:wrap; gap:2px 20px; margin:0; font-size:13px; color:#e2e8f0; }
header.top dt { color:#cbd5e1; } header.top dt::after { content:":"; } header.top dd { margin:0 0 0 4px; overflow-wrap:anywhere; }
header.top dl div { display:flex; }
main { padding:16px 24px 48px; max-width:1280px; margin:0 auto; }
section { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:18px 20px; margin:0 0 16px; }
h2 { font-size:17px; margin:0 0 4px; } h3 { font-size:14px; margin:16px 0 6px; }
p.lead, .muted { color:var(--muted); } p.lead { margin:0 0 12px; }
a { color:var(--accent); }
code, .mono { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12.5px; }
.alert { border:1px solid #c4b5fd; border-left:6px solid #6d28d9; background:#faf5ff; }
.alert h2 { color:#4c1d95; } .alert ul { margin:8px 0 0; padding-left:20px; } .alert li { margin:2px 0; overflow-wrap:anywhere; }
.cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(150px,1fr)); gap:10px; margin:12px 0 16px; }
.card { border:1px solid var(--line); border-top:4px solid #94a3b8; border-radius:6px; padding:10px 12px; background:#fff; }
.card .n { display:block; font-size:24px; font-weight:700; font-variant-numeric:tabular-nums; line-height:1.2; }
.card .l { color:var(--muted); font-size:12.5px; }
.sevbars { display:grid; grid-template-columns:max-content 1fr max-content; gap:6px 10px; align-items:center; max-width:640px; }
.bar { display:flex; height:10px; min-width:40px; max-width:100%; background:#f1f5f9; border-radius:3px; overflow:hidden; }
.bar span { display:block; height:100%; }
.badge { display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:600; white-space:nowrap; }
.badge.new { background:#fff; color:#991b1b; border:1px solid #991b1b; text-transform:uppercase; font-size:10.5px; letter-spacing:.04em; }
.gv-applied { background:#dcfce7; color:#166534; } .gv-expired { background:#fef3c7; color:#78350f; } .gv-unused { background:#fef9c3; color:#713f12; }
${severityRules}
${statusRules}
.st-not_assessed { border:1px dashed #64748b; }
table { border-collapse:collapse; width:100%; } th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); font-weight:600; white-space:nowrap; } .num { text-align:right; font-variant-numeric:tabular-nums; }
td.wrap, td.msg { overflow-wrap:anywhere; }
.filters { display:flex; flex-wrap:wrap; gap:8px 12px; align-items:flex-end; margin:12px 0; }
.filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); gap:2px; }
.filters select, .filters input { font:inherit; padding:5px 8px; border:1px solid #6b7280; border-radius:4px; min-width:130px; background:#fff; color:var(--fg); }
.filters input[type=search] { min-width:240px; }
button { font:inherit; } .btn { padding:5px 12px; border:1px solid #6b7280; border-radius:4px; background:#fff; color:var(--fg); cursor:pointer; }
:focus-visible { outline:3px solid var(--accent); outline-offset:2px; }
.count { color:var(--muted); margin:0 0 8px; }
details.policy { border:1px solid var(--line); border-left:5px solid #94a3b8; border-radius:6px; margin:0 0 8px; background:#fff; }
details.policy[data-severity=critical] { border-left-color:${SEVERITY_COLOURS.critical.bg}; } details.policy[data-severity=high] { border-left-color:${SEVERITY_COLOURS.high.bg}; }
details.policy[data-severity=medium] { border-left-color:${SEVERITY_COLOURS.medium.bg}; } details.policy[data-severity=low] { border-left-color:${SEVERITY_COLOURS.low.bg}; }
details.policy > summary { display:grid; grid-template-columns:2.2em 5.5em minmax(7em,max-content) 1fr; gap:4px 10px; align-items:baseline; padding:10px 12px; cursor:pointer; list-style:none; }
details.policy > summary::-webkit-details-marker { display:none; }
details.policy > summary .rank { color:var(--muted); font-variant-numeric:tabular-nums; }
details.policy > summary .rank::before { content:"\25B8  "; } details.policy[open] > summary .rank::before { content:"\25BE  "; }
details.policy > summary .pid { font-weight:600; } details.policy > summary .ptitle { font-weight:600; }
details.policy > summary .pcounts { grid-column:3 / -1; color:var(--muted); font-size:13px; }
.pcounts b { color:var(--fg); font-variant-numeric:tabular-nums; }
.policy-body { padding:0 14px 14px; border-top:1px solid var(--line); }
.policy-body dl.meta { display:grid; grid-template-columns:130px 1fr; gap:4px 12px; margin:12px 0; } .policy-body dt { color:var(--muted); font-weight:600; } .policy-body dd { margin:0; overflow-wrap:anywhere; }
.policy-body ul { margin:0; padding-left:18px; }
button.toggle { border:1px solid #6b7280; border-radius:4px; background:#fff; color:var(--accent); cursor:pointer; font-size:12px; padding:1px 8px; white-space:nowrap; }
tr.details > td { background:#f9fafb; } tr.details dl { display:grid; grid-template-columns:110px 1fr; gap:4px 12px; margin:0; } tr.details dt { color:var(--muted); font-weight:600; } tr.details dd { margin:0; overflow-wrap:anywhere; }
pre { margin:0; white-space:pre-wrap; word-break:break-word; font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; background:#fff; border:1px solid var(--line); border-radius:4px; padding:6px; }
.more-note { color:var(--muted); font-size:13px; margin:8px 0 0; padding:6px 10px; background:#f9fafb; border-left:3px solid #94a3b8; }
.breakdowns { display:grid; grid-template-columns:repeat(auto-fit,minmax(520px,1fr)); gap:8px 32px; } .breakdowns > div { min-width:0; }
tr.attention > td { background:#fffbeb; }
#manual-note { margin:12px 0 0; padding:6px 10px; border-left:4px solid ${STATUS_COLOURS.manual.bar}; background:#ecfeff; }
footer { color:var(--muted); font-size:12.5px; text-align:center; padding:0 24px 32px; }
@media (min-width: 641px) {
  .resources-table td.mono, .resources-table td[data-label=Region] { white-space:nowrap; overflow-wrap:normal; }
}
@media (max-width: 640px) {
  header.top { padding:16px; } main { padding:12px 8px 32px; } section { padding:14px 12px; }
  .cards { grid-template-columns:repeat(2,1fr); }
  details.policy > summary { grid-template-columns:auto 1fr; } details.policy > summary .rank { display:none; }
  details.policy > summary .ptitle, details.policy > summary .pcounts { grid-column:1 / -1; }
  .filters label, .filters input[type=search], .filters select { width:100%; min-width:0; }
  .policy-body dl.meta, tr.details dl { grid-template-columns:1fr; }
  .breakdowns { grid-template-columns:1fr; }
  table.stack thead, table.resources-table thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  table.stack tr, table.resources-table tr { display:block; border-bottom:1px solid var(--line); padding:6px 0; }
  table.stack td, table.resources-table td { display:flex; gap:8px; border:0; padding:2px 4px; text-align:left; }
  table.stack td::before, table.resources-table td[data-label]::before { content:attr(data-label); flex:0 0 92px; color:var(--muted); font-size:12px; font-weight:600; }
  tr.details > td { display:block; }
}
@media print {
  body { background:#fff; font-size:11px; } header.top { background:#fff; color:#000; border-bottom:2px solid #000; } header.top dl, header.top .brand { color:#333; }
  .filters, .skip, .noprint, button.toggle { display:none !important; }
  section { border:0; padding:0 0 8px; } tr { break-inside:avoid; } details.policy { break-inside:avoid-page; }
  * { print-color-adjust:exact; -webkit-print-color-adjust:exact; }
  main { max-width:none; padding:0; }
}
`;
