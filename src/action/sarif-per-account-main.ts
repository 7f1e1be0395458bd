/** Action helper: `node sarif-per-account-main.js REPORT.json OUT-DIR [policy|inventory] [suppressed|omit]` splits a wsaudit.json report into SARIF files per account. */

import { readFileSync } from "node:fs";
import type { ScanReport } from "../findings/types.js";
import type { SarifLocationMode, SarifWaivedMode } from "../report/index.js";
import { writeSarifPerAccount } from "./write-sarif-per-account.js";

const [reportFile, outDir, location = "policy", waived = "suppressed"] = process.argv.slice(2);
if (reportFile === undefined || outDir === undefined) {
  process.stderr.write("usage: sarif-per-account-main.js REPORT.json OUT-DIR [policy|inventory] [suppressed|omit]\n");
  process.exit(2);
}
// The JSON report is the ScanReport plus `formatVersion`, which the SARIF reporter does not read.
const report = JSON.parse(readFileSync(reportFile, "utf8")) as ScanReport;
const files = writeSarifPerAccount(report, outDir, { sarifLocation: location as SarifLocationMode, sarifWaived: waived as SarifWaivedMode });
for (const file of files) process.stdout.write(`${file}\n`);
