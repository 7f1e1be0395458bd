/** The ASFF reporter: AWS Security Finding Format findings (BatchImportFindings' `Findings`), one per listed result, as a JSON array written finding by finding. */

import type { PolicyMeta, Result, ScanReport, Severity, Status } from "../findings/types.js";
import { sortResults } from "../findings/sort-results.js";
import { policyIndex } from "./shared/policy-index.js";
import type { Reporter, ReportOptions } from "./types.js";

/** The only ASFF schema version there is. */
export const ASFF_SCHEMA_VERSION = "2018-10-08";
/** Every wsaudit finding's GeneratorId starts with this: it is how a later run finds the findings it imported. */
export const ASFF_GENERATOR_PREFIX = "wsaudit/";

/** The subset of the ASFF finding shape wsaudit writes (field names and limits from the ASFF syntax reference). */
export interface AsffFinding {
  SchemaVersion: string;
  Id: string;
  ProductArn: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  CreatedAt: string;
  UpdatedAt: string;
  FirstObservedAt: string;
  LastObservedAt: string;
  Severity: { Label: "INFORMATIONAL" | "LOW" | "MEDIUM" | "HIGH" | "CRITICAL"; Original: string };
  Title: string;
  Description: string;
  Remediation: { Recommendation: { Text: string; Url?: string } };
  ProductFields: Record<string, string>;
  Resources: { Type: string; Id: string; Partition: string; Region: string; Details?: { Other: Record<string, string> } }[];
  Compliance: { Status: "PASSED" | "WARNING" | "FAILED" | "NOT_AVAILABLE"; RelatedRequirements?: string[] };
  Workflow: { Status: "NEW" | "NOTIFIED" | "SUPPRESSED" | "RESOLVED" };
  RecordState: "ACTIVE" | "ARCHIVED";
  Region?: string;
  ProductName: string;
  CompanyName: string;
}

/** ASFF field limits (characters or entries) this writer keeps to; Security Hub rejects a finding that exceeds one. */
export const ASFF_LIMITS = { id: 512, generatorId: 512, title: 256, description: 1024, recommendationText: 512, url: 1024, types: 50, relatedRequirements: 32, productFields: 50, productFieldKey: 128, productFieldValue: 2048, resourceId: 512 } as const;

const SEVERITY_LABEL: Record<Severity, AsffFinding["Severity"]["Label"]> = { critical: "CRITICAL", high: "HIGH", medium: "MEDIUM", low: "LOW", info: "INFORMATIONAL" };

/** pass: resolved; error: could not be decided (NOT_AVAILABLE, never PASSED); manual: needs a human (WARNING); waived: a failure with an accepted exception. */
const COMPLIANCE_STATUS: Record<Exclude<Status, "not_applicable">, AsffFinding["Compliance"]["Status"]> = { fail: "FAILED", waived: "FAILED", error: "NOT_AVAILABLE", manual: "WARNING", pass: "PASSED" };

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

/** Cuts a string to `max` characters (code units, never splitting a surrogate pair), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** ASFF resource type and an ARN-shaped id for the resource types wsaudit reports on; anything else is "Other". */
function resource(r: Result, partition: string, region: string): AsffFinding["Resources"][number] {
  const type = r.resourceType.replace(/^workspaces\./, "");
  const arn = (service: string, path: string): string => `arn:${partition}:${service}:${region}:${r.accountId}:${path}/${r.resourceId}`;
  const known: Record<string, [string, () => string]> = {
    workspace: ["AwsWorkSpacesWorkspace", () => arn("workspaces", "workspace")],
    directory: ["Other", () => arn("workspaces", "directory")],
    ipGroup: ["Other", () => arn("workspaces", "workspaceipgroup")],
    bundle: ["Other", () => arn("workspaces", "workspacebundle")],
    image: ["Other", () => arn("workspaces", "workspaceimage")],
    securityGroup: ["AwsEc2SecurityGroup", () => arn("ec2", "security-group")],
    subnet: ["AwsEc2Subnet", () => arn("ec2", "subnet")],
    vpc: ["AwsEc2Vpc", () => arn("ec2", "vpc")],
    networkInterface: ["AwsEc2NetworkInterface", () => arn("ec2", "network-interface")],
    kmsKey: ["AwsKmsKey", () => arn("kms", "key")],
    trail: ["AwsCloudTrailTrail", () => arn("cloudtrail", "trail")],
    iamRole: ["AwsIamRole", () => `arn:${partition}:iam::${r.accountId}:role/${r.resourceId}`],
    accountRegion: ["AwsAccount", () => `AWS::::Account:${r.accountId}`],
  };
  const entry = known[type];
  const id = r.resourceId.startsWith("arn:") ? r.resourceId : entry !== undefined ? entry[1]() : r.resourceId;
  return { Type: entry?.[0] ?? "Other", Id: truncate(id, ASFF_LIMITS.resourceId), Partition: partition, Region: region, Details: { Other: { "wsaudit/ResourceType": truncate(r.resourceType, 2048), "wsaudit/ResourceId": truncate(r.resourceId, 2048) } } };
}

