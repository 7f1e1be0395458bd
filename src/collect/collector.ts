/** The collector contract: declared metadata (collection, service, IAM permissions) plus an I/O-only fetch and a pure normalize. */

import type { Bundle, CollectionName, Directory, Inventory, IpGroup, Vpc, Workspace } from "../inventory/model.js";
import type { AwsClients } from "./aws/clients.js";

/** IAM action prefixes: a collector's `service` and `operation` name its own IAM action. */
export type ServiceName = "workspaces" | "ds" | "ec2" | "kms" | "sts" | "cloudtrail" | "cloudwatch" | "events" | "iam";

/** Where a collector runs: every entity it makes carries these. */
export interface Where {
  accountId: string;
  region: string;
}

export type EntityOf<C extends CollectionName> = NonNullable<Inventory[C]>[number];

/**
 * What one account and region has gathered in earlier stages; later collectors read it to scope their calls.
 * Stage 1 fills directories, WorkSpaces and IP groups, stage 2 VPCs and bundles (read by stage 3).
 */
export interface StageView {
  directories: readonly Directory[];
  workspaces: readonly Workspace[];
  ipGroups: readonly IpGroup[];
  vpcs: readonly Vpc[];
  bundles: readonly Bundle[];
}

export interface CollectContext extends Where {
  clients: AwsClients;
  view: StageView;
  /**
   * The VPCs the WorkSpaces estate uses (directory and WorkSpace subnets, Directory Service VPCs), resolved once per
   * account and region. `undefined` when it could not be resolved; that failure is already recorded.
   */
  workspacesVpcIds(): Promise<string[] | undefined>;
  /** Records a failure that leaves only part of a collection missing (e.g. one KMS key) and lets the fetch go on. */
  recordError(service: ServiceName, operation: string, error: unknown, options?: { resourceIds?: string[]; collections?: CollectionName[]; fields?: string[] }): void;
}

export type Stage = 1 | 2 | 3;

/** Options that switch on a collector too costly to run by default (DescribeTags: one WorkSpaces call per resource). */
export type OptIn = "collectTags";

interface CollectorBase<C extends CollectionName, Raw> {
  /** Unique id, `<service>.<main operation>`. */
  id: string;
  collection: C;
  service: ServiceName;
  /** The operation named in an error record when `fetch` throws. */
  operation: string;
  /** Every IAM action `fetch` may call. The shipped IAM policy must list them all. */
  permissions: readonly string[];
  /** 1: needs nothing; 2: reads stage-1 results (directory ids, subnet ids, key references); 3: reads stage-2 results (VPCs, bundles). */
  stage: Stage;
  /**
   * "region" (default): runs in every account and region. "account": a global service (IAM), run once per account with
   * region "global"; such a collector reads no stage results.
   */
  scope?: "region" | "account";
  /** Runs only when this option is set; otherwise its fields stay absent (not collected) and nothing is recorded. */
  optIn?: OptIn;
  /** Collections whose scope is derived from this collector's data, so a failure here leaves them incomplete too. */
  feeds?: readonly CollectionName[];
  /** I/O only: pages the SDK and returns raw items. Throwing marks the whole collection as not collected. */
  fetch(ctx: CollectContext): Promise<Raw>;
}

/** Produces the entities of its collection. */
export interface ListCollector<C extends CollectionName, Raw> extends CollectorBase<C, Raw> {
  kind: "list";
  normalize(raw: Raw, where: Where): EntityOf<C>[];
}

/** Adds fields to entities another collector made, matched by id; `unmatched` is applied to the rest once it succeeded. */
export interface EnrichCollector<C extends CollectionName, Raw> extends CollectorBase<C, Raw> {
  kind: "enrich";
  /** The fields of its collection this collector fills: when it fails, only these are recorded as not collected. */
  fills: readonly (keyof EntityOf<C> & string)[];
  normalize(raw: Raw, where: Where): Map<string, Partial<EntityOf<C>>>;
  unmatched?: Partial<EntityOf<C>>;
}

export type TypedCollector<C extends CollectionName, Raw> = ListCollector<C, Raw> | EnrichCollector<C, Raw>;

/** A collector with its raw type hidden, as the registry holds it: the declared metadata, and fetch+normalize as one step. */
export interface Collector extends Omit<CollectorBase<CollectionName, unknown>, "fetch"> {
  kind: "list" | "enrich";
  /** Enrichments only: the fields they fill. */
  fills?: readonly string[];
  /** fetch then normalize; `undefined` when the fetch was skipped because its scope failed (already recorded). */
  run(ctx: CollectContext): Promise<Contribution | undefined>;
}

export type Contribution =
  | { kind: "list"; items: unknown[] }
  | { kind: "enrich"; patches: Map<string, Record<string, unknown>>; unmatched?: Record<string, unknown> };

/** Thrown by a fetch whose scope (e.g. the WorkSpaces VPC ids) could not be resolved; the cause is already recorded. */
export class ScopeUnavailable extends Error {
  constructor() {
    super("scope unavailable");
    this.name = "ScopeUnavailable";
  }
}

export function defineCollector<C extends CollectionName, Raw>(spec: TypedCollector<C, Raw>): TypedCollector<C, Raw> & Collector {
  const run = async (ctx: CollectContext): Promise<Contribution | undefined> => {
    let raw: Raw;
    try {
      raw = await spec.fetch(ctx);
    } catch (error) {
      if (error instanceof ScopeUnavailable) return undefined;
      throw error;
    }
    const where = { accountId: ctx.accountId, region: ctx.region };
    if (spec.kind === "list") return { kind: "list", items: spec.normalize(raw, where) };
    return {
      kind: "enrich",
      patches: spec.normalize(raw, where),
      ...(spec.unmatched !== undefined ? { unmatched: spec.unmatched } : {}),
    };
  };
  return { ...spec, run };
}
