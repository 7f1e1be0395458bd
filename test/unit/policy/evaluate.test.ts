// Evaluation semantics: pass/fail/not_applicable, errors never pass, missing collections are reported, evidence shows what was read.
import { describe, expect, it } from "vitest";
import { resolveInventory } from "../../../src/inventory/resolve-inventory.js";
import { evaluatePolicy } from "../../../src/policy/evaluate.js";
import { loadPolicies } from "../../../src/policy/load-policies.js";
import type { CompiledPolicy } from "../../../src/policy/policy.js";
import { smallInventory } from "../../helpers/inventory.js";
import { policyYaml } from "../../helpers/policy-text.js";
import { tempDir } from "../../helpers/temp-files.js";

const now = new Date("2026-01-01T00:00:00Z");

function policy(overrides: Record<string, string>): CompiledPolicy {
  const dir = tempDir({ "p.yaml": policyYaml(overrides) });
  const { policies, errors } = loadPolicies([dir], dir);
  expect(errors).toEqual([]);
  return policies[0]!;
}

describe("evaluatePolicy", () => {
  it("passes and fails per resource, with the message expression on failures", () => {
    const p = policy({ messageExpression: `"'WorkSpace ' + resource.id + ' is not encrypted'"` });
    const results = evaluatePolicy(p, resolveInventory(smallInventory()), { now });
    expect(results.map((r) => [r.resourceId, r.status, r.message])).toEqual([
      ["ws-1", "pass", "Root volume encrypted"],
      ["ws-2", "fail", "WorkSpace ws-2 is not encrypted"],
    ]);
    expect(results[1]).toMatchObject({ accountId: "123456789012", region: "us-east-1", directoryId: "d-1", severity: "high", resourceType: "workspace" });
  });

  it("is not applicable when match is false", () => {
    const p = policy({ match: "resource.userName == 'jdoe'" });
    expect(evaluatePolicy(p, resolveInventory(smallInventory()), { now }).map((r) => r.status)).toEqual(["pass", "not_applicable"]);
  });

  it("turns an expression that throws into an error result for that resource only", () => {
    const p = policy({ assert: "resource.kmsKey.keyState == 'Enabled'" });
    const results = evaluatePolicy(p, resolveInventory(smallInventory()), { now });
    expect(results.map((r) => r.status)).toEqual(["pass", "error"]);
    expect(results[1]?.message).toMatch(/^Could not decide: /);
  });

  it("never passes on a relation that was not collected, and says what was not collected", () => {
    const inv = smallInventory();
    inv.errors.push({ service: "workspaces", operation: "DescribeIpGroups", accountId: "123456789012", region: "us-east-1", code: "AccessDeniedException", message: "denied", collections: ["ipGroups"] });
    const p = policy({ resource: "directory", assert: "resource.ipGroups.all(g, g.rules.all(r, r.cidr != '0.0.0.0/0'))" });
    const [result] = evaluatePolicy(p, resolveInventory(inv), { now });
    expect(result?.status).toBe("error");
    expect(result?.message).toContain("not collected: workspaces:DescribeIpGroups AccessDeniedException in 123456789012/us-east-1");
  });

  it("names ids that are not in the inventory when a policy cannot decide", () => {
    const p = policy({ resource: "directory", assert: "resource.ipGroups.all(g, size(g.rules) > 0)" });
    const [result] = evaluatePolicy(p, resolveInventory(smallInventory()), { now });
    expect(result?.status).toBe("error");
    expect(result?.message).toContain("not in the inventory: ipGroups wsipg-gone");
  });

  it("reports a resource collection that could not be listed as an error, not as silence", () => {
    const inv = smallInventory();
    inv.errors.push({ service: "workspaces", operation: "DescribeWorkspaces", accountId: "123456789012", region: "eu-west-1", code: "ThrottlingException", message: "slow down", collections: ["workspaces"] });
    const results = evaluatePolicy(policy({}), resolveInventory(inv), { now });
    expect(results.find((r) => r.region === "eu-west-1")).toMatchObject({ status: "error", resourceId: "workspaces@123456789012/eu-west-1" });
  });

  it("records the values the expressions read as evidence, with related entities compacted", () => {
    const p = policy({ assert: "resource.securityGroups.all(g, g.ingress.all(r, !ruleOpenToInternet(r)))" });
    const [ws1] = evaluatePolicy(p, resolveInventory(smallInventory()), { now });
    expect(ws1?.status).toBe("fail");
    const groups = ws1?.evidence?.["resource.securityGroups"] as { id: string; workspaces?: unknown }[];
    expect(groups.map((g) => g.id)).toEqual(["sg-members", "sg-custom"]);
    expect(groups[1]).not.toHaveProperty("workspaces");
    expect(JSON.stringify(ws1?.evidence)).toContain("0.0.0.0/0");
  });

  it("shows an absent field as not collected in the evidence", () => {
    const inv = smallInventory();
    delete (inv.directories[0] as unknown as Record<string, unknown>)["creation"];
    const p = policy({ resource: "directory", assert: "resource.creation.userEnabledAsLocalAdministrator == false" });
    const [result] = evaluatePolicy(p, resolveInventory(inv), { now });
    expect(result).toMatchObject({ status: "error", evidence: { "resource.creation.userEnabledAsLocalAdministrator": "<not collected>" } });
  });

  it("memoizes decisions only between resources whose read values agree (null parent vs null field)", () => {
    const p = policy({ assert: "resource.kmsKey == null || resource.kmsKey.keyState == null" });
    const inv = smallInventory();
    inv.kmsKeys[0]!.keyState = "Enabled";
    const resolved = resolveInventory(inv);
    // ws-1 has the key (keyState Enabled) and fails; ws-2 has no key and passes: same leaf path, different parents.
    expect(evaluatePolicy(p, resolved, { now }).map((r) => [r.resourceId, r.status])).toEqual([["ws-1", "fail"], ["ws-2", "pass"]]);
  });

  it("gives resources that read the same values the same decision, but their own messages and evidence", () => {
    const p = policy({ assert: "resource.directory.creation.enableMaintenanceMode == false", messageExpression: `"resource.id + ' fails'"` });
    const results = evaluatePolicy(p, resolveInventory(smallInventory()), { now });
    expect(results.map((r) => [r.status, r.message])).toEqual([["fail", "ws-1 fails"], ["fail", "ws-2 fails"]]);
  });

  it("applies param overrides over defaults", () => {
    const p = policy({ params: "\n  minFree:\n    default: 150\n    description: free IPs", resource: "subnet", assert: "resource.availableIps >= params.minFree" });
    const inventory = resolveInventory(smallInventory());
    expect(evaluatePolicy(p, inventory, { now }).map((r) => r.status)).toEqual(["pass", "fail"]);
    expect(evaluatePolicy(p, inventory, { now, params: { "ACME-001": { minFree: 50 } } }).map((r) => r.status)).toEqual(["pass", "pass"]);
  });

  it("gives the same fingerprint for the same finding, different ones for different resources", () => {
    const inventory = resolveInventory(smallInventory());
    const a = evaluatePolicy(policy({}), inventory, { now });
    const b = evaluatePolicy(policy({}), inventory, { now });
    expect(a.map((r) => r.fingerprint)).toEqual(b.map((r) => r.fingerprint));
    expect(new Set(a.map((r) => r.fingerprint)).size).toBe(2);
  });
});
