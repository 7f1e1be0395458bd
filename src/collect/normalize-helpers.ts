/** Small pure helpers shared by normalize functions: AWS's empty strings and missing values become explicit nulls. */

/** A string field AWS may omit or send empty ("" means none, as some endpoints reply). */
export function str(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === "" ? null : value;
}

export function num(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function bool(value: boolean | null | undefined): boolean | null {
  return typeof value === "boolean" ? value : null;
}

/** ISO 8601 from an SDK Date (or an epoch-seconds number or string from a raw fixture). */
export function iso(value: Date | string | number | null | undefined): string | null {
  if (value === undefined || value === null || value === "") return null;
  const date = value instanceof Date ? value : typeof value === "number" ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A list AWS may omit, or (some endpoints) send as an empty string. */
export function list<T>(value: readonly T[] | string | null | undefined): T[] {
  return Array.isArray(value) ? [...(value as readonly T[])] : [];
}

/** EC2 `Tags`/`TagSet` as a plain map (empty when the resource has none). */
export function tagMap(tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
  return out;
}
