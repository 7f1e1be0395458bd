// The policy-test runner is as strict as ESLint's RuleTester: it catches wrong expectations, missing cases and bad files.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPolicies } from "../../../src/policy/load-policies.js";
import { runPolicyTests } from "../../../src/policy/policy-tests.js";
import { policyYaml } from "../../helpers/policy-text.js";
import { tempDir } from "../../helpers/temp-files.js";

function run(testYaml: string | null): ReturnType<typeof runPolicyTests> {
  const files: Record<string, string> = { "p.yaml": policyYaml() };
  if (testYaml !== null) files["p.test.yaml"] = testYaml;
  const dir = tempDir(files);
  return runPolicyTests(loadPolicies([join(dir, "p.yaml")], dir).policies);
}

const good = `policy: ACME-001
cases:
  - name: encrypted
    resource: { rootVolumeEncrypted: true }
    expect: pass
  - name: plain
    resource: { rootVolumeEncrypted: false }
    expect: fail
    message: not encrypted
`;

describe("runPolicyTests", () => {
  it("passes correct cases", () => {
    const r = run(good);
    expect(r.problems).toEqual([]);
    expect(r.outcomes.map((o) => o.ok)).toEqual([true, true]);
  });
  it("fails a case whose expectation is wrong, saying what happened", () => {
    const r = run(`${good}  - name: wrong\n    resource: { rootVolumeEncrypted: true }\n    expect: fail\n`);
    expect(r.outcomes[2]).toMatchObject({ ok: false, detail: "expected fail, got pass: Root volume encrypted" });
  });
  it("fails a case whose message does not match", () => {
    const r = run(good.replace("message: not encrypted", "message: nope"));
    expect(r.outcomes[1]?.detail).toMatch(/expected message to contain "nope"/);
  });
  it("requires a test file", () => {
    expect(run(null).problems[0]?.message).toMatch(/policy ACME-001 has no test file/);
  });
  it("requires both a pass and a fail case", () => {
    const r = run(good.replace(/ {2}- name: plain[\s\S]*$/, ""));
    expect(r.problems[0]?.message).toMatch(/needs at least one fail case/);
  });
  it("rejects a test file for another policy id", () => {
    expect(run(good.replace("policy: ACME-001", "policy: ACME-002")).problems[0]?.message).toMatch(/tests policy "ACME-002", but the policy beside it is ACME-001/);
  });
  it("rejects duplicate case names", () => {
    expect(run(good.replace("name: plain", "name: encrypted")).problems[0]?.message).toMatch(/line 6: duplicate case name "encrypted"/);
  });
  it("rejects an inventory fragment that breaks the inventory schema", () => {
    const bad = `${good}  - name: fragment
    inventory: { workspaces: [{ id: ws-1, state: AVAILABLE }] }
    resourceId: ws-1
    expect: fail
`;
    expect(run(bad).problems[0]?.message).toMatch(/test inventory does not match the inventory schema: missing required property/);
  });
  it("rejects an unknown param in a case", () => {
    const bad = `${good}  - name: params
    resource: { rootVolumeEncrypted: true }
    params: { nope: 1 }
    expect: pass
`;
    expect(run(bad).problems[0]?.message).toMatch(/unknown param "nope" for ACME-001/);
  });
});
