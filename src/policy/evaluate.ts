/** Evaluates compiled policies against a resolved inventory: pure, offline, one result per policy and resource; a throwing expression yields `error`, never a pass. */

import { fingerprint } from "../findings/fingerprint.js";
import type { Result, Status } from "../findings/types.js";
import type { CollectionError, CollectionName } from "../inventory/model.js";
import { fieldsOf, relationCollections, type EntityView, type ResolvedInventory } from "../inventory/resolve-inventory.js";
import { RESOURCE_TYPES } from "../inventory/resource-types.js";
import { buildEvidence, splitPaths } from "./evidence.js";
import { MemoKeys } from "./memo-key.js";
import type { CompiledPolicy } from "./policy.js";

export type ParamOverrides = Record<string, Record<string, unknown>>;

export interface EvaluateOptions {
  /** Per-policy param values from `--params`, already validated. */
  params?: ParamOverrides;
  /** The evaluation time, exposed to CEL as `now`. */
  now: Date;
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "evaluation failed";

const describeError = (e: CollectionError): string => `${e.service}:${e.operation} ${e.code} in ${e.accountId}/${e.region}`;

function directoryOf(policy: CompiledPolicy, resource: EntityView): string | null {
  if (policy.resourceType === "directory") return resource.id;
  const id = resource["directoryId"];
  return typeof id === "string" ? id : null;
}

/** Collection errors that explain why a policy could not read what it needed for this resource. */
/** The collections a policy reads: its resource's own, and those behind the relations its expressions use. */
function collectionsRead(policy: CompiledPolicy): Set<CollectionName> {
  const paths = [...(policy.match?.paths ?? []), ...(policy.assert?.paths ?? []), ...(policy.messageExpression?.paths ?? [])];
  const collections = new Set(paths.flatMap((p) => relationCollections(policy.resourceType, p.split(".")[1] ?? "")));
  collections.add(RESOURCE_TYPES[policy.resourceType].collection);
  return collections;
}

function relevantErrors(collections: Set<CollectionName>, resource: EntityView, inventory: ResolvedInventory): CollectionError[] {
  const ownValues = Object.values(resource).filter((v): v is string => typeof v === "string");
  const found = new Set<CollectionError>();
  for (const collection of collections) {
    for (const e of inventory.missing.forCollection(collection, resource.accountId, resource.region)) found.add(e);
    for (const value of ownValues) for (const e of inventory.missing.forResource(collection, value)) found.add(e);
  }
  return [...found];
}

const NOT_APPLICABLE = "Not applicable: the match condition is false.";

/**
 * The (collection, field) pairs a policy's expressions read: `resource.f` on its own collection, `resource.rel.f` on the
 * collections behind a relation. Used to turn a result into `error` when an enrichment call failed for those fields.
 */
function fieldsRead(policy: CompiledPolicy): { collection: CollectionName; field: string }[] {
  const own = RESOURCE_TYPES[policy.resourceType].collection;
  const paths = [...(policy.match?.readPaths ?? []), ...(policy.assert?.readPaths ?? []), ...(policy.messageExpression?.readPaths ?? [])];
  const out = new Map<string, { collection: CollectionName; field: string }>();
  for (const p of paths) {
    const [, first, second] = p.split(".");
    if (first === undefined) continue;
    const related = relationCollections(policy.resourceType, first);
    const pairs = related.length > 0 ? (second !== undefined ? related.map((collection) => ({ collection, field: second })) : []) : [{ collection: own, field: first }];
    for (const pair of pairs) out.set(`${pair.collection}.${pair.field}`, pair);
  }
  return [...out.values()];
}

/** The errors behind fields this policy reads that were not collected where the resource lives. */
function missingFieldErrors(reads: { collection: CollectionName; field: string }[], resource: EntityView, inventory: ResolvedInventory): { what: string; errors: CollectionError[] } | undefined {
  for (const { collection, field } of reads) {
    const errors = inventory.missing.fieldsMissing(collection, resource.accountId, resource.region).get(field);
    if (errors && errors.length > 0) return { what: `${collection}.${field}`, errors };
  }
  return undefined;
}

type Decision =
  | { kind: "not_applicable" | "manual" | "pass" | "fail" }
  | { kind: "invalid"; message: string }
  | { kind: "thrown"; message: string };

/** Runs match, then (unless manual) assert; an exception is captured, never raised. */
function decide(policy: CompiledPolicy, context: Record<string, unknown>): Decision {
  try {
    if (policy.match) {
      const applies = policy.match.evaluate(context);
      if (applies === false) return { kind: "not_applicable" };
      if (applies !== true) return { kind: "invalid", message: `Could not decide: match returned ${typeof applies}, expected bool` };
    }
    if (policy.doc.manual === true) return { kind: "manual" };
    const verdict = policy.assert?.evaluate(context);
    if (verdict === true) return { kind: "pass" };
    if (verdict !== false) return { kind: "invalid", message: `Could not decide: assert returned ${typeof verdict}, expected bool` };
    return { kind: "fail" };
  } catch (error) {
    return { kind: "thrown", message: firstLine(error) };
  }
}

function failureMessage(policy: CompiledPolicy, context: Record<string, unknown>): string {
  if (policy.messageExpression) {
    try {
      const custom = policy.messageExpression.evaluate(context);
      if (typeof custom === "string" && custom !== "") return custom;
    } catch {
      // The static message is the documented fallback when messageExpression cannot be evaluated.
    }
  }
  return policy.doc.message;
}

/**
 * Where evaluation puts what it decides. Every non-passing result is added in full, with its evidence; a pass or
 * not-applicable result is only counted, unless `includePassed`, and then added without evidence.
 */
export interface ResultCollector {
  includePassed: boolean;
  add(result: Result): void;
  count(policyId: string, accountId: string, region: string, resourceId: string, status: "pass" | "not_applicable"): void;
}

/** Every result of one policy, passes included (without evidence): for policy tests and small inventories. */
export function evaluatePolicy(policy: CompiledPolicy, inventory: ResolvedInventory, options: EvaluateOptions): Result[] {
  const results: Result[] = [];
  evaluatePolicyInto(policy, inventory, options, { includePassed: true, add: (r) => void results.push(r), count: () => undefined });
  return results;
}

/** Why no result of this policy in this account and region could be decided, or undefined when its collections are there. */
export function undecidedScope(policy: CompiledPolicy, inventory: ResolvedInventory, accountId: string, region: string): string | undefined {
  const causes = new Set<CollectionError>();
  for (const collection of collectionsRead(policy)) {
    if (inventory.source[collection] === undefined) return `${collection} not collected (absent from the inventory)`;
    for (const e of inventory.missing.forCollection(collection, accountId, region)) causes.add(e);
  }
  return causes.size > 0 ? `not collected: ${[...causes].map(describeError).join("; ")}` : undefined;
}

export function evaluatePolicyInto(policy: CompiledPolicy, inventory: ResolvedInventory, options: EvaluateOptions, collector: ResultCollector): void {
  const params = { ...policy.params, ...(options.params?.[policy.doc.id] ?? {}) };
  const paths = splitPaths([...new Set([...(policy.match?.paths ?? []), ...(policy.assert?.paths ?? []), ...(policy.messageExpression?.paths ?? [])])]);
  const results = { push: (r: Result): void => collector.add(r) };
  const collection = RESOURCE_TYPES[policy.resourceType].collection;
  let read: Set<CollectionName> | undefined;

  const make = (status: Status, resourceId: string, accountId: string, region: string, directoryId: string | null, message: string, evidence?: Record<string, unknown>): Result => ({
    policyId: policy.doc.id,
    status,
    severity: policy.doc.severity,
    resourceType: policy.resourceType,
    resourceId,
    accountId,
    region,
    directoryId,
    message,
    ...(evidence !== undefined ? { evidence } : {}),
    fingerprint: fingerprint(policy.doc.id, accountId, region, resourceId),
  });
  const policyId = policy.doc.id;

  // A collection that could not be listed is reported as undecided, never as silence.
  const seen = new Set<string>();
  if (inventory.source[collection] === undefined) {
    for (const accountId of inventory.source.scope.accounts) {
      for (const region of inventory.source.scope.regions) {
        seen.add(`${accountId}/${region}`);
        results.push(make("error", `${collection}@${accountId}/${region}`, accountId, region, null, `Could not decide: ${collection} not collected (absent from the inventory)`, {}));
      }
    }
  }
  for (const e of inventory.source.errors) {
    if (!e.collections.includes(collection) || (e.resourceIds?.length ?? 0) > 0 || fieldsOf(e, collection).length > 0) continue;
    const key = `${e.accountId}/${e.region}`;
    if (seen.has(key)) continue;
    seen.add(key);
    results.push(make("error", `${collection}@${key}`, e.accountId, e.region, null, `Could not decide: ${collection} not collected (${describeError(e)})`, {}));
  }

  // Decisions are memoized by what the expressions can read (see memo-key.ts); messages and evidence stay per resource.
  const keyPaths = [...new Set([...(policy.match?.readPaths ?? []), ...(policy.assert?.readPaths ?? [])])].map((p) => p.split("."));
  const memo = new Map<string, Decision>();
  const keys = new MemoKeys();
  // Only when some enrichment failed: the fields this policy reads, to check per resource.
  const reads = inventory.missing.hasFieldErrors ? fieldsRead(policy) : [];

  for (const resource of inventory.entities[policy.resourceType]) {
    const context: Record<string, unknown> = { resource, params, now: options.now };
    if (policy.variables) context["variables"] = policy.variables.bind(context);
    const key = keys.key(context, keyPaths);
    let decision = memo.get(key);
    if (decision === undefined) {
      decision = decide(policy, context);
      memo.set(key, decision);
    }
    // The common case: counted, not described (no message, fingerprint or evidence is built).
    if (decision.kind === "pass" || decision.kind === "not_applicable") {
      const status = decision.kind;
      if (!collector.includePassed) collector.count(policyId, resource.accountId, resource.region, resource.id, status);
      else results.push(make(status, resource.id, resource.accountId, resource.region, directoryOf(policy, resource), status === "pass" ? policy.doc.title : NOT_APPLICABLE));
      continue;
    }
    const directoryId = directoryOf(policy, resource);
    let outcome: { status: Status; message: string };
    switch (decision.kind) {
      case "manual":
        outcome = { status: "manual", message: `Manual control: ${policy.doc.title}` };
        break;
      case "fail":
        outcome = { status: "fail", message: failureMessage(policy, context) };
        break;
      case "invalid":
        outcome = { status: "error", message: decision.message };
        break;
      case "thrown": {
        read ??= collectionsRead(policy);
        const causes = relevantErrors(read, resource, inventory);
        let hint = causes.length > 0 ? `; not collected: ${causes.map(describeError).join("; ")}` : "";
        const dangling = inventory.unresolved.get(resource);
        if (dangling) hint += `; not in the inventory: ${Object.entries(dangling).map(([field, ids]) => `${field} ${ids.join(", ")}`).join("; ")}`;
        outcome = { status: "error", message: `Could not decide: ${decision.message}${hint}` };
        break;
      }
    }
    // A field the policy reads was not collected here: whatever the expressions made of its absence is not a decision.
    const unread = reads.length > 0 && outcome.status !== "error" ? missingFieldErrors(reads, resource, inventory) : undefined;
    if (unread) outcome = { status: "error", message: `Could not decide: ${unread.what} not collected (${unread.errors.map(describeError).join("; ")})` };
    results.push(make(outcome.status, resource.id, resource.accountId, resource.region, directoryId, outcome.message, buildEvidence(context, paths)));
  }
}

export function evaluatePolicies(policies: CompiledPolicy[], inventory: ResolvedInventory, options: EvaluateOptions): Result[] {
  return policies.flatMap((policy) => evaluatePolicy(policy, inventory, options));
}

export function evaluatePoliciesInto(policies: CompiledPolicy[], inventory: ResolvedInventory, options: EvaluateOptions, collector: ResultCollector): void {
  for (const policy of policies) evaluatePolicyInto(policy, inventory, options, collector);
}
