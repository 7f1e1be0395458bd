/** Maps a scan report to the exit code: findings at or above --fail-on first, then incomplete evaluation, else clean. */

import { SEVERITY_RANK, type ScanReport } from "../findings/types.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { FailOn } from "./options.js";

export function exitCodeFor(report: Readonly<ScanReport>, failOn: FailOn): ExitCode {
  if (failOn !== "none") {
    const threshold = SEVERITY_RANK[failOn];
    if (report.results.some((r) => r.status === "fail" && SEVERITY_RANK[r.severity] >= threshold)) return EXIT.findings;
  }
  if (report.results.some((r) => r.status === "error")) return EXIT.incomplete;
  return EXIT.ok;
}
