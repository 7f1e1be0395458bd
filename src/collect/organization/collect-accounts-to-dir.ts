/** Collects many accounts (an AWS organization, or a list) into one inventory file per account plus a manifest, with bounded parallelism, sharding and resume. */

import { join } from "node:path";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { CollectionManifest, ManifestAccount } from "../../inventory/collection-manifest.js";
import { manifestFileName } from "../../inventory/collection-manifest.js";
import { emptyInventory } from "../../inventory/empty-inventory.js";
import type { Inventory } from "../../inventory/model.js";
import { InputError } from "../../input-error.js";
import type { CredentialProvider } from "../aws/clients.js";
import { errorInfo } from "../aws/error-info.js";
import { mapWithConcurrency } from "../aws/map-with-concurrency.js";
import { ALL_COLLECTIONS, CollectionAbortedError, collectInventory } from "../collect-inventory.js";
import { resolveCollectOptions, roleArnForAccount, type CollectOptions } from "../collect-options.js";
import { partitionOfRegion } from "../regions.js";
import { writeFileAtomic, writeInventoryAtomic } from "../write-inventory-atomic.js";
import { discoverAccounts, validateOuIds, type OrganizationAccount } from "./discover-accounts.js";
import { findCompleteAccounts } from "./find-complete-accounts.js";
import { accountsOfShard, type Shard } from "./shard.js";

export interface AccountsToDirOptions extends Omit<CollectOptions, "accounts" | "roleArn" | "concurrency" | "onProgress"> {
  /** Discover the accounts through AWS Organizations (from the account whose credentials run this). */
  organization?: { ous?: string[] };
  /** Or collect exactly these accounts. */
  accounts?: string[];
  excludeAccounts?: string[];
  /** The role to assume in each account: by name (`arn:<partition>:iam::<account>:role/<name>`), or an ARN whose account is replaced. */
  roleName?: string;
  roleArn?: string;
  outDir: string;
  resume?: boolean;
  shard?: Shard;
  /** Accounts collected at once (each collects its regions in parallel); default 4. */
  concurrency?: number;
  onProgress?: (event: AccountsProgressEvent) => void;
}

export interface AccountsTotals {
  accounts: number;
  done: number;
  complete: number;
  failed: number;
  resumed: number;
  /** Calls that failed inside collected accounts (recorded in their inventories' errors[]). */
  callErrors: number;
  calls: number;
}

export type AccountsProgressEvent =
  | { type: "start"; regions: string[]; shard: Shard | null; totals: AccountsTotals }
  | { type: "account-start"; accountId: string; totals: AccountsTotals }
  | { type: "account-done"; account: ManifestAccount; totals: AccountsTotals }
  | { type: "call"; totals: AccountsTotals }
  | { type: "done"; manifestPath: string; totals: AccountsTotals };

