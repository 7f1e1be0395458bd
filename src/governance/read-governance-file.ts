/** Reads a waivers or attestations YAML file, validates it against its schema, and checks ids and policy references with a line for each error. */

import type { ValidateFunction } from "ajv/dist/2020.js";
import { InputError } from "../input-error.js";
import { readYaml } from "../shared/read-yaml.js";
import { locateYamlPath } from "../shared/yaml-locate.js";
import { createSchemaValidator, validateYamlData } from "../shared/schema-validator.js";
import { isGlob, matchesAny } from "../shared/match-pattern.js";

export interface GovernanceEntryBase {
  id: string;
  policy: string;
}

const validators = new Map<string, ValidateFunction<unknown>>();

/**
 * @param key "waivers" or "attestations": the schema file and the list key
 * @param policyIds ids of the loaded policies; an exact id must exist, a glob must match one
 */
export function readGovernanceFile<T extends GovernanceEntryBase>(file: string, key: "waivers" | "attestations", policyIds: string[]): { entries: T[]; lineOf: (index: number) => number } {
  const { text, data } = readYaml(file, `${key} file`);
  let validate = validators.get(key);
  if (!validate) {
    validate = createSchemaValidator<unknown>(`${key}.schema.json`);
    validators.set(key, validate);
  }
  const doc = validateYamlData(validate, data, file, `${key} file`, (path) => locateYamlPath(text, path)) as Record<string, T[]>;
  const entries = doc[key] ?? [];
  const lineOf = (index: number): number => locateYamlPath(text, [key, index]);
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) throw new InputError(file, `line ${lineOf(index)}`, `duplicate id "${entry.id}"`);
    seen.add(entry.id);
    if (!policyIds.some((id) => matchesAny([entry.policy], id))) {
      const what = isGlob(entry.policy) ? "matches no loaded policy" : "is not a loaded policy id";
      throw new InputError(file, `line ${locateYamlPath(text, [key, index, "policy"])}`, `policy "${entry.policy}" ${what}`);
    }
  });
  return { entries, lineOf };
}
