/** The CSV reporter: one RFC 4180 row per listed result, with cells that a spreadsheet would run as a formula neutralised. */

import type { PolicyMeta, Result } from "../findings/types.js";
import { sortResults } from "../findings/sort-results.js";
import { policyIndex } from "./shared/policy-index.js";
import type { Reporter } from "./types.js";

export const CSV_COLUMNS = [
  "policy_id",
  "title",
  "status",
  "severity",
  "account_id",
  "region",
  "resource_type",
  "resource_id",
  "directory_id",
  "message",
  "controls",
  "waiver_id",
  "waiver_expires",
  "baseline_state",
  "fingerprint",
] as const;

/**
 * A cell starting with = + - @ TAB or CR is a formula to Excel, LibreOffice and Google Sheets (OWASP "CSV Injection"):
 * a leading single quote makes it text. Then RFC 4180: a cell holding a comma, quote, CR or LF is quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(r: Result, policy: PolicyMeta | undefined): string[] {
  return [
    r.policyId,
    policy?.title ?? "",
    r.status,
    r.severity,
    r.accountId,
    r.region,
    r.resourceType,
    r.resourceId,
    r.directoryId ?? "",
    r.message,
    (policy?.controls ?? []).join(" "),
    r.waiver?.id ?? "",
    r.waiver?.expires ?? "",
    r.baselineState ?? "",
    r.fingerprint,
  ];
}

export const csvReporter: Reporter = (report, _options, sink) => {
  const policies = policyIndex(report.policies);
  // RFC 4180 ends every record, the last one too, with CRLF.
  sink.write(`${CSV_COLUMNS.join(",")}\r\n`);
  for (const r of sortResults(report.results)) sink.write(`${row(r, policies.get(r.policyId)).map(csvCell).join(",")}\r\n`);
};
