/** The offline evaluation pipeline in one call: inventory files → merged, resolved inventory → loaded packs and params → ScanReport. */

import { buildScanReport } from "../findings/build-scan-report.js";
import type { ScanReport } from "../findings/types.js";
import { loadInventorySources } from "../inventory/load-inventory-sources.js";
import { mergeInventories } from "../inventory/merge-inventories.js";
import { resolveInventory, type ResolvedInventory } from "../inventory/resolve-inventory.js";
import { PACKAGE_VERSION } from "../package-root.js";
import { evaluatePoliciesInto, undecidedScope, type ResultCollector } from "../policy/evaluate.js";
import { loadParamsFile } from "../policy/load-params.js";
import { loadPolicies, resolvePackLocations, type LoadedPolicies } from "../policy/load-policies.js";
import { inBaseline, loadFramework, type FedrampBaseline } from "../policy/framework.js";
import { buildComplianceView, countTalliesByPolicy } from "../findings/build-compliance-view.js";
import { controlsByPolicy } from "../findings/controls-by-policy.js";
import { ResultTallies } from "../findings/result-tallies.js";
import type { ComplianceView, ResultTally } from "../findings/types.js";
import { loadFrameworkDefinition, policiesMappedBy, type FrameworkSelector } from "../policy/frameworks.js";
import type { CompiledPolicy } from "../policy/policy.js";
import { selectPolicies, type PolicySelection } from "../policy/select-policies.js";
import type { Governance, PolicyMeta, Result } from "../findings/types.js";
import { applyAttestations, loadAttestations } from "../governance/attestations.js";
import { BaselineTracker, loadBaseline } from "../governance/baseline.js";
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
  /** List pass and not_applicable results too (without evidence); by default they are only counted. */
  includePassed?: boolean;
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

function complianceViews(selectors: readonly FrameworkSelector[], policies: PolicyMeta[], tallies: readonly ResultTally[]): ComplianceView[] {
  // From the tallies, which count every result: passes are not listed at fleet scale.
  const counts = countTalliesByPolicy(tallies);
  return selectors.map((s) => {
    const def = loadFrameworkDefinition(s.framework);
    return buildComplianceView(def, s.baseline, controlsByPolicy(def, policies), counts);
  });
}

export function runEvaluation(request: EvaluationRequest): ScanReport {
  // A folder argument stands for its inventories (the per-account files of `collect --out-dir`).
  const sources = loadInventorySources(request.inventoryFiles);
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
  const includePassed = request.includePassed === true;
  const tracker =
    baseline !== undefined && request.baselineFile !== undefined
      ? new BaselineTracker(baseline, request.baselineFile, { policyIds: policies.map((p) => p.doc.id), accounts: inventory.scope.accounts, regions: inventory.scope.regions })
      : undefined;
  // Passes are counted as they are decided and never kept (unless --include-passed): memory follows the failures.
  const tallies = new ResultTallies();
  let results: Result[] = [];
  const collector: ResultCollector = {
    includePassed,
    add: (r) => void results.push(r),
    count: (policyId, accountId, region, resourceId, status) => {
      tallies.counts(policyId, accountId, region)[status]++;
      if (tracker?.watches(policyId) === true) tracker.observe(policyId, accountId, region, resourceId, status);
    },
  };
  evaluatePoliciesInto(policies, resolved, { params, now: request.now }, collector);
  let governance: Governance | undefined;
  if (waivers || attestations || baseline) governance = { waivers: [], attestations: [] };
  // Governance needs the listed results only: attestations decide manual results, waivers fail ones.
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
  if (governance && tracker) {
    const byId = new Map(policies.map((p) => [p.doc.id, p]));
    const compared = tracker.finish(results, (prev) => {
      const policy = byId.get(prev.policyId);
      return policy !== undefined ? undecidedScope(policy, resolved, prev.accountId, prev.region) : undefined;
    });
    results = compared.results;
    governance.baseline = compared.summary;
  }
  // An attested pass stays listed (the attestation is its record) but, like every pass, without evidence.
  results = results.map((r) => (r.status === "pass" || r.status === "not_applicable") && r.evidence !== undefined ? withoutEvidence(r) : r);
  for (const r of results) tallies.counts(r.policyId, r.accountId, r.region)[r.status]++;
  const tallyList = tallies.list();
  return buildScanReport({
    tool: { name: "wsaudit", version: PACKAGE_VERSION },
    generatedAt: request.now.toISOString(),
    inventory,
    sources: sources.map((s) => s.file),
    policies: policies.map((p) => p.meta),
    results,
    tallies: tallyList,
    includesPassed: includePassed,
    compliance: complianceViews(views, policies.map((p) => p.meta), tallyList),
    ...(governance ? { governance } : {}),
  });
}

function withoutEvidence(r: Result): Result {
  const rest = { ...r };
  delete rest.evidence;
  return rest;
}
