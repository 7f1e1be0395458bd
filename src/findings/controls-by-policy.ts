/** The one place that says which controls of a framework each policy gives evidence for (compliance views, SARIF, ASFF). */

import type { FrameworkDefinition } from "./framework-definition.js";
import type { ComplianceView, PolicyMeta } from "./types.js";

/** Policy id → the framework's control ids it gives evidence for (policies without any are absent). */
export function controlsByPolicy(framework: FrameworkDefinition, policies: readonly PolicyMeta[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (policyId: string, controlId: string): void => {
    const list = out.get(policyId) ?? [];
    if (!list.includes(controlId)) list.push(controlId);
    out.set(policyId, list);
  };
  if (framework.mappedBy === "policy") {
    for (const p of policies) for (const c of p.controls) add(p.id, c);
  } else {
    const ran = new Set(policies.map((p) => p.id));
    for (const [controlId, control] of Object.entries(framework.controls)) for (const id of control.policies ?? []) if (ran.has(id)) add(id, controlId);
  }
  return out;
}

/** For reporters, which see only the report: the controls of each compliance view that a policy gives evidence for. */
export function relatedControls(views: readonly ComplianceView[], policyId: string): { framework: string; baseline: string | null; controls: string[] }[] {
  return views
    .map((v) => ({ framework: v.framework, baseline: v.baseline, controls: v.controls.filter((c) => c.policies.includes(policyId)).map((c) => c.id) }))
    .filter((v) => v.controls.length > 0);
}
