/** Small pure helpers shared by normalize functions: AWS's empty strings and missing values become explicit nulls. */

import type { PolicyDocumentJson } from "../inventory/model.js";

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

/**
 * Parses an IAM-style policy document (a KMS key policy, an IAM trust policy). IAM returns its documents URL-encoded;
 * KMS returns plain JSON. A single Statement object becomes a one-element list, so policies can always iterate.
 * Throws on text that is not a JSON object.
 */
export function parsePolicyDocument(text: string): PolicyDocumentJson {
  const trimmed = text.trim();
  const json = trimmed.startsWith("%7B") || trimmed.startsWith("%7b") ? decodeURIComponent(trimmed) : trimmed;
  const doc: unknown = JSON.parse(json);
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new SyntaxError("policy document is not a JSON object");
  const { Version, Statement, ...rest } = doc as Record<string, unknown>;
  const statements = Array.isArray(Statement) ? Statement : Statement === undefined ? [] : [Statement];
  return {
    ...rest,
    ...(typeof Version === "string" ? { Version } : {}),
    Statement: statements.filter((s): s is Record<string, unknown> => s !== null && typeof s === "object" && !Array.isArray(s)),
  };
}
