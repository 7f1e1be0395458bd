/** Collects the inventory: accounts × regions with bounded concurrency, collectors in three stages per account-region plus global ones per account, every failure recorded in `errors[]`. */

import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { INVENTORY_SCHEMA_VERSION, type CollectionError, type CollectionName, type Inventory } from "../inventory/model.js";
import { createClients, type AwsClients, type ClientSettings, type CredentialProvider } from "./aws/clients.js";
import { Deadline } from "./aws/deadline.js";
import { errorInfo, operationOf } from "./aws/error-info.js";
import { PaginationGuard } from "./aws/guard-pagination.js";
import { mapWithConcurrency } from "./aws/map-with-concurrency.js";
import { TokenBucket } from "./aws/token-bucket.js";
import { resolveCollectOptions, roleArnForAccount, type CollectOptions, type CollectProgressEvent, type CollectTotals, type ResolvedCollectOptions } from "./collect-options.js";
import { checkCollectedInventory } from "./check-collected-inventory.js";
import type { CollectContext, Collector, Contribution, StageView, Where } from "./collector.js";
import { CollectionAbortedError } from "./collection-aborted-error.js";
import { resolveWorkspacesVpcIds, WORKSPACES_VPC_COLLECTIONS } from "./ec2/workspaces-vpc-ids.js";
import { COLLECTORS } from "./registry.js";
import { isWorkspacesRegion, partitionOfRegion } from "./regions.js";

export const ALL_COLLECTIONS: readonly CollectionName[] = [
  "directories",
  "workspaces",
  "ipGroups",
  "securityGroups",
  "networkInterfaces",
  "subnets",
  "vpcs",
  "routeTables",
  "kmsKeys",
  "accountRegions",
  "natGateways",
  "dhcpOptions",
  "networkAcls",
  "vpcEndpoints",
  "bundles",
  "images",
  "trails",
  "alarms",
  "eventRules",
  "iamRoles",
];
/** Collections of global services: collected once per account, their entities and errors carry the region "global". */
const GLOBAL_COLLECTIONS: readonly CollectionName[] = ["iamRoles"];
const REGIONAL_COLLECTIONS: readonly CollectionName[] = ALL_COLLECTIONS.filter((c) => !GLOBAL_COLLECTIONS.includes(c));
const isRegional = (c: Collector): boolean => (c.scope ?? "region") === "region";
/** Opt-in collectors run only when their option is set; skipped, they leave their fields absent (not collected). */
const isEnabled = (c: Collector, options: ResolvedCollectOptions): boolean => c.optIn === undefined || options[c.optIn];

export { CollectionAbortedError } from "./collection-aborted-error.js";

interface Target {
  /** The account asked for with --account; unknown for the default chain until STS answers. */
  requestedAccountId?: string;
  credentials: CredentialProvider;
}

interface Identity {
  accountId: string;
  partition: string;
  credentials: CredentialProvider;
}

type Entities = { [C in CollectionName]: Record<string, unknown>[] };

function emptyEntities(): Entities {
  return Object.fromEntries(ALL_COLLECTIONS.map((c) => [c, []])) as unknown as Entities;
}

class Run {
  readonly totals: CollectTotals = { units: 0, unitsDone: 0, calls: 0, throttles: 0, errors: 0 };
  readonly errors: CollectionError[] = [];
  readonly entities = emptyEntities();

  constructor(
    readonly options: ResolvedCollectOptions,
    private readonly onProgress?: (event: CollectProgressEvent) => void,
  ) {}

  emit(event: CollectProgressEvent): void {
    this.onProgress?.(event);
  }

  record(error: CollectionError): void {
    this.errors.push(error);
    this.totals.errors++;
    this.emit({ type: "error", error, totals: this.totals });
  }
}

function targetsFor(options: ResolvedCollectOptions, base: CredentialProvider): Target[] {
  const assume = (roleArn: string): CredentialProvider =>
    fromTemporaryCredentials({
      params: { RoleArn: roleArn, RoleSessionName: "wsaudit-collect", DurationSeconds: 3600, ...(options.externalId !== undefined ? { ExternalId: options.externalId } : {}) },
      masterCredentials: base,
      clientConfig: { region: options.regions[0], ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {}) },
    });
  if (options.accounts.length > 0 && options.roleArn !== undefined) {
    const roleArn = options.roleArn;
    return options.accounts.map((accountId) => ({ requestedAccountId: accountId, credentials: assume(roleArnForAccount(roleArn, accountId)) }));
  }
  return [{ credentials: options.roleArn !== undefined ? assume(options.roleArn) : base }];
}

