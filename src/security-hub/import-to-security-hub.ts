/** `--security-hub`: imports a report's findings into each account's AWS Security Hub with BatchImportFindings, and resolves the ones it imported before that now pass. */

import { BatchImportFindingsCommand, GetFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from "@aws-sdk/client-securityhub";
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { ScanReport } from "../findings/types.js";
import { ASFF_GENERATOR_PREFIX, asffFindings, defaultProductArn, type AsffFinding } from "../report/asff.js";

type CredentialProvider = ReturnType<typeof fromNodeProviderChain>;

/** BatchImportFindings takes at most 100 findings per call. */
export const BATCH_IMPORT_MAX = 100;

export interface SecurityHubImportOptions {
  /** A role assumed in each account (its account id replaced by the finding's account); default: the base credentials for every account. */
  roleArn?: string;
  /** Base credentials (default: the default credential chain, with `profile`). */
  credentials?: CredentialProvider;
  profile?: string;
  /** A test endpoint (moto) for Security Hub and STS. */
  endpointUrl?: string;
  /** Region of findings about resources without one (default: the first scanned region). */
  securityHubRegion?: string;
  /** One line per account and region, e.g. for stderr. */
  log?: (line: string) => void;
}

export interface SecurityHubImportSummary {
  accountId: string;
  region: string;
  /** Findings sent (new or updated): the report's non-passing results. */
  imported: number;
  /** Previously imported findings re-imported as PASSED and ARCHIVED. */
  resolved: number;
  /** Why earlier findings were left as they are, when they were (e.g. the inventory is incomplete there). */
  resolutionSkipped?: string;
  failed: { id: string; code: string; message: string }[];
  /** A call that failed outright (access denied, Security Hub not enabled): nothing more was done here. */
  error?: string;
}

/** The finding fields wsaudit owns: a resolved finding is re-imported with these only (Security Hub's own fields stay its own). */
const OWN_FIELDS = ["SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "Types", "CreatedAt", "FirstObservedAt", "Severity", "Title", "Description", "Remediation", "Resources", "Compliance"] as const;

const roleArnForAccount = (roleArn: string, accountId: string): string => roleArn.replace(/^(arn:[^:]+:iam::)\d{12}(:)/, `$1${accountId}$2`);

function resolvedFinding(previous: AwsSecurityFinding, now: string): AwsSecurityFinding {
  const finding: Record<string, unknown> = {};
  for (const key of OWN_FIELDS) if (previous[key] !== undefined) finding[key] = previous[key];
  const productFields = Object.fromEntries(Object.entries(previous.ProductFields ?? {}).filter(([k]) => !k.startsWith("aws/")));
  return {
    ...(finding as unknown as AwsSecurityFinding),
    ProductFields: { ...productFields, "wsaudit/Status": "pass" },
    UpdatedAt: now,
    LastObservedAt: now,
    Compliance: { ...previous.Compliance, Status: "PASSED" },
    RecordState: "ARCHIVED",
  };
}

/** Every finding wsaudit imported into this account's default product in this region and has not archived. */
async function previousFindings(client: SecurityHubClient, productArn: string, accountId: string): Promise<AwsSecurityFinding[]> {
  const found: AwsSecurityFinding[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new GetFindingsCommand({
        Filters: {
          ProductArn: [{ Value: productArn, Comparison: "EQUALS" }],
          AwsAccountId: [{ Value: accountId, Comparison: "EQUALS" }],
          GeneratorId: [{ Value: ASFF_GENERATOR_PREFIX, Comparison: "PREFIX" }],
          RecordState: [{ Value: "ACTIVE", Comparison: "EQUALS" }],
        },
        MaxResults: 100,
        ...(token !== undefined ? { NextToken: token } : {}),
      }),
    );
    // The same filter again, on our side: a finding of another product or tool is never touched.
    for (const f of page.Findings ?? []) {
      if (f.ProductArn === productArn && f.AwsAccountId === accountId && f.GeneratorId?.startsWith(ASFF_GENERATOR_PREFIX) === true && f.RecordState !== "ARCHIVED") found.push(f);
    }
    token = page.NextToken || undefined;
  } while (token !== undefined);
  return found;
}

async function importBatches(client: SecurityHubClient, findings: readonly AwsSecurityFinding[], summary: SecurityHubImportSummary): Promise<void> {
  for (let i = 0; i < findings.length; i += BATCH_IMPORT_MAX) {
    const out = await client.send(new BatchImportFindingsCommand({ Findings: findings.slice(i, i + BATCH_IMPORT_MAX) }));
    for (const f of out.FailedFindings ?? []) summary.failed.push({ id: f.Id ?? "", code: f.ErrorCode ?? "", message: f.ErrorMessage ?? "" });
  }
}

/**
 * Imports, per account and region, the report's non-passing findings (fail, waived as SUPPRESSED, error as
 * NOT_AVAILABLE, manual as WARNING) with that account's credentials, at most 100 per call; the finding id is the
 * result's fingerprint, so a re-run updates instead of duplicating. A finding imported earlier and no longer listed is
 * resolved (PASSED, ARCHIVED) only where this run could have decided it: its policy ran, its account and region were
 * scanned, and no collection failed there. Never throws for an AWS error: it is in the summary.
 */
export async function importToSecurityHub(report: Readonly<ScanReport>, options: SecurityHubImportOptions = {}): Promise<SecurityHubImportSummary[]> {
  const asffOptions = options.securityHubRegion !== undefined ? { securityHubRegion: options.securityHubRegion } : {};
  const byUnit = new Map<string, AsffFinding[]>();
  const key = (account: string, region: string): string => `${account}|${region}`;
  const regions = report.inventory.scope.regions.filter((r) => /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/.test(r));
  // Every scanned account and region, also one without findings now: that is where earlier findings get resolved.
  for (const account of report.inventory.scope.accounts) for (const region of regions) byUnit.set(key(account, region), []);
  for (const finding of asffFindings(report, asffOptions)) {
    if (finding.Compliance.Status === "PASSED") continue;
    const k = key(finding.AwsAccountId, finding.Resources[0]?.Region ?? "");
    byUnit.set(k, [...(byUnit.get(k) ?? []), finding]);
  }
  const base = options.credentials ?? fromNodeProviderChain(options.profile !== undefined ? { profile: options.profile } : {});
  const endpoint = options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {};
  const policyIds = new Set(report.policies.map((p) => p.id));
  const credentialsByAccount = new Map<string, CredentialProvider>();
  const summaries: SecurityHubImportSummary[] = [];

  for (const [unit, findings] of [...byUnit].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [accountId = "", region = ""] = unit.split("|");
    let credentials = credentialsByAccount.get(accountId);
    if (credentials === undefined) {
      credentials =
        options.roleArn !== undefined
          ? fromTemporaryCredentials({ params: { RoleArn: roleArnForAccount(options.roleArn, accountId), RoleSessionName: "wsaudit-securityhub" }, masterCredentials: base, clientConfig: { region, ...endpoint } })
          : base;
      credentialsByAccount.set(accountId, credentials);
    }
    const summary: SecurityHubImportSummary = { accountId, region, imported: findings.length, resolved: 0, failed: [] };
    summaries.push(summary);
    // AWS_MAX_ATTEMPTS, when set, is honoured as the SDK does elsewhere; otherwise throttling gets ten attempts.
    const attempts = Number(process.env["AWS_MAX_ATTEMPTS"]);
    const client = new SecurityHubClient({ region, credentials, maxAttempts: Number.isInteger(attempts) && attempts > 0 ? attempts : 10, ...endpoint });
    try {
      const productArn = defaultProductArn(report.inventory.scope.partition || "aws", region, accountId);
      const previous = await previousFindings(client, productArn, accountId);
      const current = new Set(findings.map((f) => f.Id));
      const incomplete = report.inventory.errors.some((e) => e.accountId === accountId && (e.region === region || !regions.includes(e.region)));
      const gone = previous.filter((p) => p.Id !== undefined && !current.has(p.Id) && policyIds.has((p.GeneratorId ?? "").slice(ASFF_GENERATOR_PREFIX.length)));
      let resolved: AwsSecurityFinding[] = [];
      if (incomplete && gone.length > 0) summary.resolutionSkipped = `${gone.length} earlier finding(s) left open: the inventory is incomplete in this account and region`;
      else resolved = gone.map((p) => resolvedFinding(p, report.generatedAt));
      summary.resolved = resolved.length;
      await importBatches(client, [...(findings as AwsSecurityFinding[]), ...resolved], summary);
    } catch (error) {
      const e = error as { name?: string; message?: string };
      summary.error = `${e.name ?? "Error"}: ${(e.message ?? "").split("\n")[0] ?? ""}`;
    } finally {
      client.destroy();
    }
    options.log?.(
      `security-hub: ${accountId} ${region}: ` +
        (summary.error !== undefined
          ? `failed: ${summary.error}`
          : `${summary.imported} imported, ${summary.resolved} resolved, ${summary.failed.length} rejected${summary.resolutionSkipped !== undefined ? `; ${summary.resolutionSkipped}` : ""}`),
    );
  }
  return summaries;
}
