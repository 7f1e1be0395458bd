// A runaway CEL expression (nested comprehensions over large lists) stops with a clear error instead of running for
// minutes or exhausting memory; ordinary comprehensions are unaffected.
import { describe, expect, it } from "vitest";
import { compileExpression } from "../../../src/policy/compile-expression.js";

const context = (x: number[]) => ({ resource: { x }, params: {}, now: new Date("2026-01-01T00:00:00Z") });
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe("CEL step budget", () => {
  it("stops three nested all() over 1,000 items (10^9 steps) after 10^6", () => {
    const e = compileExpression("resource.x.all(a, resource.x.all(b, resource.x.all(c, a + b + c >= 0)))", "bool");
    const started = performance.now();
    expect(() => e.evaluate(context(range(1000)))).toThrow(/^CEL evaluation stopped: more than 1,000,000 comprehension steps/);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it("does not let exists() swallow the budget error of a nested step and answer true", () => {
    const e = compileExpression("resource.x.exists(a, a == 4999.0 || resource.x.map(b, resource.x.map(c, b)).size() > 0)", "bool");
    expect(() => e.evaluate(context(range(5000)))).toThrow(/comprehension steps/);
  });

  it("leaves ordinary comprehensions alone, and each evaluation gets a fresh budget", () => {
    const e = compileExpression("resource.x.exists(a, a == 4999.0) && resource.x.filter(a, a < 2500.0).size() == 2500", "bool");
    for (let i = 0; i < 3; i++) expect(e.evaluate(context(range(5000)))).toBe(true);
  });
});
