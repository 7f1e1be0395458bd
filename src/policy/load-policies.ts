/** Loads policy packs: finds policy files, validates each against the policy schema, compiles every CEL expression, rejects duplicate ids. */

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { InputError } from "../input-error.js";
import { compareStrings } from "../findings/sort-results.js";
import { isResourceType, RESOURCE_TYPE_IDS } from "../inventory/resource-types.js";
import { packagePath } from "../package-root.js";
import { createSchemaValidator, validateYamlData } from "../shared/schema-validator.js";
import { checkResourceFields } from "./check-resource-fields.js";
import { compileExpression, ExpressionError } from "./compile-expression.js";
import { compileVariables, VariableError, withVariablePaths, type PolicyVariables } from "./compile-variables.js";
import { inBaseline, loadFramework, type FedrampBaseline } from "./framework.js";
import type { CompiledExpression, CompiledPolicy, PolicyDocument } from "./policy.js";
import { parseYaml } from "../shared/read-yaml.js";
import { locateYamlPath } from "../shared/yaml-locate.js";

export const SHIPPED_PACKS_DIR = packagePath("policies");

let policyValidator: ValidateFunction<PolicyDocument> | undefined;

/** The names of the packs shipped in `policies/` (folders with a pack.yaml). */
export function shippedPackNames(): string[] {
  if (!existsSync(SHIPPED_PACKS_DIR)) return [];
  return readdirSync(SHIPPED_PACKS_DIR)
    .filter((name) => existsSync(join(SHIPPED_PACKS_DIR, name, "pack.yaml")))
    .sort();
}

/** Resolves `--pack` values: a shipped pack name or a path to a folder or file. */
export function resolvePackLocations(specs: string[], label = "--pack"): string[] {
  const chosen = specs.length > 0 ? specs : shippedPackNames();
  return chosen.map((spec) => {
    if (existsSync(spec)) return resolve(spec);
    const shipped = join(SHIPPED_PACKS_DIR, spec);
    if (/^[a-z0-9-]+$/.test(spec) && existsSync(join(shipped, "pack.yaml"))) return shipped;
    throw new InputError(label, spec, `no such pack or path; shipped packs: ${shippedPackNames().join(", ")}`);
  });
}

const isPolicyFile = (name: string): boolean => /\.ya?ml$/.test(name) && !/\.test\.ya?ml$/.test(name) && name !== "pack.yaml";

/** Policy files under a folder (recursively) or the file itself. */
export function policyFiles(location: string): string[] {
  if (statSync(location).isFile()) return [location];
  const out: string[] = [];
  for (const entry of readdirSync(location, { withFileTypes: true })) {
    const full = join(location, entry.name);
    if (entry.isDirectory()) out.push(...policyFiles(full));
    else if (isPolicyFile(entry.name)) out.push(full);
  }
  return out.sort();
}

export interface PackManifest {
  name: string;
  title: string;
  description: string;
  version?: string;
  compliance?: { framework: "nist-800-53-r5"; baseline?: FedrampBaseline };
  include?: { pack: string; policies?: string[]; controlsInBaseline?: FedrampBaseline }[];
}

let manifestValidator: ValidateFunction<PackManifest> | undefined;

/** Reads and validates a folder's pack.yaml; null when the folder has none. */
export function readPackManifest(dir: string): { file: string; text: string; manifest: PackManifest } | null {
  const file = join(dir, "pack.yaml");
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  manifestValidator ??= createSchemaValidator<PackManifest>("pack.schema.json");
  const manifest = validateYamlData(manifestValidator, parseYaml(text, file), file, "pack manifest", (path) => locateYamlPath(text, path));
  return { file, text, manifest };
}

/** Policy files another pack reuses by id (or by FedRAMP baseline), resolved against the referenced pack's files. */
function includedFiles(manifestFile: string, text: string, manifest: PackManifest): string[] {
  const out: string[] = [];
  (manifest.include ?? []).forEach((include, i) => {
    const shipped = join(SHIPPED_PACKS_DIR, include.pack);
    const dir = /^[a-z0-9-]+$/.test(include.pack) && existsSync(join(shipped, "pack.yaml")) ? shipped : resolve(dirname(manifestFile), include.pack);
    if (!existsSync(dir)) throw new InputError(manifestFile, `line ${locateYamlPath(text, ["include", i, "pack"])}`, `no such pack "${include.pack}"`);
    const docs = policyFiles(dir).map((file) => ({ file, doc: parseYaml(readFileSync(file, "utf8"), file) as { id?: unknown; controls?: unknown } | null }));
    (include.policies ?? []).forEach((id, j) => {
      const found = docs.find((d) => d.doc?.id === id);
      if (!found) throw new InputError(manifestFile, `line ${locateYamlPath(text, ["include", i, "policies", j])}`, `pack "${include.pack}" has no policy ${id}`);
      out.push(found.file);
    });
    const baseline = include.controlsInBaseline;
    if (baseline !== undefined) {
      const framework = loadFramework();
      for (const d of docs) if (Array.isArray(d.doc?.controls) && inBaseline(framework, d.doc.controls as string[], baseline)) out.push(d.file);
    }
  });
  return out;
}

/** The pack a policy file belongs to: the `name` of the nearest pack.yaml above it, else its folder's name. */
const packNames = new Map<string, string | null>();

function packNameOf(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (!packNames.has(dir)) packNames.set(dir, readPackManifest(dir)?.manifest.name ?? null);
    const name = packNames.get(dir);
    if (typeof name === "string") return name;
  }
  return basename(dirname(file));
}

