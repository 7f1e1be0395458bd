/** Result, policy metadata and scan-report types shared by the evaluator and the reporters (neither imports the other). */

import type { CollectionError, InventoryScope } from "../inventory/model.js";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe; used for `--fail-on` and sorting. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/**
 * pass / fail: the assertion decided. error: it could not decide (missing data, a failing expression).
 * not_applicable: `match` was false. manual and waived are produced by attestations and waivers.
 */
export const STATUSES = ["fail", "error", "manual", "waived", "pass", "not_applicable"] as const;
export type Status = (typeof STATUSES)[number];

export interface Result {
  policyId: string;
  status: Status;
  severity: Severity;
  resourceType: string;
  resourceId: string;
  accountId: string;
  region: string;
  /** The directory the resource belongs to, when it has one (for grouping in reports). */
  directoryId: string | null;
  message: string;
  /**
   * The inventory values that decided the result, by CEL path (e.g. "resource.rootVolumeEncrypted"). Kept for
   * non-passing results only: a pass or not-applicable result carries none.
   */
  evidence?: Record<string, unknown>;
  /** Stable identity of the finding across runs: policy, account, region, resource. */
  fingerprint: string;
  /** The waiver that turned a failure into `waived`. */
  waiver?: WaiverRef;
  /** The attestation that decided a manual control. */
  attestation?: AttestationRef;
  /** Against `--baseline`: whether a failing result is new or was already failing. */
  baselineState?: "new" | "unchanged";
}

export interface WaiverRef {
  id: string;
  justification: string;
  owner: string;
  expires: string;
}

export interface AttestationRef {
  id: string;
  attestedBy: string;
  attestedAt: string;
  evidence: string;
  expires: string;
}

/** What happened to each waiver or attestation in this run. */
export interface GovernanceEntry {
  id: string;
  policy: string;
  owner: string;
  expires: string;
  /** applied: matched at least one result; expired: past its date, not applied; unused: current but matched nothing. */
  state: "applied" | "expired" | "unused";
  matched: number;
}

/** A finding failing in the baseline run and no longer failing now. */
export interface FixedFinding {
  policyId: string;
  resourceId: string;
  accountId: string;
  region: string;
  severity: Severity;
  fingerprint: string;
  message: string;
}

/** A finding failing in the baseline run that this run could not decide (collection error, expression error): never "fixed". */
export interface UnknownFinding extends FixedFinding {
  /** Why this run could not decide it, e.g. the collection error that hid the resource. */
  reason: string;
}

export interface BaselineSummary {
  file: string;
  new: number;
  unchanged: number;
  fixed: FixedFinding[];
  unknown: UnknownFinding[];
}

export interface Governance {
  waivers: GovernanceEntry[];
  attestations: GovernanceEntry[];
  baseline?: BaselineSummary;
}

export interface PolicyReference {
  title: string;
  url?: string;
  document?: string;
  section?: string;
}

/** What the reporters need to know about a policy that ran. */
export interface PolicyMeta {
  id: string;
  name: string;
  title: string;
  description: string;
  severity: Severity;
  resource: string;
  remediation: string;
  references: PolicyReference[];
  controls: string[];
  pack: string;
  /** Where the policy is defined, relative to the working directory, and the line of its `id`. */
  source: { file: string; line: number };
}

export interface InventorySummary {
  sources: string[];
  collectedAt: string;
  scope: InventoryScope;
  errors: CollectionError[];
  counts: Record<string, number>;
}

export interface ResultSummary {
  total: number;
  byStatus: Record<Status, number>;
  /** Failing results by severity. */
  failBySeverity: Record<Severity, number>;
}

/** Results of one policy in one account and region, counted by status (every result, listed or not). */
export interface ResultTally {
  policyId: string;
  accountId: string;
  region: string;
  counts: Record<Status, number>;
}

/** Everything a reporter may read; reporters never reach for the clock, the file system or the inventory. */
export interface ScanReport {
  tool: { name: string; version: string };
  generatedAt: string;
  inventory: InventorySummary;
  policies: PolicyMeta[];
  /**
   * The listed results: every non-passing one (fail, error, manual, waived); pass and not_applicable results only
   * when `includesPassed` (`--include-passed`), and then without evidence.
   */
  results: Result[];
  /** Whether pass and not_applicable results are listed in `results` (otherwise they are only counted in `tallies`). */
  includesPassed: boolean;
  /** Every result counted per policy, account and region, sorted by policy, account, region. */
  tallies: ResultTally[];
  /** Totals over every result, listed or not. */
  summary: ResultSummary;
  /** One view per selected framework (NIST 800-53 Rev. 5, a FedRAMP baseline, CIS AWS EUC, AWS FSBP...); may be empty. */
  compliance: ComplianceView[];
  /** Waivers, attestations and baseline comparison, when any was given. */
  governance?: Governance;
}

/** Combined status of a framework control: the worst of its policies' results; `not_assessed` when no automated policy maps to it. */
export type ControlStatus = "fail" | "error" | "manual" | "pass" | "not_applicable" | "not_assessed";

export interface ComplianceControl {
  id: string;
  title: string;
  /** The control family or benchmark section, e.g. "Access Control", when the framework file gives one. */
  family?: string;
  /** FedRAMP Rev. 5 baselines that select the control (LOW, MODERATE, HIGH). */
  baselines: string[];
  status: ControlStatus;
  /** Ids of the policies that give evidence for the control. */
  policies: string[];
  counts: Record<Status, number>;
  /** The framework file's caveat for the control (why it is manual, not assessed, or in conflict with another framework). */
  note?: string;
}

/** The compliance view for one framework selection, e.g. NIST 800-53 Rev. 5 limited to the FedRAMP Moderate baseline. */
export interface ComplianceView {
  /** The framework's id, e.g. "nist-800-53-r5". */
  framework: string;
  /** A readable name, e.g. "NIST SP 800-53 Rev. 5". */
  title: string;
  /** For NIST 800-53: the FedRAMP Rev. 5 baseline the view is limited to, or null for the controls the policies map to. */
  baseline: "LOW" | "MODERATE" | "HIGH" | null;
  controls: ComplianceControl[];
}
