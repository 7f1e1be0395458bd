/** The fields a policy may read on each resource type: the inventory schema's properties of its entity, plus the relation fields `resolveInventory` adds. */

import { readFileSync } from "node:fs";
import { packagePath } from "../package-root.js";
import { RESOURCE_TYPES, type ResourceType } from "./resource-types.js";

let fields: Map<string, ReadonlySet<string>> | undefined;

function load(): Map<string, ReadonlySet<string>> {
  const schema = JSON.parse(readFileSync(packagePath("schemas", "inventory.schema.json"), "utf8")) as { $defs: Record<string, { properties?: Record<string, unknown> }> };
  const out = new Map<string, ReadonlySet<string>>();
  for (const [type, info] of Object.entries(RESOURCE_TYPES)) {
    const own = Object.keys(schema.$defs[type]?.properties ?? {});
    out.set(type, new Set([...own, ...Object.keys(info.relations)]));
  }
  return out;
}

/** The known fields of a resource type, or undefined when the schema does not describe it (then nothing is checked). */
export function resourceFields(type: ResourceType): ReadonlySet<string> | undefined {
  fields ??= load();
  const known = fields.get(type);
  return known !== undefined && known.size > 0 ? known : undefined;
}
