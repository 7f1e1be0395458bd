/** The OCSF reporter: one OCSF 1.3.0 Detection Finding (class 2004) per listed result, as a JSON array written record by record, for Security Lake and SIEMs. */

import type { PolicyMeta, Result, ScanReport, Severity, Status } from "../findings/types.js";
import { sortResults } from "../findings/sort-results.js";
import { policyIndex } from "./shared/policy-index.js";
import type { Reporter } from "./types.js";

/** The OCSF schema version the records follow (https://schema.ocsf.io/1.3.0/classes/detection_finding). */
export const OCSF_VERSION = "1.3.0";
export const OCSF_DETECTION_FINDING = { class_uid: 2004, class_name: "Detection Finding", category_uid: 2, category_name: "Findings" } as const;

const SEVERITY: Record<Severity, [number, string]> = { info: [1, "Informational"], low: [2, "Low"], medium: [3, "Medium"], high: [4, "High"], critical: [5, "Critical"] };

/** Finding status_id: 1 New, 3 Suppressed (waived), 4 Resolved (pass); error and manual are 99 Other, named in `status`. */
const STATUS: Record<Exclude<Status, "not_applicable">, [number, string]> = { fail: [1, "New"], waived: [3, "Suppressed"], pass: [4, "Resolved"], error: [99, "Undecided"], manual: [99, "Manual"] };

export interface OcsfDetectionFinding {
  activity_id: 1;
  activity_name: "Create";
  category_uid: 2;
  category_name: "Findings";
  class_uid: 2004;
  class_name: "Detection Finding";
  type_uid: 200401;
  type_name: "Detection Finding: Create";
  time: number;
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  status_detail?: string;
  message: string;
  finding_info: { uid: string; title: string; desc: string; created_time: number; types: string[]; analytic: { uid: string; name: string; type_id: 1; type: "Rule" } };
  metadata: { version: string; profiles: string[]; product: { name: string; vendor_name: string; version: string }; log_name: string };
  cloud: { provider: "AWS"; region: string; account: { uid: string; type_id: 10; type: "AWS Account" } };
  resources: { uid: string; type: string; region: string; cloud_partition: string; group?: { uid: string; type: string } }[];
  remediation: { desc: string; references?: string[] };
  unmapped: Record<string, unknown>;
}

export function ocsfFinding(r: Result, policy: PolicyMeta | undefined, report: Readonly<ScanReport>): OcsfDetectionFinding | undefined {
  if (r.status === "not_applicable") return undefined;
  const time = Date.parse(report.generatedAt);
  const [severityId, severity] = SEVERITY[r.severity];
  const [statusId, status] = STATUS[r.status];
  const references = (policy?.references ?? []).flatMap((ref) => (ref.url !== undefined ? [ref.url] : []));
  const record: OcsfDetectionFinding = {
    activity_id: 1,
    activity_name: "Create",
    category_uid: 2,
    category_name: "Findings",
    class_uid: 2004,
    class_name: "Detection Finding",
    type_uid: 200401,
    type_name: "Detection Finding: Create",
    time,
    severity_id: severityId,
    severity,
    status_id: statusId,
    status,
    message: r.message,
    finding_info: {
      uid: r.fingerprint,
      title: policy?.title ?? r.policyId,
      desc: `${r.resourceId} (account ${r.accountId}, region ${r.region}): ${r.message}`,
      created_time: time,
      types: ["Compliance"],
      analytic: { uid: r.policyId, name: policy?.name ?? r.policyId, type_id: 1, type: "Rule" },
    },
    metadata: { version: OCSF_VERSION, profiles: ["cloud"], product: { name: report.tool.name, vendor_name: report.tool.name, version: report.tool.version }, log_name: "wsaudit" },
    cloud: { provider: "AWS", region: r.region, account: { uid: r.accountId, type_id: 10, type: "AWS Account" } },
    resources: [{ uid: r.resourceId, type: r.resourceType, region: r.region, cloud_partition: report.inventory.scope.partition, ...(r.directoryId !== null ? { group: { uid: r.directoryId, type: "directory" } } : {}) }],
    remediation: { desc: policy?.remediation.trim() || "See the policy's references.", ...(references.length > 0 ? { references } : {}) },
    // What OCSF has no attribute for: the result status, the NIST SP 800-53 Rev. 5 controls and governance.
    unmapped: {
      wsaudit_status: r.status,
      policy_id: r.policyId,
      pack: policy?.pack ?? null,
      controls: policy?.controls ?? [],
      ...(r.waiver !== undefined ? { waiver: r.waiver } : {}),
      ...(r.baselineState !== undefined ? { baseline_state: r.baselineState } : {}),
    },
  };
  if (r.status === "error") record.status_detail = "wsaudit could not decide this result (data not collected, or an expression failed); it is not a pass.";
  if (r.status === "manual") record.status_detail = "A control no API can show: it needs an attestation.";
  if (r.status === "waived" && r.waiver !== undefined) record.status_detail = `Waived by ${r.waiver.id} (${r.waiver.owner}) until ${r.waiver.expires}: ${r.waiver.justification}`;
  return record;
}

export const ocsfReporter: Reporter = (report, _options, sink) => {
  const policies = policyIndex(report.policies);
  let first = true;
  sink.write("[");
  for (const r of sortResults(report.results)) {
    const record = ocsfFinding(r, policies.get(r.policyId), report);
    if (record === undefined) continue;
    sink.write(`${first ? "\n" : ",\n"}${JSON.stringify(record)}`);
    first = false;
  }
  sink.write(first ? "]\n" : "\n]\n");
};
