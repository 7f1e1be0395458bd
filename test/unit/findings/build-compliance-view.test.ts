// The compliance view combines policy results per control, and never shows a control without evidence as passed.
import { describe, expect, it } from "vitest";
import { buildComplianceView as build, countResultsByPolicy, countTalliesByPolicy } from "../../../src/findings/build-compliance-view.js";
import { tallyResults } from "../../../src/findings/build-scan-report.js";
import { controlsByPolicy } from "../../../src/findings/controls-by-policy.js";
import type { FrameworkDefinition } from "../../../src/findings/framework-definition.js";
import { compareControlIds } from "../../../src/findings/sort-results.js";
import type { PolicyMeta, Result } from "../../../src/findings/types.js";
import { result } from "../../helpers/results.js";

const meta = (id: string, controls: string[]): PolicyMeta => ({
  id, name: id.toLowerCase(), title: id, description: "", severity: "high", resource: "workspace", remediation: "", references: [], controls, pack: "p", source: { file: "p.yaml", line: 1 },
});
const nistControls = {
  "SC-28": { title: "Protection of Information at Rest", baselines: ["LOW", "MODERATE", "HIGH"] },
  "SC-7": { title: "Boundary Protection", baselines: ["LOW", "MODERATE", "HIGH"] },
  "AC-2": { title: "Account Management", baselines: ["LOW", "MODERATE", "HIGH"] },
  "SC-12(1)": { title: "Availability", baselines: ["HIGH"] },
  "IA-3": { title: "Device Identification and Authentication", baselines: ["MODERATE", "HIGH"] },
};

const nist: FrameworkDefinition = { id: "nist-800-53-r5", title: "NIST", mappedBy: "policy", complete: false, controls: nistControls };
const controls = nist;
// The NIST view: each policy's `controls` list is the mapping.
const buildComplianceView = (framework: FrameworkDefinition, baseline: "LOW" | "MODERATE" | "HIGH" | null, policies: PolicyMeta[], results: Result[]) =>
  build(framework, baseline, controlsByPolicy(framework, policies), countResultsByPolicy(results));

describe("buildComplianceView", () => {
  const policies = [meta("ENC", ["SC-28"]), meta("NET", ["SC-7"]), meta("MAN", ["IA-3"]), meta("EMPTY", ["SC-12(1)"])];
  const results = [result("ENC", "ws-1", "pass"), result("ENC", "ws-2", "fail"), result("NET", "ws-1", "pass"), result("NET", "ws-2", "waived"), result("MAN", "d-1", "manual")];

  it("lists every baseline control, with policies' combined status, and the rest as not assessed", () => {
    const view = buildComplianceView(controls, "MODERATE", policies, results);
    expect(view.controls.map((c) => [c.id, c.status, c.policies])).toEqual([
      ["AC-2", "not_assessed", []],
      ["IA-3", "manual", ["MAN"]],
      ["SC-7", "pass", ["NET"]],
      ["SC-28", "fail", ["ENC"]],
    ]);
    expect(view.controls.find((c) => c.id === "SC-28")?.counts).toMatchObject({ pass: 1, fail: 1 });
  });

  it("marks a control whose policies produced no result as not assessed", () => {
    const view = buildComplianceView(controls, "HIGH", policies, results);
    expect(view.controls.find((c) => c.id === "SC-12(1)")?.status).toBe("not_assessed");
  });

  it("without a baseline lists only the controls the policies map to", () => {
    expect(buildComplianceView(controls, null, policies, results).controls.map((c) => c.id)).toEqual(["IA-3", "SC-7", "SC-12(1)", "SC-28"]);
  });

  it("lets an error outrank a pass", () => {
    const view = buildComplianceView(controls, null, [meta("ENC", ["SC-28"])], [result("ENC", "ws-1", "pass"), result("ENC", "ws-2", "error")]);
    expect(view.controls[0]?.status).toBe("error");
  });
});

describe("buildComplianceView for a framework file that maps policies (CIS-like)", () => {
  const cis: FrameworkDefinition = {
    id: "cis",
    title: "CIS",
    mappedBy: "framework",
    complete: true,
    controls: {
      "2.1": { title: "IAM", manual: true, policies: [] },
      "2.3": { title: "Encryption", family: "WorkSpaces", policies: ["ENC", "OTHER"] },
      "2.10": { title: "Maintenance", policies: ["OPS"] },
      "2.17": { title: "Endpoint", policies: [], note: "conflicts with FedRAMP" },
    },
  };
  const policies = [meta("ENC", []), meta("OPS", [])];
  const results = [result("ENC", "ws-1", "pass"), result("ENC", "ws-2", "fail")];

  it("lists every control; manual ones without evidence are manual, the rest not assessed, never pass", () => {
    const view = build(cis, null, controlsByPolicy(cis, policies), countResultsByPolicy(results));
    expect(view.controls.map((c) => [c.id, c.status, c.policies])).toEqual([
      ["2.1", "manual", []],
      ["2.3", "fail", ["ENC"]],
      ["2.10", "not_assessed", ["OPS"]],
      ["2.17", "not_assessed", []],
    ]);
    expect(view.controls[1]?.family).toBe("WorkSpaces");
    expect(view.controls[3]?.note).toBe("conflicts with FedRAMP");
    expect(view.framework).toBe("cis");
  });

  it("maps only policies that ran, and counts from tallies as from results", () => {
    expect([...controlsByPolicy(cis, policies)]).toEqual([["ENC", ["2.3"]], ["OPS", ["2.10"]]]);
    expect(countTalliesByPolicy(tallyResults(results))).toEqual(countResultsByPolicy(results));
  });
});

describe("compareControlIds", () => {
  it("orders by family, number and enhancement numerically", () => {
    expect(["AC-10", "AC-2(1)", "AC-3", "AC-2", "AU-2"].sort(compareControlIds)).toEqual(["AC-2", "AC-2(1)", "AC-3", "AC-10", "AU-2"]);
  });
});
