/** Writes one SARIF file per account of a scan report, each with the category `wsaudit/<account>/`, for the GitHub Action's code scanning upload. */

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { reportForAccount } from "../findings/report-for-account.js";
import type { ScanReport } from "../findings/types.js";
import { writeReport } from "../api/write-report.js";
import type { ReportOptions } from "../report/index.js";

/**
 * Every account in the inventory's scope gets a file, also one without findings: uploading it is what closes the
 * alerts of that account's fixed findings. Returns the files written, in account order.
 */
export function writeSarifPerAccount(report: Readonly<ScanReport>, outDir: string, options: ReportOptions = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  const accounts = [...new Set([...report.inventory.scope.accounts, ...report.results.map((r) => r.accountId)])].sort();
  return accounts.map((account) => writeReport(reportForAccount(report, account), "sarif", join(outDir, `wsaudit-${account}.sarif`), { ...options, sarifCategory: account }));
}
