/** Renders a report into one string: for small outputs (the terminal summary) and tests, never for report files. */

import type { ScanReport } from "../findings/types.js";
import type { Reporter, ReportOptions } from "./types.js";

export function renderToString(reporter: Reporter, report: Readonly<ScanReport>, options: ReportOptions = {}): string {
  const chunks: string[] = [];
  reporter(report, options, { write: (chunk) => void chunks.push(chunk) });
  return chunks.join("");
}
