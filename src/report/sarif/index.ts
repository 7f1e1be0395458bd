/** The SARIF 2.1.0 reporter, shaped for GitHub code scanning: rules per policy, one result per failing (or waived) resource. */

import { deflateRawSync } from "node:zlib";
import type { Log, Result as SarifResult, Run, Suppression } from "sarif";
import type { PolicyMeta, Result, ScanReport } from "../../findings/types.js";
import type { Reporter, ReportOptions } from "../types.js";
import { sortResults } from "../../findings/sort-results.js";
import { policyIndex, sortPolicies } from "../shared/policy-index.js";
import { sortFixedFindings } from "../shared/sort-governance.js";
import { physicalLocation } from "./location.js";
import { collectionErrorNotifications, droppedNotification, evaluationErrorNotifications, governanceNotifications } from "./notifications.js";
import { buildRule } from "./rules.js";
import { SARIF_LEVEL } from "./security-severity.js";
import { writeJson } from "../shared/write-json.js";
import type { ReportSink } from "../types.js";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** GitHub code scanning limits: results per run, and the gzip-compressed size of the uploaded file. */
export const GITHUB_MAX_RESULTS = 25_000;
export const GITHUB_MAX_GZIP_BYTES = 10 * 1024 * 1024;
/** Key of our own fingerprint; the version lets the scheme change without colliding with old alerts. */
export const FINGERPRINT_KEY = "wsaudit/v1";

/** `wsaudit/<category>/`: the text before the last slash is GitHub's category, so each account keeps its own alerts. */
export function automationId(report: Readonly<ScanReport>, options: ReportOptions): string {
  const accounts = [...report.inventory.scope.accounts].sort().join("+");
  const category = options.sarifCategory ?? (accounts !== "" ? accounts : "all");
  return `wsaudit/${category.replace(/\/+$/, "")}/`;
}

/** A waived result is an accepted, externally recorded exception (the waivers file), with the waiver's justification. */
function suppression(r: Result): Suppression {
  const w = r.waiver;
  if (w === undefined) return { kind: "external", status: "accepted" };
  return { kind: "external", status: "accepted", justification: w.justification, properties: { waiverId: w.id, owner: w.owner, expires: w.expires } };
}

function sarifResult(r: Result, policy: PolicyMeta | undefined, index: number, report: Readonly<ScanReport>, options: ReportOptions): SarifResult {
  const where = `${r.resourceType} ${r.resourceId} in account ${r.accountId}, region ${r.region}`;
  // GitHub shows only the first sentence when space is short, so the resource comes first.
  const text = `${r.resourceId} (account ${r.accountId}, region ${r.region}): ${r.message}`;
  return {
    ruleId: r.policyId,
    ruleIndex: index,
    level: SARIF_LEVEL[r.severity],
    message: { text },
    locations: [
      {
        physicalLocation: physicalLocation(policy, r.policyId, options.sarifLocation ?? "policy", report.inventory.sources[0]),
        message: { text: where },
        logicalLocations: [
          { name: r.resourceId, fullyQualifiedName: `${r.accountId}/${r.region}/${r.resourceType}/${r.resourceId}`, kind: "resource" },
        ],
      },
    ],
    // The same value under both keys: see docs/github-code-scanning.md ("Fingerprints") for why the line hash is ours.
    partialFingerprints: { [FINGERPRINT_KEY]: r.fingerprint, primaryLocationLineHash: r.fingerprint },
    ...(r.status === "waived" ? { suppressions: [suppression(r)] } : {}),
    ...(r.baselineState !== undefined ? { baselineState: r.baselineState } : {}),
    properties: {
      severity: r.severity,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      accountId: r.accountId,
      region: r.region,
      directoryId: r.directoryId,
      evidence: r.evidence,
      ...(r.waiver !== undefined ? { waiver: r.waiver } : {}),
      ...(r.attestation !== undefined ? { attestation: r.attestation } : {}),
    },
  };
}

/** Baseline figures for the run's property bag; fixed findings are not results (see docs/github-code-scanning.md). */
function baselineProperties(report: Readonly<ScanReport>): Record<string, unknown> {
  const b = report.governance?.baseline;
  if (b === undefined) return {};
  return { baseline: { file: b.file, new: b.new, unchanged: b.unchanged, fixed: b.fixed.length, fixedFingerprints: sortFixedFindings(b.fixed).map((f) => f.fingerprint) } };
}

/**
 * `emitted` is the failing results, most severe first, then the waived ones: cutting its tail drops waived results
 * before any failure, and failures lowest severity first.
 */
