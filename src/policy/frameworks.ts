/** The shipped framework files (frameworks/*.yaml) and the `--framework` names that select compliance views of them. */

import { readFileSync } from "node:fs";
import { InputError } from "../input-error.js";
import type { FrameworkControlDefinition, FrameworkDefinition } from "../findings/framework-definition.js";
import { packagePath } from "../package-root.js";
import { parseYaml } from "../shared/read-yaml.js";

interface FrameworkFile {
  file: string;
  mappedBy: FrameworkDefinition["mappedBy"];
  complete: boolean;
}

const FILES: Record<string, FrameworkFile> = {
  "nist-800-53-r5": { file: "nist-800-53-r5-fedramp.yaml", mappedBy: "policy", complete: false },
  "cis-aws-euc-1.2.0": { file: "cis-aws-euc-1.2.0.yaml", mappedBy: "framework", complete: true },
  "aws-fsbp": { file: "aws-fsbp.yaml", mappedBy: "framework", complete: true },
};

export { FRAMEWORK_SELECTORS, parseFrameworkSelector, type FrameworkSelector } from "./framework-selectors.js";

const cache = new Map<string, FrameworkDefinition>();

function asControl(file: string, id: string, raw: unknown): FrameworkControlDefinition {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new InputError(file, `controls.${id}`, "expected a mapping");
  const c = raw as Record<string, unknown>;
  const strings = (key: string): string[] | undefined => {
    const v = c[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new InputError(file, `controls.${id}.${key}`, "expected a list of strings");
    return v;
  };
  const text = (key: string): string | undefined => {
    const v = c[key];
    if (v === undefined) return undefined;
    if (typeof v !== "string") throw new InputError(file, `controls.${id}.${key}`, "expected a string");
    return v;
  };
  const out: FrameworkControlDefinition = {};
  const title = text("title");
  const family = text("family");
  const note = text("note");
  const baselines = strings("baselines");
  const policies = strings("policies");
  if (title !== undefined) out.title = title;
  if (family !== undefined) out.family = family;
  if (note !== undefined) out.note = note;
  if (baselines !== undefined) out.baselines = baselines;
  if (policies !== undefined) out.policies = policies;
  if (c["manual"] === true) out.manual = true;
  return out;
}

/** Loads a shipped framework file by framework id (cached). */
export function loadFrameworkDefinition(id: string): FrameworkDefinition {
  const cached = cache.get(id);
  if (cached) return cached;
  const entry = FILES[id];
  if (!entry) throw new InputError("frameworks", id, `no such framework file; known: ${Object.keys(FILES).join(", ")}`);
  const file = packagePath("frameworks", entry.file);
  const data = parseYaml(readFileSync(file, "utf8"), file) as { framework?: unknown; title?: unknown; controls?: unknown } | null;
  if (data?.framework !== id || typeof data.title !== "string" || data.controls === null || typeof data.controls !== "object") {
    throw new InputError(file, "", `expected framework: ${id}, a title and a controls mapping`);
  }
  const controls: Record<string, FrameworkControlDefinition> = {};
  for (const [cid, raw] of Object.entries(data.controls as Record<string, unknown>)) controls[cid] = asControl(file, cid, raw);
  const def: FrameworkDefinition = { id, title: data.title, mappedBy: entry.mappedBy, complete: entry.complete, controls };
  cache.set(id, def);
  return def;
}

/** Policy ids a framework file maps to any of its controls (empty for NIST, whose mapping lives in the policies). */
export function policiesMappedBy(framework: FrameworkDefinition): Set<string> {
  return new Set(Object.values(framework.controls).flatMap((c) => c.policies ?? []));
}