/** The account's default product: findings a customer imports for itself (`product/ACCOUNT/default`). */
export function defaultProductArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/** The region a result's finding lives in: its own, or `securityHubRegion` (default: the first scanned region) for global resources. */
export function findingRegion(r: Pick<Result, "region">, report: Readonly<ScanReport>, options: ReportOptions): string {
  if (REGION.test(r.region)) return r.region;
  return options.securityHubRegion ?? report.inventory.scope.regions.find((x) => REGION.test(x)) ?? "us-east-1";
}

/** The stable finding id: the result's fingerprint (policy, account, region, resource), so a re-run updates the same finding. */
export const asffFindingId = (r: Pick<Result, "fingerprint">): string => `wsaudit/${r.fingerprint}`;

export function asffFinding(r: Result, policy: PolicyMeta | undefined, report: Readonly<ScanReport>, options: ReportOptions): AsffFinding | undefined {
  if (r.status === "not_applicable") return undefined;
  const partition = report.inventory.scope.partition || "aws";
  const region = findingRegion(r, report, options);
  const at = report.generatedAt;
  const controls = policy?.controls ?? [];
  const productFields: Record<string, string> = {
    "wsaudit/PolicyId": r.policyId,
    "wsaudit/Status": r.status,
    "wsaudit/Fingerprint": r.fingerprint,
    "wsaudit/ToolVersion": report.tool.version,
  };
  if (policy !== undefined) productFields["wsaudit/Pack"] = policy.pack;
  if (r.directoryId !== null) productFields["wsaudit/DirectoryId"] = r.directoryId;
  if (r.waiver !== undefined) Object.assign(productFields, { "wsaudit/WaiverId": r.waiver.id, "wsaudit/WaiverOwner": r.waiver.owner, "wsaudit/WaiverExpires": r.waiver.expires, "wsaudit/WaiverJustification": r.waiver.justification });
  if (r.baselineState !== undefined) productFields["wsaudit/BaselineState"] = r.baselineState;
  const url = policy?.references.find((ref) => ref.url !== undefined)?.url;
  const finding: AsffFinding = {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: truncate(asffFindingId(r), ASFF_LIMITS.id),
    ProductArn: defaultProductArn(partition, region, r.accountId),
    GeneratorId: truncate(`${ASFF_GENERATOR_PREFIX}${r.policyId}`, ASFF_LIMITS.generatorId),
    AwsAccountId: r.accountId,
    Types: ["Software and Configuration Checks/Industry and Regulatory Standards/NIST 800-53 Controls"],
    CreatedAt: at,
    UpdatedAt: at,
    FirstObservedAt: at,
    LastObservedAt: at,
    Severity: { Label: SEVERITY_LABEL[r.severity], Original: r.severity },
    Title: truncate(`${r.policyId} ${policy?.title ?? ""}`.trim(), ASFF_LIMITS.title),
    Description: truncate(`${r.resourceId} (account ${r.accountId}, region ${r.region}): ${r.message}`, ASFF_LIMITS.description),
    Remediation: { Recommendation: { Text: truncate(policy?.remediation.trim() || "See the policy's references.", ASFF_LIMITS.recommendationText), ...(url !== undefined && url.length <= ASFF_LIMITS.url ? { Url: url } : {}) } },
    ProductFields: Object.fromEntries(Object.entries(productFields).map(([k, v]) => [truncate(k, ASFF_LIMITS.productFieldKey), truncate(v, ASFF_LIMITS.productFieldValue)])),
    Resources: [resource(r, partition, region)],
    Compliance: { Status: COMPLIANCE_STATUS[r.status] },
    Workflow: { Status: r.status === "waived" ? "SUPPRESSED" : r.status === "pass" ? "RESOLVED" : "NEW" },
    RecordState: r.status === "pass" ? "ARCHIVED" : "ACTIVE",
    Region: region,
    ProductName: "wsaudit",
    CompanyName: "wsaudit",
  };
  // Security Hub's own NIST controls are written "NIST.800-53.r5 AC-17(1)"; the frameworks mapping may add CIS and FSBP later.
  if (controls.length > 0) finding.Compliance.RelatedRequirements = controls.slice(0, ASFF_LIMITS.relatedRequirements).map((c) => `NIST.800-53.r5 ${c}`);
  return finding;
}

/** Every listed result's finding (not-applicable results are none), in the shared result order. */
export function* asffFindings(report: Readonly<ScanReport>, options: ReportOptions = {}): Generator<AsffFinding> {
  const policies = policyIndex(report.policies);
  for (const r of sortResults(report.results)) {
    const finding = asffFinding(r, policies.get(r.policyId), report, options);
    if (finding !== undefined) yield finding;
  }
}

export const asffReporter: Reporter = (report, options, sink) => {
  let first = true;
  sink.write("[");
  for (const finding of asffFindings(report, options)) {
    sink.write(`${first ? "\n" : ",\n"}${JSON.stringify(finding)}`);
    first = false;
  }
  sink.write(first ? "]\n" : "\n]\n");
};
