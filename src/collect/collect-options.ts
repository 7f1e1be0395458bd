/** Options of `collectInventory`, their defaults, and the validation that turns bad ones into an InputError (exit code 2). */

import { InputError } from "../input-error.js";
import type { CollectionError } from "../inventory/model.js";
import { FIPS_WORKSPACES_REGIONS, type CredentialProvider } from "./aws/clients.js";
import { DEFAULT_MAX_PAGES } from "./aws/guard-pagination.js";
import { DEFAULT_WORKSPACES_RATE_LIMIT, type RateLimit } from "./aws/token-bucket.js";
import { REGION_PATTERN, WORKSPACES_REGIONS } from "./regions.js";

export interface CollectOptions {
  /** Regions to collect; with `allRegions`, the shipped WorkSpaces region list of the commercial partition is used instead. */
  regions?: string[];
  allRegions?: boolean;
  /** A named profile for the default credential chain. */
  profile?: string;
  /** A role to assume; with `accounts`, its account id is replaced by each member account's. */
  roleArn?: string;
  accounts?: string[];
  /** The external id the role's trust policy requires (sts:ExternalId), sent with every AssumeRole. */
  externalId?: string;
  /** A test endpoint (moto, a fake) used for every service. */
  endpointUrl?: string;
  /** Use FIPS endpoints; only regions that have a FIPS WorkSpaces endpoint are accepted. */
  fips?: boolean;
  /** The WorkSpaces API limit per account and region (default 2 calls/s, burst 5). */
  rateLimit?: RateLimit;
  /** Account-region pairs collected at once (default 4). */
  concurrency?: number;
  /** SDK attempts per call, throttling retries included (default 10). */
  maxAttempts?: number;
  /** Seconds one attempt may wait for a connection (default 10) and may take in all, answer included (default 60); a timed-out attempt is retried. */
  connectTimeoutSeconds?: number;
  requestTimeoutSeconds?: number;
  /** Seconds all calls of one account and region may take (default 3600); calls after it fail and are recorded in `errors[]`. */
  deadlineSeconds?: number;
  /** Pages one listing may take before it is treated as a loop (default 20,000). */
  maxPages?: number;
  /**
   * Also collect the tags of every directory, WorkSpace and IP group (WS DescribeTags). Off by default: one WorkSpaces
   * call per resource, about N/2 seconds per account and region at 2 calls/s. Without it, `tags` stays absent (not collected).
   */
  collectTags?: boolean;
  onProgress?: (event: CollectProgressEvent) => void;
  /** Credentials to use instead of the default chain (embedding, tests). */
  credentials?: CredentialProvider;
  /** Written to `inventory.tool.version`. */
  toolVersion?: string;
  /** Clock for `collectedAt` (tests). */
  now?: () => Date;
}

export interface CollectTotals {
  units: number;
  unitsDone: number;
  calls: number;
  throttles: number;
  errors: number;
}

export type CollectProgressEvent =
  | { type: "start"; accounts: number; regions: string[]; totals: CollectTotals }
  | { type: "unit-start" | "unit-done"; accountId: string; region: string; totals: CollectTotals }
  | { type: "call" | "throttle"; accountId: string; region: string; service: string; operation: string; totals: CollectTotals }
  | { type: "error"; error: CollectionError; totals: CollectTotals }
  | { type: "done"; totals: CollectTotals };

export interface ResolvedCollectOptions {
  regions: string[];
  profile?: string | undefined;
  roleArn?: string | undefined;
  accounts: string[];
  externalId?: string | undefined;
  endpointUrl?: string | undefined;
  fips: boolean;
  rateLimit: RateLimit;
  concurrency: number;
  maxAttempts: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  deadlineSeconds: number;
  maxPages: number;
  collectTags: boolean;
}

const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/[\w+=,.@/-]+$/;

