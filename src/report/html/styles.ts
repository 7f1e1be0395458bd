/** The report's inline stylesheet: screen layout, status and severity colours, focus rings and print rules. */

export const STYLES = String.raw`
:root { --fg:#1f2937; --muted:#6b7280; --line:#e5e7eb; --bg:#f8fafc; --card:#fff; --accent:#1d4ed8;
  --critical:#991b1b; --high:#dc2626; --medium:#d97706; --low:#2563eb; --info:#6b7280;
  --fail:#dc2626; --error:#7c3aed; --manual:#0891b2; --waived:#64748b; --pass:#16a34a; --not_applicable:#cbd5e1; --not_assessed:#f1f5f9; }
* { box-sizing:border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif; color:var(--fg); background:var(--bg); }
header.top { background:#0f172a; color:#fff; padding:16px 24px; }
header.top h1 { margin:0 0 4px; font-size:20px; }
header.top p { margin:0; color:#cbd5e1; font-size:13px; }
main { padding:16px 24px 48px; max-width:1400px; margin:0 auto; }
section { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:16px; margin:0 0 16px; }
h2 { font-size:16px; margin:0 0 12px; }
h3 { font-size:13px; margin:0 0 8px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
.skip { position:absolute; left:-9999px; } .skip:focus { left:8px; top:8px; background:#fff; color:#000; padding:8px; z-index:10; }
.cards { display:flex; flex-wrap:wrap; gap:8px; margin-bottom:16px; }
.card { flex:1 1 110px; border:1px solid var(--line); border-left:6px solid var(--line); border-radius:6px; padding:8px 12px; background:#fff; }
.card .n { font-size:24px; font-weight:700; display:block; } .card .l { color:var(--muted); font-size:12px; }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(420px,1fr)); gap:16px 32px; }
.chart svg { width:100%; max-width:540px; height:auto; display:block; } #compliance .chart { margin-bottom:12px; } .chart text { font-size:12px; fill:var(--fg); }
.legend { display:flex; flex-wrap:wrap; gap:4px 12px; font-size:12px; color:var(--muted); margin-top:6px; }
.legend i { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:4px; vertical-align:-1px; }
.badge { display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:600; white-space:nowrap; border:1px solid transparent; }
.sev-critical { background:var(--critical); color:#fff; } .sev-high { background:var(--high); color:#fff; } .sev-medium { background:var(--medium); color:#fff; }
.sev-low { background:var(--low); color:#fff; } .sev-info { background:var(--info); color:#fff; }
.st-fail { background:#fee2e2; color:#991b1b; } .st-error { background:#ede9fe; color:#5b21b6; } .st-manual { background:#cffafe; color:#155e75; }
.st-waived { background:#e2e8f0; color:#334155; } .st-pass { background:#dcfce7; color:#166534; } .st-not_applicable { background:#f1f5f9; color:#475569; }
.st-not_assessed { background:repeating-linear-gradient(45deg,#f8fafc,#f8fafc 4px,#e2e8f0 4px,#e2e8f0 8px); color:#334155; border:1px dashed #94a3b8; }
.badge.new { background:#fee2e2; color:#991b1b; border-color:#fca5a5; margin-left:4px; text-transform:uppercase; font-size:10px; letter-spacing:.04em; }
.gv-applied { background:#dcfce7; color:#166534; } .gv-expired { background:#fef3c7; color:#92400e; border-color:#f59e0b; } .gv-unused { background:#fef9c3; color:#854d0e; border:1px dashed #ca8a04; }
tr.attention > td { background:#fffbeb; } #governance h3 { margin-top:12px; } #governance table { margin-bottom:8px; }
#manual-note { margin:12px 0 0; padding:6px 10px; border-left:4px solid var(--manual); background:#ecfeff; }
.alert { border-color:#c4b5fd; background:#faf5ff; } .alert h2 { color:#5b21b6; }
.alert li { margin:2px 0; }
table { border-collapse:collapse; width:100%; } th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); white-space:nowrap; } td.num { text-align:right; font-variant-numeric:tabular-nums; }
th button.sort { all:unset; cursor:pointer; font-weight:600; } th button.sort:focus-visible { outline:2px solid var(--accent); outline-offset:2px; }
th[aria-sort="ascending"] button.sort::after { content:" \25B2"; } th[aria-sort="descending"] button.sort::after { content:" \25BC"; }
.filters { display:flex; flex-wrap:wrap; gap:8px 12px; align-items:flex-end; margin-bottom:12px; }
.filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); gap:2px; }
.filters select, .filters input { font:inherit; padding:4px 6px; border:1px solid #cbd5e1; border-radius:4px; min-width:120px; background:#fff; }
.filters input[type=search] { min-width:220px; }
button { font:inherit; } button.btn { padding:4px 10px; border:1px solid #cbd5e1; border-radius:4px; background:#fff; cursor:pointer; }
button.toggle { border:0; background:none; cursor:pointer; padding:0 4px; color:var(--accent); font-weight:600; }
:focus-visible { outline:2px solid var(--accent); outline-offset:2px; }
tr.finding:hover { background:#f8fafc; } tr.details > td { background:#f8fafc; }
.details dl { display:grid; grid-template-columns:140px 1fr; gap:4px 12px; margin:0; } .details dt { color:var(--muted); font-weight:600; } .details dd { margin:0; }
pre { margin:0; white-space:pre-wrap; word-break:break-word; font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; background:#fff; border:1px solid var(--line); border-radius:4px; padding:6px; }
.mono { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px; }
td.nowrap { white-space:nowrap; } td.wrap { overflow-wrap:anywhere; min-width:110px; }
.muted { color:var(--muted); } .count { color:var(--muted); margin:0 0 8px; }
.chips span { display:inline-block; border:1px solid #cbd5e1; border-radius:4px; padding:0 4px; margin-right:2px; font-size:11px; }
@media print {
  body { background:#fff; font-size:11px; } header.top { background:#fff; color:#000; border-bottom:2px solid #000; } header.top p { color:#333; }
  .filters, .more, button.toggle, .skip, .noprint { display:none !important; }
  section { break-inside:avoid-page; border:0; padding:0 0 8px; } tr { break-inside:avoid; }
  * { print-color-adjust:exact; -webkit-print-color-adjust:exact; }
  main { max-width:none; padding:0; }
}
`;
