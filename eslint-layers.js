// Layer rules as allow-lists: each folder (and top-level module) of src/ names the src/ layers and packages it may import.
import { dirname, relative, resolve, sep } from "node:path";

/**
 * `imports`: other layers of src/ (a folder, or a top-level module by its name without extension).
 * `packages`: npm packages or Node built-ins; "name" also allows "name/…", "scope/*" a whole scope, "node:*" every built-in.
 * A file in a layer not listed here is an error, so a new folder must state its place.
 */
export const LAYERS = {
  "input-error": { imports: [], packages: [] },
  "package-root": { imports: [], packages: ["node:*"] },
  shared: { imports: ["input-error", "package-root"], packages: ["node:*", "js-yaml", "ajv", "ajv-formats"] },
  inventory: { imports: ["shared", "input-error", "package-root"], packages: ["node:*", "ajv"] },
  collect: { imports: ["inventory", "shared", "input-error"], packages: ["node:*", "@aws-sdk/*", "@smithy/*"] },
  findings: { imports: ["inventory"], packages: [] },
  policy: { imports: ["inventory", "findings", "shared", "input-error", "package-root"], packages: ["node:*", "@marcbachmann/cel-js", "ajv"] },
  governance: { imports: ["findings", "shared", "input-error"], packages: ["node:*", "ajv"] },
  pipeline: { imports: ["inventory", "policy", "governance", "findings", "package-root"], packages: [] },
  // Reporters are pure (ScanReport, options) => string: no file system, no network.
  // package-root only to read the HTML report's compiled browser script shipped in dist/.
  report: { imports: ["findings", "inventory", "package-root"], packages: ["node:crypto", "node:zlib", "sarif"] },
  // Imports findings into AWS Security Hub (ASFF from the report layer); its SDK client loads only when used.
  "security-hub": { imports: ["findings", "report", "inventory", "input-error"], packages: ["node:*", "@aws-sdk/*"] },
  cli: {
    imports: ["collect", "inventory", "policy", "governance", "findings", "pipeline", "report", "security-hub", "shared", "input-error", "package-root"],
    packages: ["node:*", "commander", "js-yaml", "@aws-sdk/credential-providers"],
  },
  // The programmatic API (the package root) wraps the same layers the CLI drives.
  api: { imports: ["inventory", "collect", "pipeline", "policy", "findings", "report", "security-hub", "shared", "input-error", "package-root"], packages: ["node:*"] },
  index: { imports: ["api", "findings", "report", "inventory", "collect", "cli", "input-error", "package-root"], packages: [] },
  // The GitHub Action's helper: one SARIF per account.
  action: { imports: ["api", "findings", "report", "inventory", "input-error"], packages: ["node:*"] },
};

const SRC = resolve(import.meta.dirname, "src");

/** The layer of a path inside src/ ("policy", "input-error"), or null outside src/. */
export function layerOf(file) {
  const rel = relative(SRC, file);
  if (rel.startsWith("..") || rel === "") return null;
  const first = rel.split(sep)[0];
  return first.replace(/\.(ts|js)$/, "");
}

const packageAllowed = (specifier, packages) =>
  packages.some((p) => (p.endsWith("*") ? specifier.startsWith(p.slice(0, -1)) : specifier === p || specifier.startsWith(`${p}/`)));

/** Why an import is not allowed from `file`, or null when it is. */
export function importViolation(file, specifier) {
  const layer = layerOf(file);
  if (layer === null) return null;
  const rules = LAYERS[layer];
  if (!rules) return `src/${layer} is not in eslint-layers.js: add it to LAYERS with what it may import`;
  if (specifier.startsWith(".")) {
    const target = layerOf(resolve(dirname(file), specifier));
    if (target === null) return `src/${layer} imports "${specifier}" from outside src/`;
    if (target === layer || rules.imports.includes(target)) return null;
    return `src/${layer} may import only ${rules.imports.join(", ") || "nothing of src/"}, not ${target}`;
  }
  if (packageAllowed(specifier, rules.packages)) return null;
  return `src/${layer} may use only the packages ${rules.packages.join(", ") || "(none)"}, not "${specifier}"`;
}

const rule = {
  meta: { type: "problem", schema: [], docs: { description: "each src/ layer imports only what eslint-layers.js allows it" } },
  create(context) {
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const message = importViolation(context.filename, source.value);
      if (message) context.report({ node: source, message });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const layersPlugin = { rules: { "allowed-imports": rule } };
