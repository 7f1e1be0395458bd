/** Breakdowns by account, region and directory: where the failures are, from the tallies and the listed results. */

import type { ScanReport, Status } from "../../findings/types.js";
import { compareStrings, firstDifference } from "../../findings/sort-results.js";
import { zeroByStatus } from "../shared/tally.js";
import { bar, esc, fmt, moreNote, table, type Column } from "./html-parts.js";

const MAX_ROWS = 25;
const BAR_STATUSES: Status[] = ["fail", "error", "manual", "waived", "pass"];

function add(into: Map<string, Record<Status, number>>, key: string, counts: Partial<Record<Status, number>>): void {
  let c = into.get(key);
  if (c === undefined) into.set(key, (c = zeroByStatus()));
  for (const [s, n] of Object.entries(counts) as [Status, number][]) c[s] += n;
}

function breakdown(title: string, id: string, label: string, groups: Map<string, Record<Status, number>>, withPassed: boolean, note: string): string {
  const sorted = [...groups.entries()].sort(([ka, a], [kb, b]) => firstDifference(b.fail - a.fail, b.error - a.error, b.manual - a.manual, compareStrings(ka, kb)));
  const shown = sorted.slice(0, MAX_ROWS);
  const max = Math.max(1, ...shown.map(([, c]) => BAR_STATUSES.reduce((n, s) => n + (withPassed || s !== "pass" ? c[s] : 0), 0)));
  const columns: Column[] = [{ label, cls: "mono" }, { label: "Failing", cls: "num" }, { label: "Errors", cls: "num" }, { label: "Manual", cls: "num" }, { label: "Waived", cls: "num" }];
  if (withPassed) columns.push({ label: "Passed", cls: "num" });
  columns.push({ label: "Share" });
  const rows = shown.map(([k, c]) => {
    const cells = [esc(k), fmt(c.fail), fmt(c.error), fmt(c.manual), fmt(c.waived)];
    if (withPassed) cells.push(fmt(c.pass));
    cells.push(bar(BAR_STATUSES.filter((s) => withPassed || s !== "pass").map((s) => ({ key: s, value: c[s] })), max));
    return cells;
  });
  return `<div><h3 id="${id}">${esc(title)}</h3>${note !== "" ? `<p class="muted">${esc(note)}</p>` : ""}${table(columns, rows, ` aria-labelledby="${id}"`)}${moreNote(shown.length, sorted.length, label.toLowerCase())}</div>`;
}

export function breakdownsHtml(report: Readonly<ScanReport>): string {
  const byAccount = new Map<string, Record<Status, number>>();
  const byRegion = new Map<string, Record<Status, number>>();
  for (const t of report.tallies) {
    add(byAccount, t.accountId, t.counts);
    add(byRegion, t.region, t.counts);
  }
  // Tallies have no directory, so this one counts the listed results (all non-passing ones).
  const byDirectory = new Map<string, Record<Status, number>>();
  for (const r of report.results) {
    const key = r.directoryId ?? "(no directory)";
    let c = byDirectory.get(key);
    if (c === undefined) byDirectory.set(key, (c = zeroByStatus()));
    c[r.status] += 1;
  }
  return `<section id="breakdowns" aria-labelledby="breakdowns-h"><h2 id="breakdowns-h">Where the findings are</h2>
<p class="lead">Ranked by failing results.</p>
<div class="breakdowns">
${breakdown("By account", "by-account-h", "Account", byAccount, true, "")}
${breakdown("By region", "by-region-h", "Region", byRegion, true, "")}
${breakdown("By directory", "by-directory-h", "Directory", byDirectory, report.includesPassed, report.includesPassed ? "" : "Non-passing results; passes are counted per account and region only.")}
</div></section>\n`;
}
