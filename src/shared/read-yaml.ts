/** Reads a YAML file into plain JSON-compatible data, turning syntax errors into one-line InputErrors with a line and column. */

import { readFileSync } from "node:fs";
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { InputError } from "../input-error.js";
import { checkDataLimits } from "./check-data-limits.js";

export interface YamlFile {
  file: string;
  text: string;
  data: unknown;
}

export function readYaml(file: string, label = "YAML"): YamlFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(file, "", `cannot read ${label}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { file, text, data: parseYaml(text, file) };
}

export function parseYaml(text: string, file: string): unknown {
  let data: unknown;
  try {
    // The core schema keeps dates as strings and rejects nothing JSON would accept.
    data = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = (error as YAMLException & { mark?: { line: number; column: number } }).mark;
      const reason = (error as YAMLException & { reason?: string }).reason ?? error.message.split("\n")[0] ?? "syntax error";
      throw new InputError(file, mark ? `line ${mark.line + 1} column ${mark.column + 1}` : "", `malformed YAML: ${reason}`);
    }
    throw error;
  }
  // Aliases share nodes: an alias bomb or a self-reference is cheap to load and unbounded for every later reader.
  const problem = checkDataLimits(data);
  if (problem) throw new InputError(file, problem.pointer, `YAML beyond the input limits: ${problem.detail}`);
  return data;
}
