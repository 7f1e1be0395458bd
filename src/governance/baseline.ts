/** Baselines: compares failing results with a previous run's JSON report by fingerprint, marking each new or unchanged and listing what got fixed. */

import { readFileSync } from "node:fs";
import { InputError } from "../input-error.js";
import { compareStrings, firstDifference } from "../findings/sort-results.js";
import { SEVERITIES, type BaselineSummary, type FixedFinding, type Result } from "../findings/types.js";

interface PreviousResult {
  fingerprint: string;
  status: string;
  policyId: string;
  resourceId: string;
  accountId: string;
  region: string;
  severity: string;
  message: string;
}

/** Results that count as failing in a baseline: a waived failure is still a failure that may come back. */
const FAILING = new Set(["fail", "waived"]);

export function loadBaseline(file: string): PreviousResult[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, "", code !== undefined ? `cannot read baseline: ${code}` : `malformed JSON: ${(error as Error).message.split("\n")[0] ?? ""}`);
  }
  const results = (data as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) throw new InputError(file, "/results", "not a wsaudit JSON report (use the wsaudit.json of a previous run)");
  results.forEach((r: unknown, i) => {
    const ok = typeof r === "object" && r !== null && typeof (r as PreviousResult).fingerprint === "string" && typeof (r as PreviousResult).status === "string";
    if (!ok) throw new InputError(file, `/results/${i}`, "result without a fingerprint and status");
  });
  return results as PreviousResult[];
}

/** What this run looked at: a finding outside it (a skipped policy, another account) is not "fixed", just not evaluated. */
export interface BaselineCoverage {
  policyIds: string[];
  accounts: string[];
  regions: string[];
}

export function compareWithBaseline(results: Result[], previous: PreviousResult[], file: string, coverage: BaselineCoverage): { results: Result[]; summary: BaselineSummary } {
  const policies = new Set(coverage.policyIds);
  const accounts = new Set(coverage.accounts);
  const regions = new Set(coverage.regions);
  const covered = (r: PreviousResult): boolean => policies.has(r.policyId) && accounts.has(r.accountId) && regions.has(r.region);
  const before = new Map(previous.filter((r) => FAILING.has(r.status) && covered(r)).map((r) => [r.fingerprint, r]));
  const nowFailing = new Set<string>();
  let fresh = 0;
  let unchanged = 0;
  const out = results.map((r) => {
    if (!FAILING.has(r.status)) return r;
    nowFailing.add(r.fingerprint);
    const state = before.has(r.fingerprint) ? ("unchanged" as const) : ("new" as const);
    if (state === "new") fresh++;
    else unchanged++;
    return { ...r, baselineState: state };
  });
  const fixed: FixedFinding[] = [...before.values()]
    .filter((r) => !nowFailing.has(r.fingerprint))
    .map((r) => ({
      policyId: r.policyId,
      resourceId: r.resourceId,
      accountId: r.accountId,
      region: r.region,
      severity: (SEVERITIES as readonly string[]).includes(r.severity) ? (r.severity as FixedFinding["severity"]) : "info",
      fingerprint: r.fingerprint,
      message: r.message,
    }))
    .sort((a, b) => firstDifference(compareStrings(a.policyId, b.policyId), compareStrings(a.resourceId, b.resourceId)));
  return { results: out, summary: { file, new: fresh, unchanged, fixed, unknown: [] } };
}
