// The packed tarball, installed into an empty prefix, works from an unrelated folder: the CLI and `import("wsaudit")`.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-files.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLE = join(ROOT, "examples", "inventory.json");
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", NO_COLOR: "1", npm_config_update_notifier: "false" };

let work = "";
let prefix = "";
let files: string[] = [];

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 });
}

const wsaudit = (args: string[], cwd: string): SpawnSyncReturns<string> => run(process.execPath, [join(prefix, "node_modules", ".bin", "wsaudit"), ...args], cwd);

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/src/index.js"))) throw new Error("dist/ is missing: run `npm run build` before the package test (npm test does)");
  work = tempDir();
  // The build is checked above; packing without scripts never rebuilds dist/ under tests running beside this one.
  const pack = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((f) => f.path);
  prefix = join(work, "prefix");
  // Dependencies come from the npm registry or the local cache, exactly as on a user's machine.
  const install = run("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--prefer-offline", join(work, info!.filename)], work);
  expect(install.status, install.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("ships the runtime files and nothing of bench, tests or sources", () => {
    for (const needed of ["bin/wsaudit.js", "dist/src/index.js", "dist/src/index.d.ts", "dist/src/cli/main.js", "frameworks/nist-800-53-r5-fedramp.yaml", "iam/wsaudit-readonly-policy.json", "schemas/inventory.schema.json", "policies/workspaces-best-practices/pack.yaml", "examples/inventory.json", "action.yml"]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((f) => /^(dist\/bench|dist\/test|bench|test|src)\//.test(f) || f.endsWith(".map"))).toEqual([]);
  });

  it("points exports and bin at files it ships", () => {
    const manifest = JSON.parse(readFileSync(join(prefix, "node_modules/wsaudit/package.json"), "utf8")) as { exports: { ".": { default: string; types: string } }; bin: Record<string, string> };
    for (const target of [manifest.exports["."].default, manifest.exports["."].types, manifest.bin["wsaudit"]!]) expect(existsSync(join(prefix, "node_modules/wsaudit", target)), target).toBe(true);
  });
});

describe("the installed package, from an unrelated folder", () => {
  it("evaluates the example: exit 1 (failing findings) and five reports", () => {
    const cwd = tempDir();
    const r = wsaudit(["evaluate", EXAMPLE, "--format", "text,json,sarif,html,junit", "--out-dir", "out", "--now", "2026-01-01T00:00:00Z"], cwd);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(readdirSync(join(cwd, "out")).sort()).toEqual(["junit.xml", "wsaudit.html", "wsaudit.json", "wsaudit.sarif", "wsaudit.txt"]);
    const report = JSON.parse(readFileSync(join(cwd, "out/wsaudit.json"), "utf8")) as { summary: { byStatus: { fail: number } } };
    expect(report.summary.byStatus.fail).toBeGreaterThan(0);
  });

  it("runs the shipped packs' policy tests and prints collect --help", () => {
    const cwd = tempDir();
    const tests = wsaudit(["policies", "test"], cwd);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/\d+ passed, 0 failed/);
    const help = wsaudit(["collect", "--help"], cwd);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--role-arn");
  });

  it('gives the documented API to `import("wsaudit")`, typed', () => {
    writeFileSync(
      join(prefix, "use-api.mjs"),
      `import { evaluate, renderReport, loadInventory, exitCodeFor, version, REPORT_FORMATS } from "wsaudit";
const inventory = loadInventory(${JSON.stringify(EXAMPLE)});
const report = evaluate({ inventory: ${JSON.stringify(EXAMPLE)}, packs: ["workspaces-best-practices"], now: new Date("2026-01-01T00:00:00Z") });
const chunks = [];
renderReport(report, "sarif", { write: (c) => chunks.push(c) });
const sarif = JSON.parse(chunks.join(""));
console.log(JSON.stringify({ version, formats: REPORT_FORMATS, workspaces: inventory.workspaces.length, listed: report.results.length, exit: exitCodeFor(report, "high"), sarifResults: sarif.runs[0].results.length, collect: typeof (await import("wsaudit")).collect }));
`,
    );
    const r = run(process.execPath, ["use-api.mjs"], prefix);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { version: string; formats: string[]; workspaces: number; listed: number; exit: number; sarifResults: number; collect: string };
    expect(out.version).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
    expect(out.formats).toEqual(expect.arrayContaining(["sarif", "json", "html", "junit", "text"]));
    expect(out.workspaces).toBeGreaterThan(0);
    expect(out.listed).toBeGreaterThan(0);
    expect(out.sarifResults).toBeGreaterThan(0);
    expect(out.exit).toBe(1);
    expect(out.collect).toBe("function");

    // A TypeScript user compiles against the shipped declarations (a wrong option name is a type error).
    writeFileSync(join(prefix, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ["use-api.ts"] }));
    writeFileSync(join(prefix, "package.json"), JSON.stringify({ type: "module", dependencies: { wsaudit: "*" } }));
    const tsc = createRequire(join(ROOT, "package.json")).resolve("typescript/bin/tsc");
    writeFileSync(join(prefix, "use-api.ts"), `import { evaluate, type ScanReport } from "wsaudit";\nconst r: ScanReport = evaluate({ inventory: "x.json", packs: [] });\nconsole.log(r.summary.total);\n`);
    const good = run(process.execPath, [tsc, "-p", "."], prefix);
    expect(good.stdout + good.stderr).toBe("");
    writeFileSync(join(prefix, "use-api.ts"), `import { evaluate } from "wsaudit";\nevaluate({ inventories: "x.json" });\n`);
    expect(run(process.execPath, [tsc, "-p", "."], prefix).stdout).toMatch(/inventories/);
  }, 180_000);
});
