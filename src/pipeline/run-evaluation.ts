/** The offline evaluation pipeline in one call: inventory files → merged, resolved inventory → loaded packs and params → ScanReport. */

import { buildScanReport } from "../findings/build-scan-report.js";
import type { ScanReport } from "../findings/types.js";
import { loadInventoryFile } from "../inventory/load-inventory.js";
import { mergeInventories } from "../inventory/merge-inventories.js";
import { resolveInventory } from "../inventory/resolve-inventory.js";
import { PACKAGE_VERSION } from "../package-root.js";
import { evaluatePolicies } from "./evaluate.js";
import { loadParamsFile } from "./load-params.js";
import { loadPolicies, resolvePackLocations } from "./load-policies.js";
import type { CompiledPolicy } from "./policy.js";

export interface EvaluationRequest {
  inventoryFiles: string[];
  /** Pack names or paths; empty = every shipped pack. */
  packs: string[];
  paramsFile?: string;
  now: Date;
  /** Policy source paths in reports are relative to this folder (the repository root in CI). */
  baseDir?: string;
}

/** Loads packs, throwing the first load error (every error is an InputError naming file and line). */
export function loadPolicySet(packs: string[], baseDir?: string): CompiledPolicy[] {
  const { policies, errors } = loadPolicies(resolvePackLocations(packs), baseDir);
  const [first] = errors;
  if (first) throw first;
  return policies;
}

export function runEvaluation(request: EvaluationRequest): ScanReport {
  const sources = request.inventoryFiles.map((file) => ({ file, inventory: loadInventoryFile(file) }));
  const inventory = mergeInventories(sources);
  const policies = loadPolicySet(request.packs, request.baseDir);
  const params = request.paramsFile !== undefined ? loadParamsFile(request.paramsFile, policies) : {};
  const results = evaluatePolicies(policies, resolveInventory(inventory), { params, now: request.now });
  return buildScanReport({
    tool: { name: "wsaudit", version: PACKAGE_VERSION },
    generatedAt: request.now.toISOString(),
    inventory,
    sources: request.inventoryFiles,
    policies: policies.map((p) => p.meta),
    results,
  });
}
