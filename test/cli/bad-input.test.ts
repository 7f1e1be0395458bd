// Every bad input exits 2 with one line naming the file and the place, no stack trace, and nothing written.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyYaml } from "../helpers/policy-text.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-files.js";
import { smallInventory } from "../helpers/inventory.js";

const NOW = "2026-01-01T00:00:00Z";

function expectInputError(args: string[], pattern: RegExp, outDir?: string): void {
  const run = runCli(args);
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trim().split("\n");
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  if (outDir !== undefined) expect(readdirSync(outDir)).toEqual([]);
}

const goodInventory = (): string => join(tempDir({ "inv.json": JSON.stringify(smallInventory()) }), "inv.json");
const packWith = (yaml: Record<string, string>): string => join(tempDir(Object.fromEntries(Object.entries(yaml).map(([k, v]) => [`pack/${k}`, v]))), "pack");

describe("bad input", () => {
  it("malformed inventory JSON", () => {
    const file = join(tempDir({ "inv.json": '{"schemaVersion": "1.0",\n  "errors": [,]\n}' }), "inv.json");
    const out = tempDir();
    expectInputError(["evaluate", file, "--out-dir", out, "--now", NOW], /^wsaudit: error: .*inv\.json: line 2 column \d+: malformed JSON/, out);
  });

  it("inventory schema violation", () => {
    const inv = smallInventory() as unknown as { workspaces: Record<string, unknown>[] };
    inv.workspaces[0]!["state"] = 42;
    const file = join(tempDir({ "inv.json": JSON.stringify(inv) }), "inv.json");
    const out = tempDir();
    expectInputError(["evaluate", file, "--out-dir", out], /inv\.json: \/workspaces\/0\/state: does not match the inventory schema: must be string/, out);
  });

  it("unknown collection in the inventory", () => {
    const file = join(tempDir({ "inv.json": JSON.stringify({ ...smallInventory(), desktops: [] }) }), "inv.json");
    expectInputError(["evaluate", file, "--out-dir", tempDir()], /inv\.json: \/: .*unknown property "desktops"/);
  });

  it("unknown resource type in a policy", () => {
    const out = tempDir();
    expectInputError(["evaluate", goodInventory(), "--pack", packWith({ "p.yaml": policyYaml({ resource: "desktop" }) }), "--out-dir", out], /p\.yaml: line 6: unknown resource type "desktop"/, out);
  });

  it("bad YAML in a policy", () => {
    expectInputError(["evaluate", goodInventory(), "--pack", packWith({ "p.yaml": "id: [\n" }), "--out-dir", tempDir()], /p\.yaml: line \d+ column \d+: malformed YAML/);
  });

  it("duplicate policy ids", () => {
    const pack = packWith({ "a.yaml": policyYaml(), "b.yaml": policyYaml({ name: "b" }) });
    expectInputError(["evaluate", goodInventory(), "--pack", pack, "--out-dir", tempDir()], /b\.yaml: line 1: duplicate policy id ACME-001/);
  });

  it("CEL syntax error", () => {
    const pack = packWith({ "p.yaml": policyYaml({ assert: "resource.x ==" }) });
    expectInputError(["evaluate", goodInventory(), "--pack", pack, "--out-dir", tempDir()], /p\.yaml: line 7 column \d+: CEL syntax error in assert/);
  });

  it("unknown param in --params", () => {
    const params = join(tempDir({ "params.yaml": "ACME-001:\n  nope: 1\n" }), "params.yaml");
    const pack = packWith({ "p.yaml": policyYaml() });
    expectInputError(["evaluate", goodInventory(), "--pack", pack, "--params", params, "--out-dir", tempDir()], /params\.yaml: line 2: unknown param "nope" for ACME-001/);
  });

  it("unknown policy id in --params", () => {
    const params = join(tempDir({ "params.yaml": "WS-NOPE-001: {}\n" }), "params.yaml");
    expectInputError(["evaluate", goodInventory(), "--params", params, "--out-dir", tempDir()], /params\.yaml: line 1: unknown policy id "WS-NOPE-001"/);
  });

  it("unknown format", () => {
    const out = tempDir();
    expectInputError(["evaluate", goodInventory(), "--format", "json,pdf", "--out-dir", out], /--format: json,pdf: unknown format "pdf"; formats: asff, csv, html, json, junit, ocsf, sarif, text/, out);
  });

  it("bad --fail-on", () => {
    expectInputError(["evaluate", goodInventory(), "--fail-on", "severe", "--out-dir", tempDir()], /--fail-on: severe: expected one of critical, high, medium, low, info, none/);
  });

  it("bad --now", () => {
    expectInputError(["evaluate", goodInventory(), "--now", "yesterday", "--out-dir", tempDir()], /--now: yesterday: expected an ISO-8601 timestamp/);
  });

  it("unknown pack", () => {
    expectInputError(["evaluate", goodInventory(), "--pack", "nist-everything", "--out-dir", tempDir()], /--pack: nist-everything: no such pack or path/);
  });

  it("unknown flag", () => {
    expectInputError(["evaluate", goodInventory(), "--fial-on", "high"], /error: unknown option '--fial-on'/);
  });

  it("missing inventory file", () => {
    expectInputError(["evaluate", "nope.json", "--out-dir", tempDir()], /nope\.json: cannot read inventory: ENOENT/);
  });
});
