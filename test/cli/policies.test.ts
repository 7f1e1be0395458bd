// End-to-end: `wsaudit policies list | show | validate | test` on the shipped packs and on broken ones.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyYaml } from "../helpers/policy-text.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-files.js";

describe("wsaudit policies", () => {
  it("lists the shipped policies with severity, kind and resource", () => {
    const run = runCli(["policies", "list"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^WS-ENC-001\s+high\s+auto\s+workspace\s+WorkSpace root volume is encrypted$/m);
    expect(run.stdout).toMatch(/\d+ policies \(\d+ automated, \d+ manual\)/);
  });

  it("shows one policy by id", () => {
    const run = runCli(["policies", "show", "WS-ENC-001"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("assert: resource.rootVolumeEncrypted == true");
  });

  it("rejects an unknown id in show", () => {
    const run = runCli(["policies", "show", "WS-NOPE-999"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/policies show: WS-NOPE-999: no policy with this id/);
  });

  it("validates the shipped packs", () => {
    const run = runCli(["policies", "validate"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\d+ policies valid/);
  });

  it("reports every broken policy of a pack, one line each", () => {
    const dir = tempDir({ "a.yaml": policyYaml({ assert: "resource.x ==" }), "b.yaml": policyYaml({ id: "ACME-002", severity: "urgent" }) });
    const run = runCli(["policies", "validate", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/a\.yaml: line 7 column \d+: CEL syntax error/), expect.stringMatching(/b\.yaml: line 5 \(\/severity\): invalid policy/)]);
  });

  it("runs the shipped policy tests and prints a closing count", () => {
    const run = runCli(["policies", "test"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it("fails a user's pack whose test expectation is wrong", () => {
    const dir = tempDir({
      "p.yaml": policyYaml(),
      "p.test.yaml": "policy: ACME-001\ncases:\n  - name: a\n    resource: { rootVolumeEncrypted: true }\n    expect: fail\n  - name: b\n    resource: { rootVolumeEncrypted: true }\n    expect: pass\n",
    });
    const run = runCli(["policies", "test", join(dir, "p.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL ACME-001 › a\n\s+expected fail, got pass/);
    expect(run.stdout).toMatch(/^1 passed, 1 failed$/m);
  });
});
