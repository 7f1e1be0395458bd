/** Parsers for the CLI's option values; each rejects a bad value with an InputError naming the flag. */

import { SEVERITIES, type Severity } from "../findings/types.js";
import { InputError } from "../input-error.js";
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from "../report/index.js";

export type FailOn = Severity | "none";

export function parseFailOn(value: string): FailOn {
  if (value === "none" || (SEVERITIES as readonly string[]).includes(value)) return value as FailOn;
  throw new InputError("--fail-on", value, `expected one of ${[...SEVERITIES, "none"].join(", ")}`);
}

export function parseFormats(value: string): ReportFormat[] {
  const formats = value.split(",").map((f) => f.trim()).filter((f) => f !== "");
  if (formats.length === 0) throw new InputError("--format", value, `expected a comma-separated list of ${REPORT_FORMATS.join(", ")}`);
  for (const f of formats) {
    if (!isReportFormat(f)) throw new InputError("--format", value, `unknown format "${f}"; formats: ${REPORT_FORMATS.join(", ")}`);
  }
  return [...new Set(formats)] as ReportFormat[];
}

export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(date.getTime())) {
    throw new InputError("--now", value, "expected an ISO-8601 timestamp with a zone, e.g. 2026-01-01T00:00:00Z");
  }
  return date;
}

/** Commander collector for repeatable options. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function parseFedrampBaseline(value: string): "LOW" | "MODERATE" | "HIGH" {
  const upper = value.toUpperCase();
  if (upper === "LOW" || upper === "MODERATE" || upper === "HIGH") return upper;
  throw new InputError("--fedramp-baseline", value, "expected low, moderate or high");
}
