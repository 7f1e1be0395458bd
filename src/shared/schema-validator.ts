/** Compiles the JSON Schemas shipped in schemas/ with Ajv (draft 2020-12) and turns their first error into a located InputError. */

import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { InputError } from "../input-error.js";
import { packagePath } from "../package-root.js";

export function createSchemaValidator<T>(schemaFile: string): ValidateFunction<T> {
  // strictRequired is off: the schemas use `required` inside if/then/oneOf for properties declared at the top.
  // validateSchema is off: checking a shipped schema against the draft 2020-12 meta-schema cost ~150 ms at every start;
  // test/unit/shared/shipped-schemas.test.ts does that check once, in CI. Without Ajv's code optimization passes the
  // inventory schema compiles in about half the time and validates as fast (measured on a 10,000-WorkSpace inventory).
  const ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true, validateSchema: false, code: { optimize: false } });
  // ajv-formats is CommonJS; its default export arrives as the module namespace under NodeNext.
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile<T>(JSON.parse(readFileSync(packagePath("schemas", schemaFile), "utf8")) as object);
}

/** Turns a schema error into a one-line, actionable description. */
export function describeSchemaError(error: ErrorObject): { pointer: string; detail: string } {
  const pointer = error.instancePath === "" ? "/" : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return { pointer, detail: `unknown property "${String(params["additionalProperty"])}"` };
    case "required":
      return { pointer, detail: `missing required property "${String(params["missingProperty"])}"` };
    case "enum":
      return { pointer, detail: `${error.message ?? "invalid value"}: ${JSON.stringify(params["allowedValues"])}` };
    default:
      return { pointer, detail: error.message ?? "invalid value" };
  }
}

/** The YAML path of a schema error (an unknown key points at the key itself). */
export function errorPath(error: ErrorObject): (string | number)[] {
  const path: (string | number)[] = error.instancePath.split("/").filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const extra = error.keyword === "additionalProperties" ? (error.params as { additionalProperty?: string }).additionalProperty : undefined;
  if (extra !== undefined) path.push(extra);
  return path;
}

/** Validates parsed YAML data, throwing an InputError at the line of the first problem. */
export function validateYamlData<T>(validate: ValidateFunction<T>, data: unknown, file: string, what: string, locate: (path: (string | number)[]) => number): T {
  if (validate(data)) return data;
  const first = validate.errors?.[0];
  if (!first) throw new InputError(file, "", `invalid ${what}`);
  const { pointer, detail } = describeSchemaError(first);
  throw new InputError(file, `line ${first.keyword === "required" && pointer === "/" ? 1 : locate(errorPath(first))} (${pointer})`, `invalid ${what}: ${detail}`);
}
