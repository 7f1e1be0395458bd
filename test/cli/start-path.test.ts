// The CLI's start path loads only what the command needs: no AWS SDK outside `collect`/`scan`, no Ajv, CEL or YAML for `--help`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-files.js";

/**
 * A `node --import` probe: a module hook logs every URL the ESM loader resolves, and at exit the probe adds every
 * CommonJS module in the require cache (the AWS SDK packages are CommonJS, their inner `require`s bypass the hook).
 */
const PROBE = {
  "hooks.mjs": `
import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + "\\n");
  return result;
}
`,
  "probe.mjs": `
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
const log = process.env.WSAUDIT_LOAD_LOG;
register("./hooks.mjs", import.meta.url, { data: { log } });
process.on("exit", () => appendFileSync(log, Object.keys(createRequire(import.meta.url).cache).join("\\n") + "\\n"));
`,
};

/** Runs node with the probe and returns the exit code and the module paths/URLs it loaded. */
function loadedModules(nodeArgs: string[]): { code: number; stderr: string; modules: string[] } {
  if (!existsSync("dist/src/cli/main.js")) throw new Error("dist/ is missing: run `npm run build` before the CLI tests (npm test does)");
  const dir = tempDir(PROBE);
  const log = join(dir, "loaded.txt");
  const run = spawnSync(process.execPath, ["--import", pathToFileURL(join(dir, "probe.mjs")).href, ...nodeArgs], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", WSAUDIT_LOAD_LOG: log },
  });
  const modules = existsSync(log) ? readFileSync(log, "utf8").split("\n").filter((l) => l !== "") : [];
  return { code: run.status ?? -1, stderr: run.stderr, modules };
}

const from = (modules: string[], pkg: string): string[] => modules.filter((m) => m.includes(`/node_modules/${pkg}/`));

describe("the CLI's start path", () => {
  it("the probe sees the AWS SDK when the collector is loaded (control: the checks below can fail)", () => {
    const run = loadedModules(["--input-type=module", "-e", `await import(${JSON.stringify(pathToFileURL("dist/src/collect/index.js").href)});`]);
    expect(run.code, run.stderr).toBe(0);
    expect(from(run.modules, "@aws-sdk").length).toBeGreaterThan(0);
    expect(run.modules.some((m) => m.endsWith("/dist/src/collect/collect-inventory.js"))).toBe(true);
  });

  it("`wsaudit --help` loads no AWS SDK, Ajv, CEL or YAML parser", () => {
    const run = loadedModules(["bin/wsaudit.js", "--help"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.modules.some((m) => m.endsWith("/dist/src/cli/main.js"))).toBe(true);
    for (const pkg of ["@aws-sdk", "ajv", "@marcbachmann/cel-js", "js-yaml"]) expect(from(run.modules, pkg), pkg).toEqual([]);
  });

  it("`wsaudit evaluate` and `wsaudit policies list` load no AWS SDK", () => {
    const out = tempDir();
    const evaluate = loadedModules(["bin/wsaudit.js", "evaluate", "examples/inventory.json", "--out-dir", out, "--now", "2026-01-01T00:00:00Z", "--quiet"]);
    // 1: the example has failing results; the reports were written, so the whole path ran.
    expect(evaluate.code, evaluate.stderr).toBe(1);
    expect(existsSync(join(out, "wsaudit.json"))).toBe(true);
    expect(from(evaluate.modules, "@marcbachmann/cel-js").length).toBeGreaterThan(0);
    expect(from(evaluate.modules, "@aws-sdk")).toEqual([]);
    const list = loadedModules(["bin/wsaudit.js", "policies", "list"]);
    expect(list.code, list.stderr).toBe(0);
    expect(from(list.modules, "@aws-sdk")).toEqual([]);
  });
});