async function identify(run: Run, target: Target): Promise<Identity | undefined> {
  const region = run.options.regions[0] ?? "us-east-1";
  const sts = new STSClient({
    region,
    credentials: target.credentials,
    maxAttempts: run.options.maxAttempts,
    requestHandler: { connectionTimeout: run.options.connectTimeoutMs, requestTimeout: run.options.requestTimeoutMs, throwOnRequestTimeout: true },
    ...(run.options.endpointUrl !== undefined ? { endpoint: run.options.endpointUrl } : {}),
  });
  try {
    const id = await sts.send(new GetCallerIdentityCommand({}));
    if (!id.Account) throw new Error("GetCallerIdentity returned no account id");
    return { accountId: id.Account, partition: id.Arn?.split(":")[1] ?? partitionOfRegion(region), credentials: target.credentials };
  } catch (error) {
    const { code, message } = errorInfo(error);
    // Without any account to collect, nothing can be said: that is an operational failure, not a partial inventory.
    if (target.requestedAccountId === undefined) throw new CollectionAbortedError(`cannot identify the AWS account (${code}): ${message}`, code);
    for (const r of run.options.regions) {
      run.record({ service: "sts", operation: "GetCallerIdentity", accountId: target.requestedAccountId, region: r, code, message, collections: [...REGIONAL_COLLECTIONS] });
    }
    run.record({ service: "sts", operation: "GetCallerIdentity", accountId: target.requestedAccountId, region: "global", code, message, collections: [...GLOBAL_COLLECTIONS] });
    return undefined;
  } finally {
    sts.destroy();
  }
}

function applyContribution(into: Entities, collector: Collector, contribution: Contribution): void {
  const target = into[collector.collection];
  if (contribution.kind === "list") {
    target.push(...(contribution.items as Record<string, unknown>[]));
    return;
  }
  for (const entity of target) {
    const patch = contribution.patches.get(entity["id"] as string) ?? contribution.unmatched;
    if (patch) Object.assign(entity, patch);
  }
}

function clientSettings(run: Run, identity: Identity, where: Where, deadline: Deadline): ClientSettings {
  return {
    credentials: identity.credentials,
    endpointUrl: run.options.endpointUrl,
    fips: run.options.fips,
    maxAttempts: run.options.maxAttempts,
    connectTimeoutMs: run.options.connectTimeoutMs,
    requestTimeoutMs: run.options.requestTimeoutMs,
    deadline,
    pagination: new PaginationGuard(run.options.maxPages),
    onCall: (service, operation) => {
      run.totals.calls++;
      run.emit({ type: "call", ...where, service, operation, totals: run.totals });
    },
    onThrottle: (service, operation) => {
      run.totals.throttles++;
      run.emit({ type: "throttle", ...where, service, operation, totals: run.totals });
    },
  };
}

type RecordError = CollectContext["recordError"];

/** The error recorder a collector's context gets: the collector's own collection unless the failure says otherwise. */
function recorderFor(run: Run, where: Where, collector: Collector): RecordError {
  return (service, operation, error, options) => {
    const { code, message } = errorInfo(error);
    run.record({
      service,
      operation: operationOf(error) ?? operation,
      ...where,
      code,
      message,
      collections: options?.collections ?? [collector.collection],
      ...(options?.resourceIds !== undefined ? { resourceIds: options.resourceIds } : {}),
      ...(options?.fields !== undefined ? { fields: options.fields } : {}),
    });
  };
}

