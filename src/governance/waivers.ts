/** Waivers: accepted exceptions with justification, owner and expiry that turn matching failures into `waived`, and report expired and unused ones. */

import type { GovernanceEntry, Result } from "../findings/types.js";
import { matchesAny } from "../shared/match-pattern.js";
import { readGovernanceFile } from "./read-governance-file.js";
import { expiryInstant, inScope, type ResourceScope, type TagLookup } from "./scope.js";

export interface Waiver extends ResourceScope {
  id: string;
  policy: string;
  justification: string;
  owner: string;
  expires: string;
}

export function loadWaivers(file: string, policyIds: string[]): Waiver[] {
  return readGovernanceFile<Waiver>(file, "waivers", policyIds).entries;
}

/**
 * Only `fail` results can be waived: an `error` stays an error (a waiver cannot decide for missing data), and passes
 * need no waiver. The first current waiver in file order wins.
 */
export function applyWaivers(results: Result[], waivers: Waiver[], now: Date, tagsOf: TagLookup): { results: Result[]; entries: GovernanceEntry[] } {
  const current = waivers.filter((w) => expiryInstant(w.expires) >= now.getTime());
  const matched = new Map<string, number>();
  const out = results.map((result) => {
    if (result.status !== "fail") return result;
    const waiver = current.find((w) => matchesAny([w.policy], result.policyId) && inScope(w, result, tagsOf));
    if (!waiver) return result;
    matched.set(waiver.id, (matched.get(waiver.id) ?? 0) + 1);
    return {
      ...result,
      status: "waived" as const,
      message: `${result.message} (waived by ${waiver.id} until ${waiver.expires}: ${waiver.justification})`,
      waiver: { id: waiver.id, justification: waiver.justification, owner: waiver.owner, expires: waiver.expires },
    };
  });
  const entries = waivers.map((w): GovernanceEntry => {
    const count = matched.get(w.id) ?? 0;
    const state = !current.includes(w) ? "expired" : count > 0 ? "applied" : "unused";
    return { id: w.id, policy: w.policy, owner: w.owner, expires: w.expires, state, matched: count };
  });
  return { results: out, entries };
}
