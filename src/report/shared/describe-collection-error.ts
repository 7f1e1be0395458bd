/** One line that says what a collection error left out, shared by every format so they all say the same thing. */

import type { CollectionError } from "../../inventory/model.js";
import { compareStrings, firstDifference } from "../../findings/sort-results.js";

export function describeCollectionError(e: CollectionError): string {
  // Field-level failures name their fields; the other collections listed are missing whole.
  const partial = new Set((e.fields ?? []).map((f) => f.split(".")[0]));
  const parts = [...e.collections.filter((c) => !partial.has(c)), ...(e.fields ?? [])];
  const what = parts.length > 0 ? parts.join(", ") : "unknown collections";
  const some = e.resourceIds !== undefined && e.resourceIds.length > 0 ? ` (resources: ${e.resourceIds.join(", ")})` : "";
  return `not collected: ${what}${some} in account ${e.accountId}, region ${e.region}: ${e.service}:${e.operation} failed with ${e.code}: ${e.message}`;
}

export function sortCollectionErrors(errors: readonly CollectionError[]): CollectionError[] {
  return [...errors].sort(
    (a, b) =>
      firstDifference(
        compareStrings(a.accountId, b.accountId),
        compareStrings(a.region, b.region),
        compareStrings(a.service, b.service),
        compareStrings(a.operation, b.operation),
        compareStrings(a.code, b.code),
        compareStrings(a.message, b.message),
      ),
  );
}
