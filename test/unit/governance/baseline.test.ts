// Baselines mark failures new or unchanged by fingerprint and list the fixed ones.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareWithBaseline, loadBaseline } from "../../../src/governance/baseline.js";
import { result } from "../../helpers/results.js";
import { tempDir } from "../../helpers/temp-files.js";

describe("compareWithBaseline", () => {
  it("marks new and unchanged failures and lists fixed ones", () => {
    const previous = [result("WS-SG-004", "ws-1", "fail"), result("WS-SG-004", "ws-2", "waived"), result("WS-ENC-001", "ws-3", "fail"), result("WS-ENC-001", "ws-4", "pass")];
    const current = [result("WS-SG-004", "ws-1", "fail"), result("WS-SG-004", "ws-2", "fail"), result("WS-ENC-001", "ws-3", "pass"), result("WS-ENC-001", "ws-4", "fail")];
    const coverage = { policyIds: ["WS-SG-004", "WS-ENC-001"], accounts: ["123456789012"], regions: ["us-east-1"] };
    const { results, summary } = compareWithBaseline(current, previous, "prev.json", coverage);
    expect(results.map((r) => r.baselineState)).toEqual(["unchanged", "unchanged", undefined, "new"]);
    expect(summary).toMatchObject({ file: "prev.json", new: 1, unchanged: 2 });
    expect(summary.fixed.map((f) => [f.policyId, f.resourceId])).toEqual([["WS-ENC-001", "ws-3"]]);
  });

  it("does not call findings fixed when this run did not look at them", () => {
    const previous = [result("WS-SG-004", "ws-1", "fail"), result("WS-ENC-001", "ws-2", "fail", "high", "eu-west-1")];
    const coverage = { policyIds: ["WS-ENC-001"], accounts: ["123456789012"], regions: ["us-east-1"] };
    expect(compareWithBaseline([], previous, "prev.json", coverage).summary.fixed).toEqual([]);
  });
});

describe("loadBaseline", () => {
  it("rejects a file that is not a wsaudit JSON report", () => {
    const file = join(tempDir({ "b.json": JSON.stringify({ runs: [] }) }), "b.json");
    expect(() => loadBaseline(file)).toThrow(/b\.json: \/results: not a wsaudit JSON report/);
  });
  it("rejects malformed JSON", () => {
    const file = join(tempDir({ "b.json": "{" }), "b.json");
    expect(() => loadBaseline(file)).toThrow(/b\.json: malformed JSON/);
  });
});