export interface AccountsToDirResult {
  manifestPath: string;
  manifest: CollectionManifest;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

async function callerIdentity(credentials: CredentialProvider, region: string, endpointUrl: string | undefined, maxAttempts: number): Promise<{ accountId: string; partition: string }> {
  const sts = new STSClient({ region, credentials, maxAttempts, ...(endpointUrl !== undefined ? { endpoint: endpointUrl } : {}) });
  try {
    const id = await sts.send(new GetCallerIdentityCommand({}));
    if (!id.Account) throw new Error("GetCallerIdentity returned no account id");
    return { accountId: id.Account, partition: id.Arn?.split(":")[1] ?? partitionOfRegion(region) };
  } catch (error) {
    const { code, message } = errorInfo(error);
    throw new CollectionAbortedError(`cannot identify the AWS account (${code}): ${message}`, code);
  } finally {
    sts.destroy();
  }
}

/** An account that could not be reached at all: every collection of every region is recorded as not collected, so evaluation says `error`, never pass. */
function unreachableInventory(accountId: string, partition: string, regions: string[], code: string, message: string, collectedAt: string, version: string): Inventory {
  const inventory = emptyInventory({ collectedAt, tool: { name: "wsaudit", version }, scope: { partition, accounts: [accountId], regions: [...regions].sort() } });
  const regional = ALL_COLLECTIONS.filter((c) => c !== "iamRoles");
  for (const region of [...regions].sort()) inventory.errors.push({ service: "sts", operation: "GetCallerIdentity", accountId, region, code, message, collections: [...regional] });
  inventory.errors.push({ service: "sts", operation: "GetCallerIdentity", accountId, region: "global", code, message, collections: ["iamRoles"] });
  return inventory;
}

/** The options every account's `collectInventory` shares: everything but the account selection, role and output. */
function perAccountOptions(o: AccountsToDirOptions): CollectOptions {
  const picked: CollectOptions = {};
  for (const key of ["regions", "allRegions", "profile", "externalId", "endpointUrl", "fips", "rateLimit", "maxAttempts", "collectTags", "credentials", "toolVersion", "now"] as const) {
    if (o[key] !== undefined) Object.assign(picked, { [key]: o[key] });
  }
  return picked;
}

/** Serializes manifest writes and coalesces bursts: at most one write in flight and one queued. */
function manifestWriter(path: string, manifest: CollectionManifest): { schedule(): void; flush(): Promise<void> } {
  let running: Promise<void> | undefined;
  let dirty = false;
  const text = (): string => `${JSON.stringify(manifest, null, 2)}\n`;
  const loop = async (): Promise<void> => {
    while (dirty) {
      dirty = false;
      await writeFileAtomic(path, text());
    }
  };
  return {
    schedule() {
      dirty = true;
      running ??= loop().finally(() => {
        running = undefined;
      });
    },
    async flush() {
      await running;
      await writeFileAtomic(path, text());
    },
  };
}

function refreshTotals(manifest: CollectionManifest): void {
  const count = (s: ManifestAccount["status"]): number => manifest.accounts.filter((a) => a.status === s).length;
  manifest.totals = {
    accounts: manifest.accounts.length,
    complete: count("complete"),
    failed: count("failed"),
    pending: count("pending"),
    resumed: manifest.accounts.filter((a) => a.resumed === true).length,
  };
}

/**
 * Collects each selected account into `<outDir>/<account-id>.json` as soon as it finishes (written atomically), and
 * keeps `<outDir>/manifest.json` (per shard: `manifest-<i>-of-<n>.json`) current. A failed assume-role is that
 * account's error; the others go on. Memory holds the accounts in flight, never the organization.
 */
export async function collectAccountsToDir(options: AccountsToDirOptions): Promise<AccountsToDirResult> {
  if (options.organization === undefined && (options.accounts ?? []).length === 0) {
    throw new InputError("--out-dir", "", "per-account output needs the accounts: --organization, or --account/--accounts-file");
  }
  if (options.organization !== undefined && (options.accounts ?? []).length > 0) throw new InputError("--organization", "", "give either --organization or --account/--accounts-file, not both");
  if (options.roleName !== undefined && options.roleArn !== undefined) throw new InputError("--role-name", "", "give either --role-name or --role-arn, not both");
  if (options.roleName !== undefined && !ROLE_NAME.test(options.roleName)) throw new InputError("--role-name", options.roleName, "not an IAM role name (1-64 letters, digits and +=,.@_-)");
  if (options.roleName === undefined && options.roleArn === undefined) {
    throw new InputError("--role-name", "", "name the role to assume in each account (--role-name NAME, or --role-arn with any account id)");
  }
  validateOuIds(options.organization?.ous ?? []);
  for (const a of options.excludeAccounts ?? []) if (!/^\d{12}$/.test(a)) throw new InputError("--exclude-account", a, "not a 12-digit AWS account id");
  const accountConcurrency = options.concurrency ?? 4;
  const collect = perAccountOptions(options);
  for (const a of options.accounts ?? []) if (!/^\d{12}$/.test(a)) throw new InputError("--account", a, "not a 12-digit AWS account id");
  // Validates regions, rate, endpoint, the role ARN and the external id once, before any call; the account list is checked above.
  const resolved = resolveCollectOptions({ ...collect, ...(options.roleArn !== undefined ? { roleArn: options.roleArn } : {}), concurrency: accountConcurrency });
  const requested = [...new Set(options.accounts ?? [])];
  const region = resolved.regions[0] ?? "us-east-1";
  const base = options.credentials ?? fromNodeProviderChain(resolved.profile !== undefined ? { profile: resolved.profile } : {});
  const version = options.toolVersion ?? "0.0.0";
  const now = options.now ?? (() => new Date());

  const caller = await callerIdentity(base, region, resolved.endpointUrl, resolved.maxAttempts);
  const listed: OrganizationAccount[] =
    options.organization !== undefined
      ? await discoverAccounts({ credentials: base, region, endpointUrl: resolved.endpointUrl, maxAttempts: resolved.maxAttempts, ous: options.organization.ous ?? [] })
      : requested.map((accountId) => ({ accountId }));
  const excluded = new Set(options.excludeAccounts ?? []);
  const names = new Map(listed.map((a) => [a.accountId, a.name]));
  const selected = accountsOfShard(listed.map((a) => a.accountId).filter((id) => !excluded.has(id)), options.shard);

  const roleArnOf = (accountId: string): string =>
    options.roleArn !== undefined ? roleArnForAccount(options.roleArn, accountId) : `arn:${caller.partition}:iam::${accountId}:role/${options.roleName ?? ""}`;
  const fileOf = (accountId: string): string => `${accountId}.json`;
  const resumed = options.resume === true ? await findCompleteAccounts(options.outDir, selected, resolved.regions, fileOf) : new Set<string>();

  const manifest: CollectionManifest = {
    kind: "wsaudit-collection-manifest",
    version: 1,
    tool: { name: "wsaudit", version },
    startedAt: now().toISOString(),
    source: options.organization !== undefined ? "organization" : "accounts",
    ...(options.organization !== undefined ? { organization: { ous: [...(options.organization.ous ?? [])].sort(), excluded: [...excluded].sort() } } : {}),
    shard: options.shard ?? null,
    regions: [...resolved.regions].sort(),
    totals: { accounts: 0, complete: 0, failed: 0, pending: 0, resumed: 0 },
    accounts: selected.map((accountId): ManifestAccount => {
      const name = names.get(accountId);
      const entry: ManifestAccount = { accountId, ...(name !== undefined ? { name } : {}), status: "pending" };
      if (resumed.has(accountId)) Object.assign(entry, { status: "complete", file: fileOf(accountId), resumed: true });
      return entry;
    }),
  };
  refreshTotals(manifest);
  const manifestPath = join(options.outDir, manifestFileName(options.shard));
  const writer = manifestWriter(manifestPath, manifest);
  await writer.flush();

  const totals: AccountsTotals = { accounts: selected.length, done: resumed.size, complete: resumed.size, failed: 0, resumed: resumed.size, callErrors: 0, calls: 0 };
  const emit = options.onProgress ?? ((): void => undefined);
  emit({ type: "start", regions: manifest.regions, shard: manifest.shard, totals });
  const entries = new Map(manifest.accounts.map((a) => [a.accountId, a]));
  const todo = selected.filter((id) => !resumed.has(id));

  await mapWithConcurrency(todo, accountConcurrency, async (accountId) => {
    const entry = entries.get(accountId) as ManifestAccount;
    const started = now();
    entry.startedAt = started.toISOString();
    emit({ type: "account-start", accountId, totals });
    const self = accountId === caller.accountId;
    let inventory: Inventory;
    try {
      inventory = await collectInventory({
        ...collect,
        credentials: base,
        // The account that runs the scan is read with its own credentials; every other one through the role.
        ...(self ? {} : { accounts: [accountId], roleArn: roleArnOf(accountId) }),
        concurrency: resolved.regions.length + 1,
        onProgress: (e) => {
          if (e.type !== "call") return;
          totals.calls++;
          emit({ type: "call", totals });
        },
        toolVersion: version,
      });
    } catch (error) {
      if (!(error instanceof CollectionAbortedError)) throw error;
      const { code, message } = errorInfo(error);
      inventory = unreachableInventory(accountId, caller.partition, resolved.regions, code, message, started.toISOString(), version);
    }
    const unreachable = inventory.errors.find((e) => e.service === "sts" && e.operation === "GetCallerIdentity" && e.accountId === accountId);
    await writeInventoryAtomic(join(options.outDir, fileOf(accountId)), inventory);
    const finished = now();
    const byCode: Record<string, number> = {};
    for (const e of inventory.errors) if (e.collections.length > 0) byCode[e.code] = (byCode[e.code] ?? 0) + 1;
    Object.assign(entry, {
      status: unreachable ? "failed" : "complete",
      file: fileOf(accountId),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      ...(Object.keys(byCode).length > 0 ? { errors: byCode } : {}),
      ...(unreachable ? { failure: { code: unreachable.code, message: unreachable.message } } : {}),
    });
    totals.done++;
    if (unreachable) totals.failed++;
    else {
      totals.complete++;
      totals.callErrors += Object.values(byCode).reduce((a, b) => a + b, 0);
    }
    refreshTotals(manifest);
    writer.schedule();
    emit({ type: "account-done", account: entry, totals });
  });

  manifest.finishedAt = now().toISOString();
  refreshTotals(manifest);
  await writer.flush();
  emit({ type: "done", manifestPath, totals });
  return { manifestPath, manifest };
}
