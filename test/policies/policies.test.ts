// Runs every shipped policy's test cases through the same runner as `wsaudit policies test`, one vitest test per case.
import { describe, expect, it } from "vitest";
import { loadPolicies, resolvePackLocations } from "../../src/policy/load-policies.js";
import { runPolicyTests } from "../../src/policy/policy-tests.js";

const { policies, errors } = loadPolicies(resolvePackLocations([]));
const run = runPolicyTests(policies);

describe("shipped policy packs", () => {
  it("load without errors", () => {
    expect(errors.map((e) => e.message)).toEqual([]);
  });
  it("have a test file with a pass and a fail case for every policy", () => {
    expect(run.problems.map((e) => e.message)).toEqual([]);
  });
  for (const outcome of run.outcomes) {
    it(`${outcome.policyId}: ${outcome.name}`, () => {
      expect(outcome.detail ?? "ok").toBe("ok");
    });
  }
});
