/** `renderReport` and `writeReport`: one report format streamed to a sink, or to a file that appears complete or not at all. */

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import type { ScanReport } from "../findings/types.js";
import { isReportFormat, REPORT_FORMATS, reporters, type ReportFormat, type ReportOptions, type ReportSink } from "../report/index.js";
import { InputError } from "../input-error.js";

function reporterFor(format: ReportFormat): (typeof reporters)[ReportFormat] {
  if (!isReportFormat(format)) throw new InputError("format", String(format), `unknown format; formats: ${REPORT_FORMATS.join(", ")}`);
  return reporters[format];
}

/** Writes `format` to `sink` chunk by chunk (a file, a socket, an array in a test). */
export function renderReport(report: Readonly<ScanReport>, format: ReportFormat, sink: ReportSink, options: ReportOptions = {}): void {
  reporterFor(format)(report, options, sink);
}

/**
 * Streams `format` into `path`: written to `path.PID.tmp`, flushed to disk, then renamed over `path`, so a reader (or a
 * crash) never sees half a report. Returns `path`.
 */
export function writeReport(report: Readonly<ScanReport>, format: ReportFormat, path: string, options: ReportOptions = {}): string {
  const reporter = reporterFor(format);
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    // Small chunks are gathered so a report of 100k results is not 100k system calls.
    let pending: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (pending.length > 0) writeSync(fd, pending.join(""));
      pending = [];
      size = 0;
    };
    reporter(report, options, {
      write(chunk) {
        pending.push(chunk);
        size += chunk.length;
        if (size >= 1 << 16) flush();
      },
    });
    flush();
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  renameSync(temp, path);
  return path;
}