/** Runs one collector; a throw records the collector's collection and every collection it scopes. */
async function runCollector(run: Run, where: Where, collector: Collector, base: Omit<CollectContext, "recordError">): Promise<Contribution | undefined> {
  const record = recorderFor(run, where, collector);
  try {
    return await collector.run({ ...base, recordError: record });
  } catch (error) {
    // An enrichment that fails leaves its entities listed: only the fields it fills are missing (and what it feeds).
    const fields = collector.fills?.map((f) => `${collector.collection}.${f}`);
    record(collector.service, collector.operation, error, { collections: [collector.collection, ...(collector.feeds ?? [])], ...(fields !== undefined ? { fields } : {}) });
    return undefined;
  }
}

async function collectUnit(run: Run, identity: Identity, region: string): Promise<void> {
  const { accountId } = identity;
  const where = { accountId, region };
  run.emit({ type: "unit-start", ...where, totals: run.totals });
  if (run.options.endpointUrl === undefined && !isWorkspacesRegion(region)) {
    // Nothing is missing here, so no collection is flagged; the record says why the region is empty.
    run.record({ service: "workspaces", operation: "*", ...where, code: "WorkSpacesNotOffered", message: `Amazon WorkSpaces is not offered in ${region}`, collections: [] });
    run.totals.unitsDone++;
    run.emit({ type: "unit-done", ...where, totals: run.totals });
    return;
  }
  const deadline = new Deadline(run.options.deadlineSeconds);
  const settings = clientSettings(run, identity, where, deadline);
  // One bucket per account and region, shared by every WorkSpaces call made there. It keeps one token of headroom below
  // the API's burst: requests reach AWS with uneven network delays, and an exact copy of AWS's bucket gets throttled.
  const { ratePerSecond, burst } = run.options.rateLimit;
  const clients = createClients(region, settings, new TokenBucket({ ratePerSecond, burst: Math.max(1, burst - 1) }));
  const local = emptyEntities();
  const view: StageView = { directories: [], workspaces: [], ipGroups: [], vpcs: [], bundles: [] };
  let vpcIds: Promise<string[] | undefined> | undefined;
  const workspacesVpcIds = (): Promise<string[] | undefined> => {
    vpcIds ??= resolveWorkspacesVpcIds(clients.ec2, view).catch((error: unknown) => {
      const { code, message } = errorInfo(error);
      run.record({ service: "ec2", operation: operationOf(error) ?? "DescribeSubnets", ...where, code, message, collections: [...WORKSPACES_VPC_COLLECTIONS] });
      return undefined;
    });
    return vpcIds;
  };
  const base = { ...where, clients, view, workspacesVpcIds };
  const stage = (n: number): Collector[] => COLLECTORS.filter((c) => isRegional(c) && c.stage === n && isEnabled(c, run.options));
  try {
    await runStage(run, where, stage(1), base, local);
    view.directories = local.directories as unknown as StageView["directories"];
    view.workspaces = local.workspaces as unknown as StageView["workspaces"];
    view.ipGroups = local.ipGroups as unknown as StageView["ipGroups"];
    await runStage(run, where, stage(2), base, local);
    view.vpcs = local.vpcs as unknown as StageView["vpcs"];
    view.bundles = local.bundles as unknown as StageView["bundles"];
    await runStage(run, where, stage(3), base, local);
  } finally {
    deadline.dispose();
    clients.destroy();
  }
  for (const c of ALL_COLLECTIONS) run.entities[c].push(...local[c]);
  run.totals.unitsDone++;
  run.emit({ type: "unit-done", ...where, totals: run.totals });
}

/** Runs collectors concurrently, then applies lists first and enrichments second, so an enrichment always finds its entities. */
async function runStage(run: Run, where: Where, collectors: Collector[], base: Omit<CollectContext, "recordError">, into: Entities): Promise<void> {
  const results = await Promise.all(collectors.map((collector) => runCollector(run, where, collector, base)));
  for (const kind of ["list", "enrich"] as const) {
    collectors.forEach((collector, i) => {
      const contribution = results[i];
      if (contribution?.kind === kind) applyContribution(into, collector, contribution);
    });
  }
}

