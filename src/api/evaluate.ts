/** `evaluate`: the offline evaluation of `wsaudit evaluate` as one call, from inventory files to a ScanReport. */

import type { ScanReport, Severity } from "../findings/types.js";
import { runEvaluation, type EvaluationRequest } from "../pipeline/run-evaluation.js";
import type { FedrampBaseline } from "../policy/framework.js";

export interface EvaluateOptions {
  /** Inventory files written by `collect` (several evaluate as one). */
  inventory: string | readonly string[];
  /** Shipped pack names or folders/files of policies; default: every shipped pack. */
  packs?: readonly string[];
  /** YAML/JSON file of param overrides (`POLICY-ID: {param: value}`). */
  paramsFile?: string;
  /** Evaluate only these policies (ids, names or globs). */
  policies?: readonly string[];
  /** Do not evaluate these policies (ids, names or globs). */
  skipPolicies?: readonly string[];
  /** Evaluate only policies of these severities. */
  severities?: readonly Severity[];
  /** Only the policies giving evidence for this FedRAMP Rev. 5 baseline, and that baseline's compliance view. */
  fedrampBaseline?: FedrampBaseline;
  waiversFile?: string;
  attestationsFile?: string;
  /** A previous run's `wsaudit.json`: failures are marked new or unchanged, fixed ones listed. */
  baselineFile?: string;
  /** The evaluation time (CEL `now`, report timestamps); default: the clock. */
  now?: Date;
  /** Policy source paths in reports are relative to this folder; default: the working directory. */
  baseDir?: string;
}

/** Throws an `InputError` (file and place named) for any bad input; never writes anything. */
export function evaluate(options: EvaluateOptions): ScanReport {
  const request: EvaluationRequest = {
    inventoryFiles: typeof options.inventory === "string" ? [options.inventory] : [...options.inventory],
    packs: [...(options.packs ?? [])],
    now: options.now ?? new Date(),
    selection: {
      policies: [...(options.policies ?? [])],
      skip: [...(options.skipPolicies ?? [])],
      ...(options.severities !== undefined ? { severities: [...options.severities] } : {}),
    },
  };
  if (options.paramsFile !== undefined) request.paramsFile = options.paramsFile;
  if (options.waiversFile !== undefined) request.waiversFile = options.waiversFile;
  if (options.attestationsFile !== undefined) request.attestationsFile = options.attestationsFile;
  if (options.baselineFile !== undefined) request.baselineFile = options.baselineFile;
  if (options.fedrampBaseline !== undefined) request.fedrampBaseline = options.fedrampBaseline;
  if (options.baseDir !== undefined) request.baseDir = options.baseDir;
  return runEvaluation(request);
}
