/** The report-format registry: a format name maps to its pure reporter and its default file name. */

import { asffReporter } from "./asff.js";
import { csvReporter } from "./csv.js";
import { htmlReporter } from "./html/index.js";
import { jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";
import { ocsfReporter } from "./ocsf.js";
import { sarifReporter } from "./sarif/index.js";
import { textReporter } from "./text.js";
import type { ReportFormat, Reporter } from "./types.js";

export type { ReportFormat, Reporter, ReportOptions, ReportSink, SarifLocationMode, SarifWaivedMode } from "./types.js";
export { renderToString } from "./render-to-string.js";

export const reporters: Record<ReportFormat, Reporter> = {
  asff: asffReporter,
  csv: csvReporter,
  html: htmlReporter,
  json: jsonReporter,
  junit: junitReporter,
  ocsf: ocsfReporter,
  sarif: sarifReporter,
  text: textReporter,
};

export const REPORT_FILE_NAMES: Record<ReportFormat, string> = {
  asff: "wsaudit.asff.json",
  csv: "wsaudit.csv",
  html: "wsaudit.html",
  json: "wsaudit.json",
  junit: "junit.xml",
  ocsf: "wsaudit.ocsf.json",
  sarif: "wsaudit.sarif",
  text: "wsaudit.txt",
};

export const REPORT_FORMATS = Object.keys(reporters).sort() as ReportFormat[];

export function isReportFormat(s: string): s is ReportFormat {
  return Object.hasOwn(reporters, s);
}