/** Runs the global collectors (IAM) once for an account, with region "global"; they read no stage results. */
async function collectAccount(run: Run, identity: Identity): Promise<void> {
  const where = { accountId: identity.accountId, region: "global" };
  const collectors = COLLECTORS.filter((c) => !isRegional(c) && isEnabled(c, run.options));
  if (collectors.length === 0) return;
  const region = run.options.regions[0] ?? "us-east-1";
  const { ratePerSecond, burst } = run.options.rateLimit;
  const deadline = new Deadline(run.options.deadlineSeconds);
  const clients: AwsClients = createClients(region, clientSettings(run, identity, where, deadline), new TokenBucket({ ratePerSecond, burst: Math.max(1, burst - 1) }));
  const noScope = (): Promise<string[] | undefined> => Promise.reject(new Error("a global collector has no VPC scope"));
  const local = emptyEntities();
  try {
    await runStage(run, where, collectors, { ...where, clients, view: { directories: [], workspaces: [], ipGroups: [], vpcs: [], bundles: [] }, workspacesVpcIds: noScope }, local);
  } finally {
    deadline.dispose();
    clients.destroy();
  }
  for (const c of ALL_COLLECTIONS) run.entities[c].push(...local[c]);
}

/** Compares by several string keys in turn: entities and errors come out in one stable order, whatever order the calls finished in. */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = (a[i] ?? "").localeCompare(b[i] ?? "");
    if (c !== 0) return c;
  }
  return 0;
}

const placeKey = (e: Record<string, unknown>): string[] => [String(e["accountId"]), String(e["region"]), String(e["id"])];
const byPlace = (a: Record<string, unknown>, b: Record<string, unknown>): number => compareKeys(placeKey(a), placeKey(b));
const errorKey = (e: CollectionError): string[] => [e.accountId, e.region, e.service, e.operation, (e.resourceIds ?? []).join(","), e.code];

function assemble(run: Run, identities: Identity[], collectedAt: Date, toolVersion: string): Inventory {
  const entities = run.entities;
  // A key used from two regions or accounts is described twice; keep one record per ARN.
  const keys = new Map<string, Record<string, unknown>>();
  for (const k of entities.kmsKeys) if (!keys.has(k["arn"] as string)) keys.set(k["arn"] as string, k);
  entities.kmsKeys = [...keys.values()];
  for (const c of ALL_COLLECTIONS) entities[c].sort(byPlace);
  const errors = [...run.errors].sort((a, b) => compareKeys(errorKey(a), errorKey(b)));
  const accounts = [...new Set([...identities.map((i) => i.accountId), ...run.errors.map((e) => e.accountId)])].sort();
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    collectedAt: collectedAt.toISOString(),
    tool: { name: "wsaudit", version: toolVersion },
    scope: { partition: identities[0]?.partition ?? partitionOfRegion(run.options.regions[0] ?? "us-east-1"), accounts, regions: [...run.options.regions].sort() },
    errors,
    ...(entities as unknown as Omit<Inventory, "schemaVersion" | "collectedAt" | "tool" | "scope" | "errors">),
  };
}

/** Collects a normalized inventory from live AWS accounts. Throws InputError for bad options and CollectionAbortedError when no account can be reached. */
export async function collectInventory(options: CollectOptions): Promise<Inventory> {
  const resolved = resolveCollectOptions(options);
  const run = new Run(resolved, options.onProgress);
  const collectedAt = (options.now ?? (() => new Date()))();
  const base = options.credentials ?? fromNodeProviderChain(resolved.profile !== undefined ? { profile: resolved.profile } : {});
  const targets = targetsFor(resolved, base);
  const identities = (await mapWithConcurrency(targets, resolved.concurrency, (t) => identify(run, t))).filter((i): i is Identity => i !== undefined);
  const units = identities.flatMap((identity) => resolved.regions.map((region) => ({ identity, region })));
  run.totals.units = units.length;
  run.emit({ type: "start", accounts: identities.length, regions: resolved.regions, totals: run.totals });
  // Account-level work (global services) shares the pool with the account-regions; it is not counted as a unit.
  const tasks = [...identities.map((identity) => () => collectAccount(run, identity)), ...units.map((u) => () => collectUnit(run, u.identity, u.region))];
  await mapWithConcurrency(tasks, resolved.concurrency, (task) => task());
  run.emit({ type: "done", totals: run.totals });
  return checkCollectedInventory(assemble(run, identities, collectedAt, options.toolVersion ?? "0.0.0"));
}
