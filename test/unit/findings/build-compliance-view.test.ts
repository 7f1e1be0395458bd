// The compliance view combines policy results per control, and never shows a control without evidence as passed.
import { describe, expect, it } from "vitest";
import { buildComplianceView } from "../../../src/findings/build-compliance-view.js";
import { tallyResults } from "../../../src/findings/build-scan-report.js";
import { compareControlIds } from "../../../src/findings/sort-results.js";
import type { PolicyMeta } from "../../../src/findings/types.js";
import { result } from "../../helpers/results.js";

const meta = (id: string, controls: string[]): PolicyMeta => ({
  id, name: id.toLowerCase(), title: id, description: "", severity: "high", resource: "workspace", remediation: "", references: [], controls, pack: "p", source: { file: "p.yaml", line: 1 },
});
const controls = {
  "SC-28": { title: "Protection of Information at Rest", baselines: ["LOW", "MODERATE", "HIGH"] },
  "SC-7": { title: "Boundary Protection", baselines: ["LOW", "MODERATE", "HIGH"] },
  "AC-2": { title: "Account Management", baselines: ["LOW", "MODERATE", "HIGH"] },
  "SC-12(1)": { title: "Availability", baselines: ["HIGH"] },
  "IA-3": { title: "Device Identification and Authentication", baselines: ["MODERATE", "HIGH"] },
};

describe("buildComplianceView", () => {
  const policies = [meta("ENC", ["SC-28"]), meta("NET", ["SC-7"]), meta("MAN", ["IA-3"]), meta("EMPTY", ["SC-12(1)"])];
  const results = [result("ENC", "ws-1", "pass"), result("ENC", "ws-2", "fail"), result("NET", "ws-1", "pass"), result("NET", "ws-2", "waived"), result("MAN", "d-1", "manual")];

  it("lists every baseline control, with policies' combined status, and the rest as not assessed", () => {
    const view = buildComplianceView(controls, "MODERATE", policies, tallyResults(results));
    expect(view.controls.map((c) => [c.id, c.status, c.policies])).toEqual([
      ["AC-2", "not_assessed", []],
      ["IA-3", "manual", ["MAN"]],
      ["SC-7", "pass", ["NET"]],
      ["SC-28", "fail", ["ENC"]],
    ]);
    expect(view.controls.find((c) => c.id === "SC-28")?.counts).toMatchObject({ pass: 1, fail: 1 });
  });

  it("marks a control whose policies produced no result as not assessed", () => {
    const view = buildComplianceView(controls, "HIGH", policies, tallyResults(results));
    expect(view.controls.find((c) => c.id === "SC-12(1)")?.status).toBe("not_assessed");
  });

  it("without a baseline lists only the controls the policies map to", () => {
    expect(buildComplianceView(controls, null, policies, tallyResults(results)).controls.map((c) => c.id)).toEqual(["IA-3", "SC-7", "SC-12(1)", "SC-28"]);
  });

  it("lets an error outrank a pass", () => {
    const view = buildComplianceView(controls, null, [meta("ENC", ["SC-28"])], tallyResults([result("ENC", "ws-1", "pass"), result("ENC", "ws-2", "error")]));
    expect(view.controls[0]?.status).toBe("error");
  });
});

describe("compareControlIds", () => {
  it("orders by family, number and enhancement numerically", () => {
    expect(["AC-10", "AC-2(1)", "AC-3", "AC-2", "AU-2"].sort(compareControlIds)).toEqual(["AC-2", "AC-2(1)", "AC-3", "AC-10", "AU-2"]);
  });
});
