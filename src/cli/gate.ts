/** Maps a scan report to the exit code: unwaived findings at or above --fail-on (only new ones with --fail-on-new) first, then incomplete evaluation, else clean. */

import { SEVERITY_RANK, type ScanReport } from "../findings/types.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { FailOn } from "./options.js";

export function exitCodeFor(report: Readonly<ScanReport>, failOn: FailOn, onlyNew = false): ExitCode {
  if (failOn !== "none") {
    const threshold = SEVERITY_RANK[failOn];
    const gates = (r: ScanReport["results"][number]): boolean =>
      r.status === "fail" && SEVERITY_RANK[r.severity] >= threshold && (!onlyNew || r.baselineState === "new");
    if (report.results.some(gates)) return EXIT.findings;
  }
  if (report.results.some((r) => r.status === "error")) return EXIT.incomplete;
  return EXIT.ok;
}
