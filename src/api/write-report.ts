/** `renderReport` and `writeReport`: one report format streamed to a sink, or to a file that appears complete or not at all. */

import type { ScanReport } from "../findings/types.js";
import { isReportFormat, REPORT_FORMATS, reporters, type ReportFormat, type ReportOptions, type ReportSink } from "../report/index.js";
import { InputError } from "../input-error.js";
import { writeFileAtomicSync } from "../shared/atomic-file-writer.js";

function reporterFor(format: ReportFormat): (typeof reporters)[ReportFormat] {
  if (!isReportFormat(format)) throw new InputError("format", String(format), `unknown format; formats: ${REPORT_FORMATS.join(", ")}`);
  return reporters[format];
}

/** Writes `format` to `sink` chunk by chunk (a file, a socket, an array in a test). */
export function renderReport(report: Readonly<ScanReport>, format: ReportFormat, sink: ReportSink, options: ReportOptions = {}): void {
  reporterFor(format)(report, options, sink);
}

/**
 * Streams `format` into `path` through the project's durable writer (exclusive random temporary name, checked writes,
 * fsync of file and folder, rename), so a reader (or a crash) never sees half a report. Returns `path`.
 */
export function writeReport(report: Readonly<ScanReport>, format: ReportFormat, path: string, options: ReportOptions = {}): string {
  const reporter = reporterFor(format);
  writeFileAtomicSync(path, (write) => reporter(report, options, { write }));
  return path;
}
