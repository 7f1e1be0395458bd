// End-to-end: `wsaudit evaluate` through the real binary: reports written, exit codes per --fail-on, determinism.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyYaml } from "../helpers/policy-text.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-files.js";
import { smallInventory } from "../helpers/inventory.js";

const NOW = "2026-01-01T00:00:00Z";

/** A pack with one policy per outcome we want to gate on. */
function pack(policies: Record<string, Record<string, string>>): string {
  const files: Record<string, string> = {};
  for (const [file, overrides] of Object.entries(policies)) files[`pack/${file}.yaml`] = policyYaml(overrides);
  return join(tempDir(files), "pack");
}

const inventoryFile = (): string => join(tempDir({ "inv.json": JSON.stringify(smallInventory()) }), "inv.json");

describe("wsaudit evaluate", () => {
  it("writes text, json and sarif reports for the example inventory and prints the summary", () => {
    const out = tempDir();
    const run = runCli(["evaluate", "examples/inventory.json", "--format", "text,json,sarif", "--out-dir", out, "--now", NOW]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["wsaudit.json", "wsaudit.sarif", "wsaudit.txt"]);
    expect(run.stdout).toMatch(/Results: \d+ total/);
    const json = JSON.parse(readFileSync(join(out, "wsaudit.json"), "utf8")) as { results: { status: string; policyId: string }[]; generatedAt: string; summary: { byStatus: Record<string, number> } };
    expect(json.generatedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(json.results.some((r) => r.status === "fail")).toBe(true);
    // Passes are counted, not listed, unless --include-passed.
    expect(json.results.some((r) => r.status === "pass")).toBe(false);
    expect(json.summary.byStatus["pass"]).toBeGreaterThan(0);
  });

  it("gives byte-identical reports for the same inputs and --now", () => {
    const a = tempDir();
    const b = tempDir();
    for (const out of [a, b]) runCli(["evaluate", "examples/inventory.json", "--format", "json,sarif,text", "--out-dir", out, "--now", NOW, "-q"]);
    for (const f of ["wsaudit.json", "wsaudit.sarif", "wsaudit.txt"]) expect(readFileSync(join(a, f), "utf8"), f).toBe(readFileSync(join(b, f), "utf8"));
  });

  it("exits 0 when nothing fails and every policy decides", () => {
    const p = pack({ ok: { assert: "resource.userName != ''" } });
    expect(runCli(["evaluate", inventoryFile(), "--pack", p, "--out-dir", tempDir(), "--now", NOW, "-q"]).code).toBe(0);
  });

  it("exits 1 only for failures at or above --fail-on", () => {
    const p = pack({ enc: { severity: "medium" } });
    const args = ["evaluate", inventoryFile(), "--pack", p, "--out-dir", tempDir(), "--now", NOW, "-q"];
    expect(runCli([...args, "--fail-on", "high"]).code).toBe(0);
    expect(runCli([...args, "--fail-on", "medium"]).code).toBe(1);
    expect(runCli([...args]).code).toBe(1);
    expect(runCli([...args, "--fail-on", "none"]).code).toBe(0);
  });

  it("exits 3 when a result is error and nothing gated first", () => {
    const p = pack({ key: { assert: "resource.kmsKey.keyState == 'Enabled'" } });
    const run = runCli(["evaluate", inventoryFile(), "--pack", p, "--out-dir", tempDir(), "--now", NOW, "--format", "json"]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/error 1/);
  });

  it("evaluates several inventory files as one", () => {
    const east = smallInventory();
    const west = smallInventory();
    for (const list of [west.directories, west.workspaces, west.ipGroups, west.securityGroups, west.networkInterfaces, west.subnets, west.vpcs, west.routeTables, west.kmsKeys]) {
      for (const e of list as { region: string }[]) e.region = "us-west-2";
    }
    const dir = tempDir({ "east.json": JSON.stringify(east), "west.json": JSON.stringify(west) });
    const out = tempDir();
    const run = runCli(["evaluate", join(dir, "east.json"), join(dir, "west.json"), "--pack", pack({ enc: {} }), "--out-dir", out, "--format", "json", "--now", NOW, "-q", "--include-passed"]);
    expect(run.code).toBe(1);
    const results = (JSON.parse(readFileSync(join(out, "wsaudit.json"), "utf8")) as { results: { region: string }[] }).results;
    expect(results.map((r) => r.region).sort()).toEqual(["us-east-1", "us-east-1", "us-west-2", "us-west-2"]);
  });

  it("applies a --params file", () => {
    const p = pack({ free: { resource: "subnet", params: "\n  minFree:\n    default: 150\n    description: free IPs", assert: "resource.availableIps >= params.minFree" } });
    const params = join(tempDir({ "params.yaml": "ACME-001:\n  minFree: 50\n" }), "params.yaml");
    const args = ["evaluate", inventoryFile(), "--pack", p, "--out-dir", tempDir(), "--now", NOW, "-q"];
    expect(runCli(args).code).toBe(1);
    expect(runCli([...args, "--params", params]).code).toBe(0);
  });
});
