/** The report-format registry: a format name maps to its pure reporter and its default file name. */

import { htmlReporter } from "./html/index.js";
import { jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";
import { sarifReporter } from "./sarif/index.js";
import { textReporter } from "./text.js";
import type { ReportFormat, Reporter } from "./types.js";

export type { ReportFormat, Reporter, ReportOptions, ReportSink, SarifLocationMode, SarifWaivedMode } from "./types.js";
export { renderToString } from "./render-to-string.js";

export const reporters: Record<ReportFormat, Reporter> = {
  html: htmlReporter,
  json: jsonReporter,
  junit: junitReporter,
  sarif: sarifReporter,
  text: textReporter,
};

export const REPORT_FILE_NAMES: Record<ReportFormat, string> = {
  html: "wsaudit.html",
  json: "wsaudit.json",
  junit: "junit.xml",
  sarif: "wsaudit.sarif",
  text: "wsaudit.txt",
};

export const REPORT_FORMATS = Object.keys(reporters).sort() as ReportFormat[];

export function isReportFormat(s: string): s is ReportFormat {
  return Object.hasOwn(reporters, s);
}
