/** Reads a `--params` file (YAML or JSON: policy id → param → value) and checks every id, name and value type against the loaded policies. */

import { InputError } from "../input-error.js";
import type { ParamOverrides } from "./evaluate.js";
import type { CompiledPolicy } from "./policy.js";
import { readYaml } from "../shared/read-yaml.js";
import { locateYamlPath } from "../shared/yaml-locate.js";

const kind = (value: unknown): string => (Array.isArray(value) ? "array" : value === null ? "null" : typeof value);

/** Checks overrides against the policies' declared params; `where` locates a key for the error message. */
export function checkParamOverrides(data: unknown, policies: CompiledPolicy[], file: string, where: (path: string[]) => string): ParamOverrides {
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) throw new InputError(file, where([]), "expected a mapping of policy id to params");
  const byId = new Map(policies.map((p) => [p.doc.id, p]));
  const out: ParamOverrides = {};
  for (const [id, values] of Object.entries(data as Record<string, unknown>)) {
    const policy = byId.get(id);
    if (!policy) throw new InputError(file, where([id]), `unknown policy id "${id}" (not in the loaded packs)`);
    if (values === null || typeof values !== "object" || Array.isArray(values)) throw new InputError(file, where([id]), `expected a mapping of param names for ${id}`);
    const declared = policy.params;
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      // Own keys only: `in` would find `__proto__`, `constructor` and `toString` on every object.
      if (!Object.hasOwn(declared, name)) {
        const known = Object.keys(declared);
        throw new InputError(file, where([id, name]), `unknown param "${name}" for ${id}; ${known.length > 0 ? `it takes: ${known.join(", ")}` : "it takes no params"}`);
      }
      if (kind(value) !== kind(declared[name])) {
        throw new InputError(file, where([id, name]), `param "${name}" of ${id} must be ${kind(declared[name])}, got ${kind(value)}`);
      }
    }
    out[id] = values as Record<string, unknown>;
  }
  return out;
}

export function loadParamsFile(file: string, policies: CompiledPolicy[]): ParamOverrides {
  const { text, data } = readYaml(file, "params file");
  return checkParamOverrides(data, policies, file, (path) => `line ${locateYamlPath(text, path)}`);
}
