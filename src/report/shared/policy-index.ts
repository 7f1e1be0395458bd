/** Looks up the metadata of the policy behind a result, sorted by id for stable rule order. */

import type { PolicyMeta } from "../../findings/types.js";
import { compareStrings } from "../../findings/sort-results.js";

export function sortPolicies(policies: readonly PolicyMeta[]): PolicyMeta[] {
  return [...policies].sort((a, b) => compareStrings(a.id, b.id));
}

export function policyIndex(policies: readonly PolicyMeta[]): Map<string, PolicyMeta> {
  return new Map(policies.map((p) => [p.id, p]));
}
