/** Attestations for manual controls: a current attestation decides a `manual` result (pass or fail); without one it stays `manual`, never a pass. */

import { InputError } from "../input-error.js";
import type { GovernanceEntry, Result } from "../findings/types.js";
import { matchesAny } from "../shared/match-pattern.js";
import { readGovernanceFile } from "./read-governance-file.js";
import { expiryInstant, inScope, type ResourceScope, type TagLookup } from "./scope.js";

export interface Attestation extends ResourceScope {
  id: string;
  policy: string;
  compliant: boolean;
  attestedBy: string;
  attestedAt: string;
  evidence: string;
  expires: string;
}

/** @param manualPolicyIds attestations may only name manual policies */
export function loadAttestations(file: string, policyIds: string[], manualPolicyIds: string[]): Attestation[] {
  const { entries, lineOf } = readGovernanceFile<Attestation>(file, "attestations", policyIds);
  entries.forEach((a, index) => {
    if (!manualPolicyIds.some((id) => matchesAny([a.policy], id))) {
      throw new InputError(file, `line ${lineOf(index)}`, `attestation "${a.id}" names ${a.policy}, which is not a manual policy; automated policies are decided by the inventory`);
    }
  });
  return entries;
}

export function applyAttestations(results: Result[], attestations: Attestation[], now: Date, tagsOf: TagLookup): { results: Result[]; entries: GovernanceEntry[] } {
  const current = attestations.filter((a) => expiryInstant(a.expires) >= now.getTime());
  const matched = new Map<string, number>();
  const out = results.map((result) => {
    if (result.status !== "manual") return result;
    const attestation = current.find((a) => matchesAny([a.policy], result.policyId) && inScope(a, result, tagsOf));
    if (!attestation) return result;
    matched.set(attestation.id, (matched.get(attestation.id) ?? 0) + 1);
    const verdict = attestation.compliant ? "compliant" : "not compliant";
    return {
      ...result,
      status: attestation.compliant ? ("pass" as const) : ("fail" as const),
      message: `Attested ${verdict} by ${attestation.attestedBy} on ${attestation.attestedAt} (evidence: ${attestation.evidence}; expires ${attestation.expires})`,
      attestation: { id: attestation.id, attestedBy: attestation.attestedBy, attestedAt: attestation.attestedAt, evidence: attestation.evidence, expires: attestation.expires },
    };
  });
  const entries = attestations.map((a): GovernanceEntry => {
    const count = matched.get(a.id) ?? 0;
    const state = !current.includes(a) ? "expired" : count > 0 ? "applied" : "unused";
    return { id: a.id, policy: a.policy, owner: a.attestedBy, expires: a.expires, state, matched: count };
  });
  return { results: out, entries };
}
