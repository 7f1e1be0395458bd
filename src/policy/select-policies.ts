/** Selects the policies a run evaluates: `--policy` and `--skip-policy` ids or globs, and `--severity` lists; a selector matching nothing is an error. */

import { SEVERITIES, type Severity } from "../findings/types.js";
import { globToRegExp, isGlob } from "../shared/match-pattern.js";
import { InputError } from "../input-error.js";
import type { CompiledPolicy } from "./policy.js";

export interface PolicySelection {
  policies?: string[];
  skip?: string[];
  severities?: Severity[];
}

export function parseSeverities(value: string): Severity[] {
  const list = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const s of list) {
    if (!(SEVERITIES as readonly string[]).includes(s)) throw new InputError("--severity", value, `unknown severity "${s}"; expected a comma-separated list of ${SEVERITIES.join(", ")}`);
  }
  return list as Severity[];
}

function matcher(flag: string, patterns: string[], policies: CompiledPolicy[]): (p: CompiledPolicy) => boolean {
  const tests = patterns.map((pattern) => {
    const re = isGlob(pattern) ? globToRegExp(pattern) : null;
    const test = (p: CompiledPolicy): boolean => (re ? re.test(p.doc.id) : p.doc.id === pattern || p.doc.name === pattern);
    if (!policies.some(test)) throw new InputError(flag, pattern, isGlob(pattern) ? "matches no loaded policy" : "no loaded policy has this id or name; see `wsaudit policies list`");
    return test;
  });
  return (p) => tests.some((t) => t(p));
}

export function selectPolicies(policies: CompiledPolicy[], selection: PolicySelection): CompiledPolicy[] {
  let chosen = policies;
  if (selection.policies && selection.policies.length > 0) chosen = chosen.filter(matcher("--policy", selection.policies, policies));
  if (selection.skip && selection.skip.length > 0) {
    const skip = matcher("--skip-policy", selection.skip, policies);
    chosen = chosen.filter((p) => !skip(p));
  }
  if (selection.severities && selection.severities.length > 0) {
    const wanted = new Set(selection.severities);
    chosen = chosen.filter((p) => wanted.has(p.doc.severity));
  }
  return chosen;
}
