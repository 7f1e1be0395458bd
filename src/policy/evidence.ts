/** Builds a result's evidence: the value at each resource path the policy reads, compacted so related entities appear by id. */

export const NOT_COLLECTED = "<not collected>";

const MAX_ITEMS = 25;
const MAX_DEPTH = 6;

const isEntity = (value: object): boolean => "id" in value && "accountId" in value && "region" in value;

const isEntityObject = (value: unknown): boolean => value !== null && typeof value === "object" && !Array.isArray(value) && isEntity(value);

/** A resolved relation: an entity, or a list holding entities. */
const isRelation = (value: unknown): boolean => isEntityObject(value) || (Array.isArray(value) && (value as unknown[]).some(isEntityObject));

/**
 * Compacted related entities, per depth: the same security group or directory is the evidence of thousands of results,
 * so it is copied once and shared (results are never mutated after evaluation).
 */
const entityCache = new WeakMap<object, unknown[]>();

/** Copies a value for the report: no cycles, related entities reduced to their plain fields, long lists truncated. */
export function compact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? Number(value) : value;
  if (depth > 0 && !Array.isArray(value) && isEntity(value)) {
    let byDepth = entityCache.get(value);
    if (!byDepth) {
      byDepth = [];
      entityCache.set(value, byDepth);
    }
    return (byDepth[depth] ??= compactObject(value, depth));
  }
  return compactObject(value, depth);
}

function compactObject(value: object, depth: number): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => compact(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`);
    return items;
  }
  if (depth >= MAX_DEPTH) return isEntity(value) ? { id: (value as { id: unknown }).id } : "…";
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    // Inside an entity, nested entities (resolved relations) would repeat the inventory: keep only their own fields.
    if (depth > 0 && isRelation(field)) continue;
    out[key] = compact(field, depth + 1);
  }
  return out;
}

/** Reads a path (["resource", "directory", "ipGroups"]) from the evaluation context. */
export function readPath(root: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null) return null;
    if (typeof current !== "object" || !(segment in current)) return NOT_COLLECTED;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Paths split once per policy, not once per result. */
export type EvidencePaths = readonly (readonly [string, readonly string[]])[];

export const splitPaths = (paths: readonly string[]): EvidencePaths => paths.map((p) => [p, p.split(".")] as const);

export function buildEvidence(context: Record<string, unknown>, paths: EvidencePaths): Record<string, unknown> {
  const evidence: Record<string, unknown> = {};
  for (const [name, segments] of paths) evidence[name] = compact(readPath(context, segments), 1);
  return evidence;
}
