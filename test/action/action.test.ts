// Runs action.yml's steps locally as GitHub would: inputs and contexts substituted, `if:` evaluated, run steps in bash, uses steps recorded.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-files.js";

const ROOT = resolve(import.meta.dirname, "../..");
const ACCOUNTS = (JSON.parse(readFileSync(join(ROOT, "examples/inventory.json"), "utf8")) as { scope: { accounts: string[] } }).scope.accounts.sort();

interface Step { name?: string; id?: string; if?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = load(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;

interface StepRun { step: Step; ran: boolean; code?: number; with?: Record<string, string>; stdout?: string; stderr?: string }
interface ActionRun { steps: StepRun[]; outputs: Record<string, string>; failed: boolean; workspace: string; summary: string }

const truthy = (v: string | boolean): boolean => v === true || (typeof v === "string" && v !== "");

/** GitHub's expression syntax, reduced to what action.yml uses: context paths, string literals, ==, !=, &&, always(). */
function evaluateExpression(expr: string, ctx: Record<string, unknown>): string | boolean {
  const terms = expr.split("&&").map((t) => t.trim());
  if (terms.length > 1) return terms.every((t) => truthy(evaluateExpression(t, ctx)));
  const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expr);
  if (cmp) {
    const [, a, op, b] = cmp;
    const equal = String(evaluateExpression(a!, ctx)) === String(evaluateExpression(b!, ctx));
    return op === "==" ? equal : !equal;
  }
  if (expr === "always()") return true;
  const literal = /^'(.*)'$/.exec(expr);
  if (literal) return literal[1]!;
  if (!/^[a-z]+(\.[A-Za-z0-9_-]+)+$/.test(expr)) throw new Error(`expression not supported by the test harness: ${expr}`);
  let value: unknown = ctx;
  for (const part of expr.split(".")) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

const substitute = (text: string, ctx: Record<string, unknown>): string => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, e: string) => String(evaluateExpression(e, ctx)));

function parseOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i]!);
      out[heredoc[1]!] = body.join("\n");
    } else if (line.includes("=")) out[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
  }
  return out;
}

/** Runs the composite action in a fresh workspace; `uses:` steps are not run, only what they would receive is recorded. */
function runAction(inputs: Record<string, string>, files: Record<string, string> = {}): ActionRun {
  const workspace = tempDir();
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(workspace, name));
  const runnerTemp = tempDir();
  const resolvedInputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? ""]));
  const stepsCtx: Record<string, { outputs: Record<string, string> }> = {};
  const ctx = { inputs: resolvedInputs, github: { action_path: ROOT, run_id: "4242", workspace }, runner: { temp: runnerTemp }, steps: stepsCtx };
  const paths: string[] = [];
  const summaryFile = join(runnerTemp, "summary.md");
  writeFileSync(summaryFile, "");
  let failed = false;
  const steps: StepRun[] = [];
  action.runs.steps.forEach((step, index) => {
    const condition = step.if ?? "success()";
    const wanted = condition.includes("always()") ? evaluateExpression(condition, ctx) === true : !failed && (condition === "success()" || evaluateExpression(condition, ctx) === true);
    if (!wanted) return void steps.push({ step, ran: false });
    if (step.uses !== undefined) {
      return void steps.push({ step, ran: false, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)])) });
    }
    expect(step.shell).toBe("bash");
    const script = join(runnerTemp, `step-${index}.sh`);
    writeFileSync(script, substitute(step.run ?? "", ctx));
    const outputFile = join(runnerTemp, `output-${index}`);
    const pathFile = join(runnerTemp, `path-${index}`);
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PATH: [...paths, process.env["PATH"] ?? ""].join(delimiter),
      GITHUB_OUTPUT: outputFile,
      GITHUB_PATH: pathFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)])),
    };
    // GitHub's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: workspace, env, encoding: "utf8" });
    if (step.id !== undefined) stepsCtx[step.id] = { outputs: parseOutputs(outputFile) };
    if (existsSync(pathFile)) paths.unshift(...readFileSync(pathFile, "utf8").split("\n").filter((p) => p !== ""));
    if (r.status !== 0) failed = true;
    steps.push({ step, ran: true, code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
  });
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, substitute(v.value, ctx)]));
  return { steps, outputs, failed, workspace, summary: readFileSync(summaryFile, "utf8") };
}

const byName = (run: ActionRun, part: string): StepRun => run.steps.find((s) => `${s.step.name ?? ""} ${s.step.uses ?? ""}`.includes(part))!;

interface Sarif { runs: { automationDetails: { id: string }; results: { partialFingerprints: Record<string, string>; properties: { accountId: string } }[] }[] }

