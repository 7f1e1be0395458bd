/** Builds a result's evidence: the value at each resource path the policy reads, compacted so related entities appear by id. */

export const NOT_COLLECTED = "<not collected>";

const MAX_ITEMS = 25;
const MAX_DEPTH = 6;

const isEntity = (value: object): boolean => "id" in value && "accountId" in value && "region" in value;

const isEntityObject = (value: unknown): boolean => value !== null && typeof value === "object" && !Array.isArray(value) && isEntity(value);

/** A resolved relation: an entity, or a list holding entities. */
const isRelation = (value: unknown): boolean => isEntityObject(value) || (Array.isArray(value) && (value as unknown[]).some(isEntityObject));

/** Copies a value for the report: no cycles, related entities reduced to their plain fields, long lists truncated. */
export function compact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? Number(value) : value;
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

/** Reads a dotted path ("resource.directory.ipGroups") from the evaluation context. */
export function readPath(root: Record<string, unknown>, path: string): unknown {
  let current: unknown = root;
  for (const segment of path.split(".")) {
    if (current === null) return null;
    if (typeof current !== "object" || !(segment in current)) return NOT_COLLECTED;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export function buildEvidence(context: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const evidence: Record<string, unknown> = {};
  for (const path of paths) evidence[path] = compact(readPath(context, path), 1);
  return evidence;
}
