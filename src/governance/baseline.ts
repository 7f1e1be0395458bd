/** Baselines: compares failing results with a previous run's JSON report by fingerprint, marking each new or unchanged and listing what got fixed or could not be decided. */

import { readFileSync } from "node:fs";
import { InputError } from "../input-error.js";
import { compareStrings, firstDifference } from "../findings/sort-results.js";
import { SEVERITIES, type BaselineSummary, type FixedFinding, type Result, type Status, type UnknownFinding } from "../findings/types.js";

export interface PreviousResult {
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

const STRING_FIELDS = ["fingerprint", "status", "policyId", "resourceId", "accountId", "region", "severity", "message"] as const;

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
    // A number where a string belongs would otherwise reach the reports (and crash a reporter) far from its cause.
    for (const field of STRING_FIELDS) {
      const value = (r as Record<string, unknown>)[field];
      if (typeof value !== "string") throw new InputError(file, `/results/${i}/${field}`, `expected a string, found ${value === null ? "null" : Array.isArray(value) ? "array" : typeof value}`);
    }
  });
  return results as PreviousResult[];
}

/** What this run looked at: a finding outside it (a skipped policy, another account) is not "fixed", just not evaluated. */
export interface BaselineCoverage {
  policyIds: string[];
  accounts: string[];
  regions: string[];
}

/**
 * Why this run could not decide a previous finding that produced no result: e.g. its policy's collections were not
 * collected in that account and region. Undefined: the collections are there, so the resource is gone.
 */
export type UndecidedScope = (previous: PreviousResult) => string | undefined;

/**
 * Follows the previous run's failing findings through this run. Memory grows with the baseline's failures only: the
 * passes of this run are observed as they are counted and never kept.
 */
export class BaselineTracker {
  /** policy → resource id → previous failing findings (account and region told apart on lookup). */
  private readonly watched = new Map<string, Map<string, PreviousResult[]>>();
  private readonly seen = new Map<PreviousResult, { status: Status; message: string }>();
  private readonly before: Map<string, PreviousResult>;

  constructor(
    previous: readonly PreviousResult[],
    private readonly file: string,
    coverage: BaselineCoverage,
  ) {
    const policies = new Set(coverage.policyIds);
    const accounts = new Set(coverage.accounts);
    const regions = new Set(coverage.regions);
    const covered = (r: PreviousResult): boolean => policies.has(r.policyId) && accounts.has(r.accountId) && regions.has(r.region);
    this.before = new Map(previous.filter((r) => FAILING.has(r.status) && covered(r)).map((r) => [r.fingerprint, r]));
    for (const r of this.before.values()) {
      let byResource = this.watched.get(r.policyId);
      if (byResource === undefined) {
        byResource = new Map<string, PreviousResult[]>();
        this.watched.set(r.policyId, byResource);
      }
      byResource.set(r.resourceId, [...(byResource.get(r.resourceId) ?? []), r]);
    }
  }

  /** Whether any previous failure of this policy is followed (lets a hot loop skip the lookup). */
  watches(policyId: string): boolean {
    return this.watched.has(policyId);
  }

  observe(policyId: string, accountId: string, region: string, resourceId: string, status: Status, message = ""): void {
    const candidates = this.watched.get(policyId)?.get(resourceId);
    if (candidates === undefined) return;
    for (const r of candidates) if (r.accountId === accountId && r.region === region) this.seen.set(r, { status, message });
  }

  /** Marks the listed results new or unchanged and sorts every other previous failure into fixed or unknown. */
  finish(results: readonly Result[], undecided: UndecidedScope): { results: Result[]; summary: BaselineSummary } {
    const nowFailing = new Set<string>();
    let fresh = 0;
    let unchanged = 0;
    const out = results.map((r) => {
      this.observe(r.policyId, r.accountId, r.region, r.resourceId, r.status, r.message);
      if (!FAILING.has(r.status)) return r;
      nowFailing.add(r.fingerprint);
      const state = this.before.has(r.fingerprint) ? ("unchanged" as const) : ("new" as const);
      if (state === "new") fresh++;
      else unchanged++;
      return { ...r, baselineState: state };
    });
    const fixed: FixedFinding[] = [];
    const unknown: UnknownFinding[] = [];
    for (const r of this.before.values()) {
      if (nowFailing.has(r.fingerprint)) continue;
      const seen = this.seen.get(r);
      let reason: string | undefined;
      if (seen === undefined) reason = undecided(r);
      else if (seen.status === "error") reason = seen.message;
      else if (seen.status === "manual") reason = "a manual control without a current attestation";
      if (reason === undefined) fixed.push(finding(r));
      else unknown.push({ ...finding(r), reason });
    }
    const order = (a: FixedFinding, b: FixedFinding): number => firstDifference(compareStrings(a.policyId, b.policyId), compareStrings(a.resourceId, b.resourceId));
    return { results: out, summary: { file: this.file, new: fresh, unchanged, fixed: fixed.sort(order), unknown: unknown.sort(order) } };
  }
}

function finding(r: PreviousResult): FixedFinding {
  return {
    policyId: r.policyId,
    resourceId: r.resourceId,
    accountId: r.accountId,
    region: r.region,
    severity: (SEVERITIES as readonly string[]).includes(r.severity) ? (r.severity as FixedFinding["severity"]) : "info",
    fingerprint: r.fingerprint,
    message: r.message,
  };
}

/** Every result of this run at once (passes included): for small runs and tests. */
export function compareWithBaseline(
  results: Result[],
  previous: PreviousResult[],
  file: string,
  coverage: BaselineCoverage,
  undecided: UndecidedScope = () => undefined,
): { results: Result[]; summary: BaselineSummary } {
  return new BaselineTracker(previous, file, coverage).finish(results, undecided);
}
