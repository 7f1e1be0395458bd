// A --params file may only set declared params of loaded policies, with the declared type.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadParamsFile } from "../../../src/policy/load-params.js";
import { loadPolicies } from "../../../src/policy/load-policies.js";
import { policyYaml } from "../../helpers/policy-text.js";
import { tempDir } from "../../helpers/temp-files.js";

const dir = tempDir({ "p.yaml": policyYaml({ params: "\n  minFree:\n    default: 10\n    description: free IPs\n  cidrs:\n    default: []\n    description: admin ranges" }) });
const { policies } = loadPolicies([dir], dir);

function load(text: string): unknown {
  const d = tempDir({ "params.yaml": text });
  return loadParamsFile(join(d, "params.yaml"), policies);
}

describe("loadParamsFile", () => {
  it("returns overrides for declared params", () => {
    expect(load("ACME-001:\n  minFree: 20\n  cidrs: [10.0.0.0/8]\n")).toEqual({ "ACME-001": { minFree: 20, cidrs: ["10.0.0.0/8"] } });
  });
  it("rejects an unknown policy id with its line", () => {
    expect(() => load("# overrides\nACME-999:\n  minFree: 1\n")).toThrow(/params\.yaml: line 2: unknown policy id "ACME-999"/);
  });
  it("rejects an unknown param, listing the declared ones", () => {
    expect(() => load("ACME-001:\n  minfree: 1\n")).toThrow(/params\.yaml: line 2: unknown param "minfree" for ACME-001; it takes: minFree, cidrs/);
  });
  it("rejects a value of the wrong type", () => {
    expect(() => load("ACME-001:\n  cidrs: 10.0.0.0/8\n")).toThrow(/line 2: param "cidrs" of ACME-001 must be array, got string/);
  });
  it("rejects malformed YAML", () => {
    expect(() => load("ACME-001: [\n")).toThrow(/params\.yaml: line \d+ column \d+: malformed YAML/);
  });
});
