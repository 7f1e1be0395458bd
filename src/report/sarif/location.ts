/** The physical location of a SARIF result: a real repository file (policy YAML or inventory snapshot) and a line. */

import type { PhysicalLocation } from "sarif";
import type { PolicyMeta } from "../../findings/types.js";
import type { SarifLocationMode } from "../types.js";

// GitHub wants repository-relative URIs; Windows separators and spaces would make an invalid or unmatched URI.
export function toRepoUri(file: string): string {
  return encodeURI(file.replace(/\\/g, "/").replace(/^\.\//, ""));
}

/**
 * The line of the policy's `id:` key. endColumn assumes the usual `id: <ID>` spelling; GitHub lists the full region
 * as required, and a slightly short highlight does no harm.
 */
export function physicalLocation(
  policy: PolicyMeta | undefined,
  policyId: string,
  mode: SarifLocationMode,
  inventorySource: string | undefined,
): PhysicalLocation {
  const policyFile = policy?.source.file ?? "";
  const useInventory = (mode === "inventory" && inventorySource !== undefined && inventorySource !== "") || policyFile === "";
  if (useInventory && inventorySource !== undefined && inventorySource !== "") {
    return { artifactLocation: { uri: toRepoUri(inventorySource) }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } };
  }
  // No policy file and no inventory: still a location, because GitHub rejects the whole file for one location-less result.
  const uri = policyFile !== "" ? toRepoUri(policyFile) : `policies/${encodeURIComponent(policyId)}.yaml`;
  const line = Math.max(1, Math.trunc(policy?.source.line ?? 1));
  return { artifactLocation: { uri }, region: { startLine: line, startColumn: 1, endLine: line, endColumn: 5 + policyId.length } };
}