function buildLog(report: Readonly<ScanReport>, options: ReportOptions, emitted: readonly Result[], kept: number, limits: [number, number]): Log {
  const policies = sortPolicies(report.policies);
  const byId = policyIndex(policies);
  const ruleIndex = new Map(policies.map((p, i) => [p.id, i]));
  // A failing result whose policy metadata is missing still gets a rule, or GitHub could not index it.
  const orphanIds = [...new Set(emitted.map((r) => r.policyId).filter((id) => !ruleIndex.has(id)))].sort();
  for (const id of orphanIds) ruleIndex.set(id, ruleIndex.size);
  const rules = [
    ...policies.map((p) => buildRule(p, report.compliance)),
    ...orphanIds.map((id) => ({ id, shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id } })),
  ];
  const undecided = sortResults(report.results).filter((r) => r.status === "error");
  const notifications = [
    ...collectionErrorNotifications(report.inventory.errors),
    ...evaluationErrorNotifications(undecided, ruleIndex),
    ...governanceNotifications(report.governance),
    ...droppedNotification(emitted.length - kept, kept, limits[0], limits[1]),
  ];
  const run: Run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        ...(/^\d+\.\d+\.\d+/.test(report.tool.version) ? { semanticVersion: report.tool.version } : {}),
        rules,
      },
    },
    automationDetails: { id: automationId(report, options) },
    invocations: [
      {
        executionSuccessful: report.inventory.errors.length === 0 && undecided.length === 0,
        endTimeUtc: report.generatedAt,
        toolExecutionNotifications: notifications,
      },
    ],
    columnKind: "utf16CodeUnits",
    results: emitted.slice(0, kept).map((r) => sarifResult(r, byId.get(r.policyId), ruleIndex.get(r.policyId) ?? 0, report, options)),
    properties: {
      resultsFailing: emitted.filter((r) => r.status === "fail").length,
      resultsWaived: report.results.filter((r) => r.status === "waived").length,
      resultsEmitted: kept,
      resultsDropped: emitted.length - kept,
      resultsUndecided: undecided.length,
      collectionErrors: report.inventory.errors.length,
      inventorySources: report.inventory.sources,
      accounts: report.inventory.scope.accounts,
      regions: report.inventory.scope.regions,
      ...baselineProperties(report),
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

/** Writes the log as JSON.stringify(log, null, 2) would, one result at a time (root, runs, run and results streamed). */
function writeLog(log: Log, sink: ReportSink): void {
  writeJson(sink, log, 0, 2);
  sink.write("\n");
}

/** Gzip bytes: counted in 1 MB deflate batches as the text streams by (never the whole log in memory); slightly over the true size, never under. */
class GzipCounter implements ReportSink {
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 18; // gzip header and trailer

  write(chunk: string): void {
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= 1 << 20) this.flush();
  }

  flush(): number {
    if (this.pendingLength > 0) this.bytes += deflateRawSync(Buffer.from(this.pending.join(""), "utf8")).length;
    this.pending = [];
    this.pendingLength = 0;
    return this.bytes;
  }
}

function gzipSize(log: Log): number {
  const counter = new GzipCounter();
  writeLog(log, counter);
  return counter.flush();
}

/** What the SARIF file leaves out to stay within GitHub's limits: the CLI says it on stderr and in the text summary. */
export interface SarifOmission {
  dropped: number;
  kept: number;
  maxResults: number;
  maxGzipBytes: number;
}

function plan(report: Readonly<ScanReport>, options: ReportOptions): { log: Log; omission: SarifOmission } {
  const maxResults = options.sarifMaxResults ?? GITHUB_MAX_RESULTS;
  const maxGzip = options.sarifMaxGzipBytes ?? GITHUB_MAX_GZIP_BYTES;
  // Sorted most severe first, waived last, so keeping a prefix drops waived results and then the lowest severities.
  const sorted = sortResults(report.results);
  const waived = options.sarifWaived === "omit" ? [] : sorted.filter((r) => r.status === "waived");
  const emitted = [...sorted.filter((r) => r.status === "fail"), ...waived];
  let kept = Math.min(emitted.length, maxResults);
  let log = buildLog(report, options, emitted, kept, [maxResults, maxGzip]);
  // Shrink in proportion to the overshoot until the compressed file fits; each pass drops at least one result.
  for (let size = gzipSize(log); size > maxGzip && kept > 0; size = gzipSize(log)) {
    kept = Math.max(0, Math.min(kept - 1, Math.floor((kept * maxGzip * 0.95) / size)));
    log = buildLog(report, options, emitted, kept, [maxResults, maxGzip]);
  }
  return { log, omission: { dropped: emitted.length - kept, kept, maxResults, maxGzipBytes: maxGzip } };
}

/** How many results the SARIF file would leave out, and its limits (computed as the reporter computes it). */
export function sarifOmission(report: Readonly<ScanReport>, options: ReportOptions): SarifOmission {
  return plan(report, options).omission;
}

export const sarifReporter: Reporter = (report, options, sink) => {
  writeLog(plan(report, options).log, sink);
};
