/** A load-time check that every `resource.<field>` a policy reads exists on its resource type: a misspelled field under `has()` would otherwise be silently false. */

import { InputError } from "../input-error.js";
import { resourceFields } from "../inventory/resource-fields.js";
import { isResourceType } from "../inventory/resource-types.js";
import { locateYamlPath } from "../shared/yaml-locate.js";
import type { CompiledExpression, PolicyDocument } from "./policy.js";

export function checkResourceFields(doc: PolicyDocument, expressions: Partial<Record<"match" | "assert" | "messageExpression", CompiledExpression | undefined>>, file: string, text: string): void {
  if (!isResourceType(doc.resource)) return;
  const known = resourceFields(doc.resource);
  if (known === undefined) return;
  for (const [field, expression] of Object.entries(expressions)) {
    for (const path of expression?.readPaths ?? []) {
      const name = path.split(".")[1];
      if (name === undefined || known.has(name)) continue;
      throw new InputError(file, `line ${locateYamlPath(text, [field])}`, `${field} reads resource.${name}, which a ${doc.resource} does not have; its fields: ${[...known].sort().join(", ")}`);
    }
  }
}
