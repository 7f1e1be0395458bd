// Policy `variables`: lazy (at most once per resource, never when unread), ordered, typed and located like match/assert.
import { describe, expect, it } from "vitest";
import { resolveInventory } from "../../../src/inventory/resolve-inventory.js";
import { evaluatePolicy } from "../../../src/policy/evaluate.js";
import { loadPolicies } from "../../../src/policy/load-policies.js";
import type { CompiledPolicy } from "../../../src/policy/policy.js";
import { smallInventory } from "../../helpers/inventory.js";
import { policyYaml } from "../../helpers/policy-text.js";
import { tempDir } from "../../helpers/temp-files.js";

const now = new Date("2026-01-01T00:00:00Z");

/** Builds the `variables:` block from [name, expression] pairs (flow-quoted so any CEL fits). */
const variables = (...pairs: [string, string][]): string => pairs.map(([n, e]) => `\n  - name: ${n}\n    expression: ${JSON.stringify(e)}`).join("");

function load(overrides: Record<string, string>): { policy: CompiledPolicy | undefined; error: string } {
  const dir = tempDir({ "p.yaml": policyYaml(overrides) });
  const { policies, errors } = loadPolicies([dir], dir);
  return { policy: policies[0], error: errors[0]?.message ?? "" };
}

function policy(overrides: Record<string, string>): CompiledPolicy {
  const { policy: p, error } = load(overrides);
  expect(error).toBe("");
  return p!;
}

/** A resource whose fields count their reads, and a context bound the way the evaluator binds it. */
function countingContext(p: CompiledPolicy): { context: Record<string, unknown>; reads: Record<string, number> } {
  const reads: Record<string, number> = { userName: 0, computerName: 0 };
  const resource = {
    id: "ws-9",
    get userName() {
      reads["userName"]! += 1;
      return "jdoe";
    },
    get computerName() {
      reads["computerName"]! += 1;
      return "PC-9";
    },
  };
  const context: Record<string, unknown> = { resource, params: {}, now };
  context["variables"] = p.variables!.bind(context);
  return { context, reads };
}