const displayPath = (file: string, baseDir: string): string => {
  const rel = relative(baseDir, file);
  return (rel.startsWith("..") ? file : rel).split(sep).join("/");
};

/** Turns a CEL error at (line, column) of the expression at `path` into a file:line:column input error. */
function locatedError(error: ExpressionError, path: readonly (string | number)[], label: string, file: string, text: string): InputError {
  const keyLine = locateYamlPath(text, path);
  // Block scalars (`assert: |`) start on the next line.
  const block = /:\s*[|>][-+]?\s*$/.test(text.split("\n")[keyLine - 1] ?? "") ? 1 : 0;
  const line = keyLine + block + error.line - 1;
  return new InputError(file, `line ${line} column ${error.column}`, `CEL ${error.kind} error in ${label}: ${error.message}`);
}

function compileField(doc: PolicyDocument, field: "match" | "assert" | "messageExpression", file: string, text: string, variables: PolicyVariables | undefined): CompiledExpression | undefined {
  const source = doc[field];
  if (source === undefined) return undefined;
  try {
    const compiled = compileExpression(source, field === "messageExpression" ? "string" : "bool", variables?.env);
    return variables ? withVariablePaths(compiled, new Map(variables.names.map((name, i) => [name, variables.expressions[i] as CompiledExpression]))) : compiled;
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw locatedError(error, [field], field, file, text);
  }
}

function compileDocVariables(doc: PolicyDocument, file: string, text: string): PolicyVariables | undefined {
  if (doc.variables === undefined) return undefined;
  try {
    return compileVariables(doc.variables);
  } catch (error) {
    if (!(error instanceof VariableError)) throw error;
    const name = doc.variables[error.index]?.name ?? "";
    if (error.field === "name") throw new InputError(file, `line ${locateYamlPath(text, ["variables", error.index, "name"])}`, `variables[${error.index}]: ${error.message}`);
    throw locatedError(error.expressionError, ["variables", error.index, "expression"], `variable ${name}`, file, text);
  }
}

/** Parses, validates and compiles one policy file. */
export function loadPolicyFile(file: string, baseDir: string): CompiledPolicy {
  const text = readFileSync(file, "utf8");
  const data = parseYaml(text, file);
  policyValidator ??= createSchemaValidator<PolicyDocument>("policy.schema.json");
  const doc = validateYamlData(policyValidator, data, file, "policy", (path) => locateYamlPath(text, path));
  if (!isResourceType(doc.resource)) {
    throw new InputError(file, `line ${locateYamlPath(text, ["resource"])}`, `unknown resource type "${doc.resource}"; known types: ${RESOURCE_TYPE_IDS.join(", ")}`);
  }
  const params = Object.fromEntries(Object.entries(doc.params ?? {}).map(([k, spec]) => [k, spec.default]));
  const display = displayPath(file, baseDir);
  const compiled: CompiledPolicy = {
    doc,
    file,
    resourceType: doc.resource,
    params,
    meta: {
      id: doc.id,
      name: doc.name,
      title: doc.title,
      description: doc.description,
      severity: doc.severity,
      resource: doc.resource,
      remediation: doc.remediation,
      references: doc.references,
      controls: doc.controls,
      pack: packNameOf(file),
      source: { file: display, line: locateYamlPath(text, ["id"]) },
    },
  };
  const variables = compileDocVariables(doc, file, text);
  if (variables) compiled.variables = variables;
  const match = compileField(doc, "match", file, text, variables);
  const assert = compileField(doc, "assert", file, text, variables);
  const messageExpression = compileField(doc, "messageExpression", file, text, variables);
  checkResourceFields(doc, { match, assert, messageExpression }, file, text);
  if (match) compiled.match = match;
  if (assert) compiled.assert = assert;
  if (messageExpression) compiled.messageExpression = messageExpression;
  return compiled;
}

export interface LoadedPolicies {
  policies: CompiledPolicy[];
  errors: InputError[];
  /** The compliance view the first pack asking for one wants by default. */
  compliance?: { framework: "nist-800-53-r5"; baseline?: FedrampBaseline };
}

/**
 * Loads every policy under the given pack locations. Errors are collected (all of them, for `policies validate`);
 * callers that evaluate stop at the first.
 */
export function loadPolicies(locations: string[], baseDir: string = process.cwd()): LoadedPolicies {
  const errors: InputError[] = [];
  let compliance: LoadedPolicies["compliance"];
  const listed: string[] = [];
  for (const location of locations) {
    listed.push(...policyFiles(location));
    if (!statSync(location).isDirectory()) continue;
    try {
      const pack = readPackManifest(location);
      if (!pack) continue;
      compliance ??= pack.manifest.compliance;
      listed.push(...includedFiles(pack.file, pack.text, pack.manifest));
    } catch (error) {
      if (error instanceof InputError) errors.push(error);
      else throw error;
    }
  }
  const files = [...new Set(listed)];
  const policies: CompiledPolicy[] = [];
  const byId = new Map<string, CompiledPolicy>();
  for (const file of files) {
    try {
      const policy = loadPolicyFile(file, baseDir);
      const previous = byId.get(policy.doc.id);
      if (previous) {
        const text = readFileSync(file, "utf8");
        throw new InputError(file, `line ${locateYamlPath(text, ["id"])}`, `duplicate policy id ${policy.doc.id}, also defined in ${displayPath(previous.file, baseDir)}`);
      }
      byId.set(policy.doc.id, policy);
      policies.push(policy);
    } catch (error) {
      if (error instanceof InputError) errors.push(error);
      else throw error;
    }
  }
  policies.sort((a, b) => compareStrings(a.doc.id, b.doc.id));
  return compliance ? { policies, errors, compliance } : { policies, errors };
}