/** The role ARN for one member account: the same role path and name, in that account. */
export function roleArnForAccount(roleArn: string, accountId: string): string {
  return roleArn.replace(/^(arn:[^:]+:iam::)\d{12}(:)/, `$1${accountId}$2`);
}

export function resolveCollectOptions(options: CollectOptions): ResolvedCollectOptions {
  const fips = options.fips === true;
  let regions = [...new Set(options.regions ?? [])];
  for (const r of regions) if (!REGION_PATTERN.test(r)) throw new InputError("--region", "", `"${r}" is not an AWS region name (e.g. us-east-1)`);
  if (options.allRegions === true) {
    if (regions.length > 0) throw new InputError("--all-regions", "", "give either --region or --all-regions, not both");
    regions = [...(WORKSPACES_REGIONS["aws"] ?? [])];
    if (fips) regions = regions.filter((r) => FIPS_WORKSPACES_REGIONS.includes(r));
  }
  if (regions.length === 0) throw new InputError("--region", "", "no region: give --region <region> (repeatable) or --all-regions");
  if (fips) {
    const bad = regions.filter((r) => !FIPS_WORKSPACES_REGIONS.includes(r));
    if (bad.length > 0) {
      throw new InputError("--fips", "", `no FIPS WorkSpaces endpoint in ${bad.join(", ")}; FIPS endpoints exist only in ${FIPS_WORKSPACES_REGIONS.join(", ")}`);
    }
  }
  const accounts = [...new Set(options.accounts ?? [])];
  for (const a of accounts) if (!/^\d{12}$/.test(a)) throw new InputError("--account", "", `"${a}" is not a 12-digit AWS account id`);
  if (options.roleArn !== undefined && !ROLE_ARN.test(options.roleArn)) {
    throw new InputError("--role-arn", "", `"${options.roleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  }
  if (options.externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(options.externalId)) {
    throw new InputError("--external-id", "", "must be 2 to 1,224 characters of letters, digits and +=,.@:/-");
  }
  if (accounts.length > 0 && options.roleArn === undefined) throw new InputError("--account", "", "member accounts need --role-arn, the role to assume in each");
  if (options.endpointUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.endpointUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new InputError("--endpoint-url", "", `"${options.endpointUrl}" is not an http(s) URL`);
  }
  const rateLimit = options.rateLimit ?? DEFAULT_WORKSPACES_RATE_LIMIT;
  if (!(rateLimit.ratePerSecond > 0)) throw new InputError("--rate", "", "the WorkSpaces call rate must be a positive number of calls per second");
  if (!Number.isInteger(rateLimit.burst) || rateLimit.burst < 1) throw new InputError("--burst", "", "the WorkSpaces burst must be a whole number of calls, at least 1");
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new InputError("--concurrency", "", "must be a whole number, at least 1");
  const maxAttempts = options.maxAttempts ?? 10;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new InputError("--max-attempts", "", "must be a whole number, at least 1");
  const seconds = (flag: string, value: number): number => {
    if (!Number.isFinite(value) || value <= 0) throw new InputError(flag, "", "must be a positive number of seconds");
    return value;
  };
  const connectTimeoutMs = seconds("--connect-timeout", options.connectTimeoutSeconds ?? 10) * 1000;
  const requestTimeoutMs = seconds("--request-timeout", options.requestTimeoutSeconds ?? 60) * 1000;
  const deadlineSeconds = seconds("--deadline", options.deadlineSeconds ?? 3600);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new InputError("maxPages", "", "must be a whole number, at least 1");
  return {
    regions,
    profile: options.profile,
    roleArn: options.roleArn,
    accounts,
    externalId: options.externalId,
    endpointUrl: options.endpointUrl,
    fips,
    rateLimit,
    concurrency,
    maxAttempts,
    connectTimeoutMs,
    requestTimeoutMs,
    deadlineSeconds,
    maxPages,
    collectTags: options.collectTags === true,
  };
}
