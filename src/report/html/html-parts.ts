/** Small HTML builders for the report: escaped text, badges, counts and tables that stack into cards on a phone. */

import type { ControlStatus, Severity, Status } from "../../findings/types.js";
import { CONTROL_STATUS_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "../shared/report-vocabulary.js";
import { xmlEscape } from "../shared/xml-escape.js";

export const esc = xmlEscape;

/** 1234567 as "1,234,567", the same on every machine (no locale). */
export function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

export function severityBadge(s: Severity): string {
  return `<span class="badge sev-${s}">${SEVERITY_LABELS[s]}</span>`;
}

export function statusBadge(s: Status | ControlStatus): string {
  const label = s in STATUS_LABELS ? STATUS_LABELS[s as Status] : CONTROL_STATUS_LABELS[s as ControlStatus];
  return `<span class="badge st-${s}">${label}</span>`;
}

export interface Column {
  label: string;
  /** Class of the cells: "num" right-aligns numbers, "mono" for ids. */
  cls?: string;
}

/**
 * A table whose cells are already HTML (escape inventory strings before). Each cell carries its column's label, so
 * on a narrow screen the CSS stacks a row into a card of "label: value" lines instead of scrolling sideways.
 */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[], attrs = ""): string {
  const head = columns.map((c) => `<th scope="col"${c.cls !== undefined ? ` class="${c.cls}"` : ""}>${esc(c.label)}</th>`).join("");
  const body = rows
    .map((cells) => `<tr>${cells.map((cell, i) => {
      const c = columns[i];
      return `<td data-label="${esc(c?.label ?? "")}"${c?.cls !== undefined ? ` class="${c.cls}"` : ""}>${cell}</td>`;
    }).join("")}</tr>`)
    .join("\n");
  return `<table class="stack"${attrs}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A stacked bar of counts, drawn with CSS; hidden from assistive technology because the numbers are in the text. */
export function bar(parts: readonly { key: string; value: number }[], max: number): string {
  const segs = parts
    .filter((p) => p.value > 0)
    .map((p) => `<span class="seg-${p.key}" style="width:${((p.value / Math.max(1, max)) * 100).toFixed(2)}%"></span>`)
    .join("");
  return `<span class="bar" aria-hidden="true">${segs}</span>`;
}

/** "… and N more": a row-count note with the pointer to the JSON report, which lists everything. */
export function moreNote(shown: number, total: number, noun: string): string {
  if (total <= shown) return "";
  return `<p class="more-note">Showing the first ${fmt(shown)} of ${plural(total, noun)}; the JSON report (<code>--format json</code>, <code>wsaudit.json</code>) lists every one.</p>`;
}
