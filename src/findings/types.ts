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
  /** The inventory values the policy's expressions read, by CEL path (e.g. "resource.rootVolumeEncrypted"). */
  evidence: Record<string, unknown>;
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

export interface BaselineSummary {
  file: string;
  new: number;
  unchanged: number;
  fixed: FixedFinding[];
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

/** Everything a reporter may read; reporters never reach for the clock, the file system or the inventory. */
export interface ScanReport {
  tool: { name: string; version: string };
  generatedAt: string;
  inventory: InventorySummary;
  policies: PolicyMeta[];
  results: Result[];
  summary: ResultSummary;
  /** Present when a framework view was requested (or always for the NIST view once packs map controls). */
  compliance?: ComplianceView;
  /** Waivers, attestations and baseline comparison, when any was given. */
  governance?: Governance;
}

/** Combined status of a framework control: the worst of its policies' results; `not_assessed` when no automated policy maps to it. */
export type ControlStatus = "fail" | "error" | "manual" | "pass" | "not_applicable" | "not_assessed";

export interface ComplianceControl {
  id: string;
  title: string;
  /** FedRAMP Rev. 5 baselines that select the control (LOW, MODERATE, HIGH). */
  baselines: string[];
  status: ControlStatus;
  /** Ids of the policies that give evidence for the control. */
  policies: string[];
  counts: Record<Status, number>;
}

/** The compliance view for one framework selection, e.g. NIST 800-53 Rev. 5 limited to the FedRAMP Moderate baseline. */
export interface ComplianceView {
  framework: "nist-800-53-r5";
  baseline: "LOW" | "MODERATE" | "HIGH" | null;
  controls: ComplianceControl[];
}
