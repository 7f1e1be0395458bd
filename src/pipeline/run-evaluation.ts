/** The offline evaluation pipeline in one call: inventory files → merged, resolved inventory → loaded packs and params → ScanReport. */

import { buildScanReport } from "../findings/build-scan-report.js";
import type { ScanReport } from "../findings/types.js";
import { loadInventorySources } from "../inventory/load-inventory-sources.js";
import { mergeInventories } from "../inventory/merge-inventories.js";
import { resolveInventory, type ResolvedInventory } from "../inventory/resolve-inventory.js";
import { PACKAGE_VERSION } from "../package-root.js";
import { evaluatePolicies } from "../policy/evaluate.js";
import { loadParamsFile } from "../policy/load-params.js";
import { loadPolicies, resolvePackLocations, type LoadedPolicies } from "../policy/load-policies.js";
import { inBaseline, loadFramework, type FedrampBaseline } from "../policy/framework.js";
import { buildComplianceView } from "../findings/build-compliance-view.js";
import type { CompiledPolicy } from "../policy/policy.js";
import { selectPolicies, type PolicySelection } from "../policy/select-policies.js";
import type { Governance } from "../findings/types.js";
import { applyAttestations, loadAttestations } from "../governance/attestations.js";
import { compareWithBaseline, loadBaseline } from "../governance/baseline.js";
import type { TagLookup } from "../governance/scope.js";
import { applyWaivers, loadWaivers } from "../governance/waivers.js";

export interface EvaluationRequest {
  inventoryFiles: string[];
  /** Pack names or paths; empty = every shipped pack. */
  packs: string[];
  paramsFile?: string;
  selection?: PolicySelection;
  waiversFile?: string;
  attestationsFile?: string;
  /** A previous run's JSON report. */
  baselineFile?: string;
  /** Evaluate only policies giving evidence for this FedRAMP baseline, and report its compliance view. */
  fedrampBaseline?: FedrampBaseline;
  now: Date;
  /** Policy source paths in reports are relative to this folder (the repository root in CI). */
  baseDir?: string;
}

/** Loads packs, throwing the first load error (every error is an InputError naming file and line). */
export function loadPolicySet(packs: string[], baseDir?: string): CompiledPolicy[] {
  return loadPackSet(packs, baseDir).policies;
}

function loadPackSet(packs: string[], baseDir?: string): LoadedPolicies {
  const loaded = loadPolicies(resolvePackLocations(packs), baseDir);
  const [first] = loaded.errors;
  if (first) throw first;
  return loaded;
}

/** Tags of the resource a result is about, for waiver and attestation scopes. */
function tagLookup(resolved: ResolvedInventory): TagLookup {
  const tags = new Map<string, Record<string, string>>();
  for (const [type, views] of Object.entries(resolved.entities)) {
    for (const v of views) {
      const t = v["tags"];
      if (t !== undefined && t !== null) tags.set(`${type}|${v.accountId}|${v.region}|${v.id}`, t as Record<string, string>);
    }
  }
  return (r) => tags.get(`${r.resourceType}|${r.accountId}|${r.region}|${r.resourceId}`);
}

export function runEvaluation(request: EvaluationRequest): ScanReport {
  // A folder argument stands for its inventories (the per-account files of `collect --out-dir`).
  const sources = loadInventorySources(request.inventoryFiles);
  const inventory = mergeInventories(sources);
  const pack = loadPackSet(request.packs, request.baseDir);
  const loaded = pack.policies;
  const ids = loaded.map((p) => p.doc.id);
  // Every input file is read and checked before anything is evaluated, so a bad file never costs a long run.
  const params = request.paramsFile !== undefined ? loadParamsFile(request.paramsFile, loaded) : {};
  const waivers = request.waiversFile !== undefined ? loadWaivers(request.waiversFile, ids) : undefined;
  const attestations =
    request.attestationsFile !== undefined ? loadAttestations(request.attestationsFile, ids, loaded.filter((p) => p.doc.manual === true).map((p) => p.doc.id)) : undefined;
  const baseline = request.baselineFile !== undefined ? loadBaseline(request.baselineFile) : undefined;
  const framework = loadFramework();
  const complianceBaseline = request.fedrampBaseline ?? pack.compliance?.baseline ?? null;
  let policies = selectPolicies(loaded, request.selection ?? {});
  const wanted = request.fedrampBaseline;
  if (wanted !== undefined) policies = policies.filter((p) => inBaseline(framework, p.doc.controls, wanted));

  const resolved = resolveInventory(inventory);
  const tagsOf = tagLookup(resolved);
  let results = evaluatePolicies(policies, resolved, { params, now: request.now });
  let governance: Governance | undefined;
  if (waivers || attestations || baseline) governance = { waivers: [], attestations: [] };
  if (governance && attestations) {
    const applied = applyAttestations(results, attestations, request.now, tagsOf);
    results = applied.results;
    governance.attestations = applied.entries;
  }
  if (governance && waivers) {
    const applied = applyWaivers(results, waivers, request.now, tagsOf);
    results = applied.results;
    governance.waivers = applied.entries;
  }
  if (governance && baseline && request.baselineFile !== undefined) {
    const coverage = { policyIds: policies.map((p) => p.doc.id), accounts: inventory.scope.accounts, regions: inventory.scope.regions };
    const compared = compareWithBaseline(results, baseline, request.baselineFile, coverage);
    results = compared.results;
    governance.baseline = compared.summary;
  }
  return buildScanReport({
    tool: { name: "wsaudit", version: PACKAGE_VERSION },
    generatedAt: request.now.toISOString(),
    inventory,
    sources: sources.map((s) => s.file),
    policies: policies.map((p) => p.meta),
    results,
    compliance: buildComplianceView(framework.controls, complianceBaseline, policies.map((p) => p.meta), results),
    ...(governance ? { governance } : {}),
  });
}
