/** Types of a policy as written in YAML and as compiled for evaluation. */

import type { PolicyMeta, Severity } from "../findings/types.js";
import type { ResourceType } from "../inventory/resource-types.js";
import type { PolicyVariables } from "./compile-variables.js";

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
  /** Named CEL expressions, evaluated lazily at most once per resource, read as `variables.NAME`. */
  variables?: { name: string; expression: string }[];
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
  /** The policy variables the expression reads directly (`variables.NAME`). */
  variables: string[];
  /** The checked CEL result type, e.g. "bool", "list<dyn>", "dyn". */
  type: string;
}

export interface CompiledPolicy {
  doc: PolicyDocument;
  meta: PolicyMeta;
  resourceType: ResourceType;
  /** Absolute path of the policy file. */
  file: string;
  /** Present when the policy declares `variables`: binds them, lazily, to one resource's evaluation context. */
  variables?: PolicyVariables;
  match?: CompiledExpression;
  assert?: CompiledExpression;
  messageExpression?: CompiledExpression;
  params: Record<string, unknown>;
}
