/** The offline evaluation pipeline in one call: inventory files → merged, resolved inventory → loaded packs and params → ScanReport. */

import { buildScanReport } from "../findings/build-scan-report.js";
import type { ScanReport } from "../findings/types.js";
import { loadInventoryFile } from "../inventory/load-inventory.js";
import { mergeInventories } from "../inventory/merge-inventories.js";
import { resolveInventory, type ResolvedInventory } from "../inventory/resolve-inventory.js";
import { PACKAGE_VERSION } from "../package-root.js";
import { evaluatePolicies } from "../policy/evaluate.js";
import { loadParamsFile } from "../policy/load-params.js";
import { loadPolicies, resolvePackLocations, type LoadedPolicies } from "../policy/load-policies.js";
import { inBaseline, loadFramework, type FedrampBaseline } from "../policy/framework.js";
import { buildComplianceView, countResultsByPolicy } from "../findings/build-compliance-view.js";
import { controlsByPolicy } from "../findings/controls-by-policy.js";
import type { ComplianceView } from "../findings/types.js";
import { loadFrameworkDefinition, policiesMappedBy, type FrameworkSelector } from "../policy/frameworks.js";
import type { CompiledPolicy } from "../policy/policy.js";
import { selectPolicies, type PolicySelection } from "../policy/select-policies.js";
import type { Governance, PolicyMeta, Result } from "../findings/types.js";
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
  /** Evaluate only policies giving evidence for this FedRAMP baseline, and report its compliance view (alias of a fedramp-* framework). */
  fedrampBaseline?: FedrampBaseline;
  /** `--framework` selections: one compliance view each; without packs they also choose which policies run. */
  frameworks?: FrameworkSelector[];
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

/** The pack a default run (no --pack) evaluates. */
export const DEFAULT_PACK = "workspaces-best-practices";

/** --framework selections, with --fedramp-baseline as an alias of fedramp-LEVEL; duplicates dropped, order kept. */
function selectedFrameworks(request: EvaluationRequest): FrameworkSelector[] {
  const out = [...(request.frameworks ?? [])];
  const level = request.fedrampBaseline;
  if (level !== undefined && !out.some((s) => s.baseline === level)) {
    out.push({ name: `fedramp-${level.toLowerCase()}`, framework: "nist-800-53-r5", baseline: level, description: "" });
  }
  return out.filter((s, i) => out.findIndex((t) => t.name === s.name) === i);
}

/** The view reported when no framework was selected: the pack's own (fedramp: Moderate), else NIST for the policies that ran. */
function defaultView(baseline: FedrampBaseline | undefined): FrameworkSelector {
  return { name: "default", framework: "nist-800-53-r5", baseline: baseline ?? null, description: "" };
}

function complianceViews(selectors: readonly FrameworkSelector[], policies: PolicyMeta[], results: readonly Result[]): ComplianceView[] {
  // Issue 9 computes these counts from tallies instead (countTalliesByPolicy); the view builder takes either.
  const counts = countResultsByPolicy(results);
  return selectors.map((s) => {
    const def = loadFrameworkDefinition(s.framework);
    return buildComplianceView(def, s.baseline, controlsByPolicy(def, policies), counts);
  });
}

export function runEvaluation(request: EvaluationRequest): ScanReport {
  const sources = request.inventoryFiles.map((file) => ({ file, inventory: loadInventoryFile(file) }));
  const inventory = mergeInventories(sources);
  const selectors = selectedFrameworks(request);
  // Without --pack a newcomer gets the best-practices pack; FedRAMP comes with --pack fedramp or a fedramp-* framework.
  const defaultRun = request.packs.length === 0;
  const pack = loadPackSet(defaultRun ? [] : request.packs, request.baseDir);
  const loaded = pack.policies;
  const ids = loaded.map((p) => p.doc.id);
  // Every input file is read and checked before anything is evaluated, so a bad file never costs a long run.
  const params = request.paramsFile !== undefined ? loadParamsFile(request.paramsFile, loaded) : {};
  const waivers = request.waiversFile !== undefined ? loadWaivers(request.waiversFile, ids) : undefined;
  const attestations =
    request.attestationsFile !== undefined ? loadAttestations(request.attestationsFile, ids, loaded.filter((p) => p.doc.manual === true).map((p) => p.doc.id)) : undefined;
  const baseline = request.baselineFile !== undefined ? loadBaseline(request.baselineFile) : undefined;
  const framework = loadFramework();
  let policies = selectPolicies(loaded, request.selection ?? {});
  const baselines = selectors.flatMap((s) => (s.baseline !== null ? [s.baseline] : []));
  const others = selectors.filter((s) => s.baseline === null);
  const mapped = new Set(others.flatMap((s) => [...policiesMappedBy(loadFrameworkDefinition(s.framework))]));
  // A policy runs when a FedRAMP selection wants it (evidence for the baseline), or when the default run or another
  // framework does (the best-practices pack without --pack, plus any shipped policy a selected framework maps).
  const wantsOthers = baselines.length === 0 || others.length > 0;
  policies = policies.filter(
    (p) =>
      baselines.some((b) => inBaseline(framework, p.doc.controls, b)) ||
      (wantsOthers && (!defaultRun || p.meta.pack === DEFAULT_PACK || mapped.has(p.doc.id))),
  );
  const views: FrameworkSelector[] = selectors.length > 0 ? selectors : [defaultView(defaultRun ? undefined : pack.compliance?.baseline)];

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
    sources: request.inventoryFiles,
    policies: policies.map((p) => p.meta),
    results,
    compliance: complianceViews(views, policies.map((p) => p.meta), results),
    ...(governance ? { governance } : {}),
  });
}
