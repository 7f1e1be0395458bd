/** Reads inventory JSON files and validates them against the inventory schema; every failure is an InputError naming the file and JSON pointer. */

import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { InputError } from "../input-error.js";
import { checkInventoryConsistency } from "./check-inventory-consistency.js";
import { checkDataLimits, DEFAULT_DATA_LIMITS } from "../shared/check-data-limits.js";
import { createSchemaValidator, describeSchemaError } from "../shared/schema-validator.js";
import { jsonErrorOffset } from "./json-error-offset.js";
import type { Inventory } from "./model.js";

let validator: ValidateFunction<Inventory> | undefined;

function getValidator(): ValidateFunction<Inventory> {
  validator ??= createSchemaValidator<Inventory>("inventory.schema.json");
  return validator;
}

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line} column ${column}`;
}

/** Validates already-parsed data; returns the first schema error, or null when valid. */
export function validateInventoryData(data: unknown): ErrorObject | null {
  const validate = getValidator();
  return validate(data) ? null : (validate.errors?.[0] ?? null);
}

export function parseInventory(text: string, file: string): Inventory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const place = offset >= 0 ? lineAndColumn(text, offset) : "";
    const found = offset >= text.length ? "unexpected end of file" : `unexpected ${JSON.stringify(text.slice(offset, offset + 1))}`;
    throw new InputError(file, place, `malformed JSON: ${offset >= 0 ? found : (error as Error).message.split("\n")[0] ?? "syntax error"}`);
  }
  // Before the schema: a 100,000-deep document or a 10 MB string would exhaust the validator, not fail it.
  const limit = checkDataLimits(data, { ...DEFAULT_DATA_LIMITS, maxNodes: Number.POSITIVE_INFINITY }, false);
  if (limit) throw new InputError(file, limit.pointer, `beyond the inventory input limits: ${limit.detail}`);
  if (typeof data === "object" && data !== null && "schemaVersion" in data) {
    const version = String((data).schemaVersion);
    if (!/^1\.\d+$/.test(version)) {
      throw new InputError(file, "/schemaVersion", `unsupported inventory schemaVersion "${version}"; this wsaudit reads 1.x`);
    }
  }
  const validate = getValidator();
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const { pointer, detail } = first ? describeSchemaError(first) : { pointer: "/", detail: "invalid inventory" };
    const hint = first?.keyword === "additionalProperties" && pointer === "/" ? " (not a collection of inventory schema 1.x)" : "";
    throw new InputError(file, pointer, `does not match the inventory schema: ${detail}${hint}`);
  }
  const inconsistent = checkInventoryConsistency(data);
  if (inconsistent) throw new InputError(file, inconsistent.pointer, inconsistent.detail);
  return data;
}

export function loadInventoryFile(file: string): Inventory {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(file, "", `cannot read inventory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseInventory(text, file);
}