describe("policy variables", () => {
  it("evaluates a variable at most once per resource however often match, assert and the message read it", () => {
    const p = policy({
      variables: variables(["user", "resource.userName"], ["upper", "variables.user.upperAscii()"], ["pc", "resource.computerName"]),
      match: JSON.stringify("variables.user != ''"),
      assert: JSON.stringify("variables.upper == 'X' || variables.user == 'X'"),
      messageExpression: JSON.stringify("'user ' + variables.user + ' (' + variables.upper + ')'"),
    });
    const { context, reads } = countingContext(p);
    expect(p.match?.evaluate(context)).toBe(true);
    expect(p.assert?.evaluate(context)).toBe(false);
    expect(p.messageExpression?.evaluate(context)).toBe("user jdoe (JDOE)");
    expect(reads).toEqual({ userName: 1, computerName: 0 });
  });

  it("does not evaluate a variable nobody reads, nor one behind a short-circuit", () => {
    const p = policy({
      variables: variables(["user", "resource.userName"], ["pc", "resource.computerName"]),
      assert: JSON.stringify("variables.user == 'jdoe' || variables.pc == 'x'"),
    });
    const { context, reads } = countingContext(p);
    expect(p.assert?.evaluate(context)).toBe(true);
    expect(reads).toEqual({ userName: 1, computerName: 0 });
  });

  it("binds afresh per resource: a second resource evaluates again", () => {
    const p = policy({ variables: variables(["user", "resource.userName"]), assert: JSON.stringify("variables.user == 'jdoe'") });
    const first = countingContext(p);
    const second = countingContext(p);
    p.assert?.evaluate(first.context);
    p.assert?.evaluate(first.context);
    p.assert?.evaluate(second.context);
    expect([first.reads["userName"], second.reads["userName"]]).toEqual([1, 1]);
  });

  it("decides, words the message and gathers evidence through variables; memoized decisions key on what variables read", () => {
    const p = policy({
      variables: variables(["encrypted", "resource.rootVolumeEncrypted == true"], ["label", "'WorkSpace ' + resource.id"]),
      assert: "variables.encrypted",
      messageExpression: JSON.stringify("variables.label + ' is not encrypted'"),
    });
    expect(p.assert?.readPaths).toEqual(["resource.rootVolumeEncrypted"]);
    const results = evaluatePolicy(p, resolveInventory(smallInventory()), { now });
    // Had the variable's paths been left out of the memo key, ws-2 would reuse ws-1's pass.
    expect(results.map((r) => [r.resourceId, r.status, r.message])).toEqual([
      ["ws-1", "pass", "Root volume encrypted"],
      ["ws-2", "fail", "WorkSpace ws-2 is not encrypted"],
    ]);
    expect(Object.keys(results[1]?.evidence ?? {}).sort()).toEqual(["resource.id", "resource.rootVolumeEncrypted"]);
  });

  it("turns a variable that throws into an error result, never a pass", () => {
    const p = policy({ variables: variables(["state", "resource.kmsKey.keyState"]), assert: JSON.stringify("variables.state == 'Enabled'") });
    const results = evaluatePolicy(p, resolveInventory(smallInventory()), { now });
    expect(results.map((r) => r.status)).toEqual(["pass", "error"]);
    expect(results[1]?.message).toMatch(/^Could not decide: /);
  });

  it("lets a later variable read an earlier one", () => {
    const p = policy({ variables: variables(["a", "resource.id"], ["b", "variables.a + '!'"]), assert: JSON.stringify("variables.b == 'ws-1!'") });
    expect(evaluatePolicy(p, resolveInventory(smallInventory()), { now }).map((r) => r.status)).toEqual(["pass", "fail"]);
  });

  it("rejects a forward reference at load time, at its line and column", () => {
    const { error } = load({ variables: variables(["a", "variables.b + 'x'"], ["b", "resource.id"]), assert: "resource.id != ''" });
    expect(error).toMatch(/p\.yaml: line 15 column 11: CEL type error in variable a: variables\.b is declared at or after "a"/);
  });

  it("rejects a variable that reads itself", () => {
    const { error } = load({ variables: variables(["a", "size(variables.a) > 0"]), assert: "resource.id != ''" });
    expect(error).toMatch(/line 15 column 16: CEL type error in variable a: variables\.a is declared at or after "a"/);
  });

  it("types variables: a mistyped use is a load error in the expression that uses it, located", () => {
    const { error } = load({ variables: variables(["n", "size(resource.id)"]), assert: JSON.stringify("variables.n == 'three'") });
    expect(error).toMatch(/p\.yaml: line 7 column 1: CEL type error in assert: no such overload: int == string/);
  });

  it("locates a type error inside a variable's block-scalar expression", () => {
    const { error } = load({ variables: "\n  - name: ok\n    expression: resource.id\n  - name: bad\n    expression: |\n      resource.id != ''\n        && size(1) > 0", assert: "resource.id != ''" });
    expect(error).toMatch(/p\.yaml: line 19 column \d+: CEL type error in variable bad: .*size/);
  });

  it("rejects an unknown variable in assert, and duplicate or reserved names", () => {
    expect(load({ assert: "variables.x" }).error).toMatch(/CEL type error in assert/);
    expect(load({ variables: variables(["a", "1"], ["a", "2"]), assert: "resource.id != ''" }).error).toMatch(/line 16: variables\[1\]: duplicate variable name "a"/);
    expect(load({ variables: variables(["constructor", "1"]), assert: "resource.id != ''" }).error).toContain('reserved variable name "constructor"');
    expect(load({ variables: variables(["in", "1"]), assert: "resource.id != ''" }).error).toContain("invalid policy");
  });
});
