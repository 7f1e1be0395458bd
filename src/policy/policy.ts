/** Types of a policy as written in YAML and as compiled for evaluation. */

import type { PolicyMeta, Severity } from "../findings/types.js";
import type { ResourceType } from "../inventory/resource-types.js";

export interface ParamSpec {
  default: unknown;
  description: string;
}

/** A policy file exactly as the schema allows it. */
export interface PolicyDocument {
  id: string;
  name: string;
  title: string;
  description: string;
  severity: Severity;
  severityReason?: string;
  resource: string;
  manual?: boolean;
  match?: string;
  assert?: string;
  message: string;
  messageExpression?: string;
  remediation: string;
  references: { title: string; document?: string; section?: string; url?: string }[];
  controls: string[];
  controlsNote?: string;
  params?: Record<string, ParamSpec>;
}

/** A CEL expression compiled once, with the resource paths it reads (for evidence). */
export interface CompiledExpression {
  source: string;
  evaluate: (context: Record<string, unknown>) => unknown;
  /** Dotted paths rooted at `resource`, e.g. "resource.directory.ipGroups" (the longest of each chain, for evidence). */
  paths: string[];
  /** Every member chain rooted at `resource` the expression reads, prefixes included: what its value can depend on. */
  readPaths: string[];
}

export interface CompiledPolicy {
  doc: PolicyDocument;
  meta: PolicyMeta;
  resourceType: ResourceType;
  /** Absolute path of the policy file. */
  file: string;
  match?: CompiledExpression;
  assert?: CompiledExpression;
  messageExpression?: CompiledExpression;
  params: Record<string, unknown>;
}