describe("action.yml", () => {
  it("is a composite action with the documented inputs, and passes inputs to scripts through the environment only", () => {
    expect(action.runs.using).toBe("composite");
    for (const input of ["mode", "inventory", "role-to-assume", "regions", "packs", "fail-on", "baseline"]) expect(action.inputs).toHaveProperty(input);
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) expect(step.run).not.toMatch(/\$\{\{/);
  });

  it("evaluates the example inventory, uploads one SARIF per account and fails the job on findings", () => {
    const run = runAction({ mode: "evaluate", inventory: "inventory.json", "fail-on": "high", "role-to-assume": "arn:aws:iam::111111111111:role/wsaudit-readonly", "aws-region": "us-west-2" }, { "inventory.json": join(ROOT, "examples/inventory.json") });

    // The credentials step would receive the role (it is not run here).
    const creds = byName(run, "configure-aws-credentials");
    expect(creds.with).toEqual({ "role-to-assume": "arn:aws:iam::111111111111:role/wsaudit-readonly", "role-session-name": "wsaudit-4242", "aws-region": "us-west-2" });

    const wsaudit = byName(run, "Run wsaudit");
    expect(wsaudit.code, wsaudit.stderr).toBe(0);
    expect(run.outputs["exit-code"]).toBe("1");
    const reports = join(run.workspace, "wsaudit-reports");
    expect(readdirSync(reports).sort()).toEqual(["sarif", "wsaudit.html", "wsaudit.json", "wsaudit.sarif", "wsaudit.txt"]);
    expect(run.summary).toContain("FAILING");

    // upload-sarif would receive the folder of per-account files, each its own category.
    const upload = byName(run, "codeql-action/upload-sarif");
    expect(upload.with).toEqual({ sarif_file: "wsaudit-reports/sarif" });
    const dir = join(run.workspace, upload.with!["sarif_file"]!);
    expect(ACCOUNTS.length).toBeGreaterThan(1);
    expect(readdirSync(dir).sort()).toEqual(ACCOUNTS.map((a) => `wsaudit-${a}.sarif`));
    const whole = JSON.parse(readFileSync(join(reports, "wsaudit.sarif"), "utf8")) as Sarif;
    const split: string[] = [];
    for (const account of ACCOUNTS) {
      const sarif = JSON.parse(readFileSync(join(dir, `wsaudit-${account}.sarif`), "utf8")) as Sarif;
      expect(sarif.runs).toHaveLength(1);
      expect(sarif.runs[0]!.automationDetails.id).toBe(`wsaudit/${account}/`);
      expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
      expect(new Set(sarif.runs[0]!.results.map((r) => r.properties.accountId))).toEqual(new Set([account]));
      split.push(...sarif.runs[0]!.results.map((r) => r.partialFingerprints["wsaudit/v1"]!));
    }
    expect(split.sort()).toEqual(whole.runs[0]!.results.map((r) => r.partialFingerprints["wsaudit/v1"]!).sort());

    const gate = byName(run, "Fail on findings");
    expect(gate.ran).toBe(true);
    expect(gate.code).toBe(1);
    expect(run.failed).toBe(true);
  }, 120_000);

  it("with fail-on none, still fails an incomplete evaluation (exit 3) and uploads the SARIF", () => {
    const run = runAction({ mode: "evaluate", inventory: "inventory.json", "fail-on": "none", formats: "sarif" }, { "inventory.json": join(ROOT, "examples/inventory.json") });
    expect(byName(run, "configure-aws-credentials").ran).toBe(false);
    expect(byName(run, "configure-aws-credentials").with).toBeUndefined();
    // The example has one undecided result (a denied KMS call): exit 3, evaluation incomplete, still a failed job.
    expect(run.outputs["exit-code"]).toBe("3");
    expect(byName(run, "codeql-action/upload-sarif").with).toEqual({ sarif_file: "wsaudit-reports/sarif" });
    expect(readdirSync(join(run.workspace, "wsaudit-reports")).sort()).toEqual(["sarif", "wsaudit.json", "wsaudit.sarif"]);
  }, 120_000);

  it("stops on bad input with exit 2, uploads nothing, and never runs an input as shell code", () => {
    const run = runAction({ mode: "evaluate", inventory: "inventory.json", packs: "$(touch pwned), `touch pwned2`" }, { "inventory.json": join(ROOT, "examples/inventory.json") });
    const wsaudit = byName(run, "Run wsaudit");
    expect(wsaudit.code).toBe(2);
    expect(wsaudit.stderr).toMatch(/pack/i);
    expect(existsSync(join(run.workspace, "pwned"))).toBe(false);
    expect(existsSync(join(run.workspace, "pwned2"))).toBe(false);
    expect(byName(run, "codeql-action/upload-sarif").with).toBeUndefined();
    expect(run.failed).toBe(true);
  }, 120_000);
});
