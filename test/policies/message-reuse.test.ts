// No shipped messageExpression re-implements its assert: shared logic belongs in `variables` (no common run of 40+ characters).
import { describe, expect, it } from "vitest";
import { loadPolicies, resolvePackLocations } from "../../src/policy/load-policies.js";

const LIMIT = 40;

const normalize = (s: string): string => s.replace(/\s+/g, " ").trim();

/** The longest common substring of two strings (dynamic programming, one row). */
function longestCommonRun(a: string, b: string): string {
  let best = 0;
  let end = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] !== b[j - 1]) continue;
      const run = (previous[j - 1] ?? 0) + 1;
      current[j] = run;
      if (run > best) {
        best = run;
        end = i;
      }
    }
    previous = current;
  }
  return a.slice(end - best, end);
}

const { policies } = loadPolicies(resolvePackLocations([]));

describe("shipped messageExpressions", () => {
  it("finds a shared run (the check can fail)", () => {
    expect(longestCommonRun("xx resource.a.filter(r, r.port == 22) yy", "zz resource.a.filter(r, r.port == 22) ww")).toBe(" resource.a.filter(r, r.port == 22) ");
  });

  for (const policy of policies) {
    const { assert, messageExpression } = policy.doc;
    if (assert === undefined || messageExpression === undefined) continue;
    it(`${policy.doc.id} shares no ${LIMIT}-character run with its assert`, () => {
      const run = longestCommonRun(normalize(assert), normalize(messageExpression));
      expect(run.length < LIMIT ? "" : run, `move the shared logic into variables (${policy.file})`).toBe("");
    });
  }
});
