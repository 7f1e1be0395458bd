/** The reporter contract: a pure function from a scan report and options to the text of one output file, written in pieces to a sink. */

import type { ScanReport } from "../findings/types.js";

export type ReportFormat = "text" | "json" | "sarif" | "html" | "junit" | "asff" | "ocsf" | "csv";

/** Where SARIF results point: the policy's YAML line (default) or line 1 of the inventory snapshot. */
export type SarifLocationMode = "policy" | "inventory";

/** How SARIF carries waived results: with a suppression, or not at all. */
export type SarifWaivedMode = "suppressed" | "omit";

export interface ReportOptions {
  /** SARIF: the physical location of every result (default "policy"). */
  sarifLocation?: SarifLocationMode;
  /** SARIF: overrides the account list in `automationDetails.id` (`wsaudit/<category>/`). */
  sarifCategory?: string;
  /** SARIF: results kept per run before the lowest severities are dropped (default 25,000, GitHub's limit). */
  sarifMaxResults?: number;
  /** SARIF: gzip-compressed size the file must stay under (default 10 MB, GitHub's limit). */
  sarifMaxGzipBytes?: number;
  /**
   * SARIF: waived results as results with an accepted external suppression (default "suppressed"), or left out
   * ("omit"). GitHub code scanning ignores `suppressions`, so there a suppressed result is an open alert; see
   * docs/github-code-scanning.md ("Waivers").
   */
  sarifWaived?: SarifWaivedMode;
  /** Text: ANSI colours (the CLI turns them on for a TTY). */
  color?: boolean;
  /** Text: failing results listed per policy before "... and N more" (default 10). */
  textMaxPerPolicy?: number;
  /** ASFF: the region of findings about resources without one (global); default: the first scanned region. */
  securityHubRegion?: string;
}

/** Where a reporter writes its output, piece by piece: no report is ever built as one string. */
export interface ReportSink {
  write(chunk: string): void;
}

export type Reporter = (report: Readonly<ScanReport>, options: ReportOptions, sink: ReportSink) => void;
