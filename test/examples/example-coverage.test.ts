// The shipped example inventory shows every automated policy both ways and every manual one, and errs only where data is missing.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Result, ScanReport } from "../../src/findings/types.js";
import { loadPolicySet, runEvaluation } from "../../src/pipeline/run-evaluation.js";

/** Every shipped pack: a run without --pack evaluates the best-practices pack only. */
const ALL_PACKS = ["workspaces-best-practices", "fedramp"];
import { expectValidInventory } from "../helpers/expect-valid-inventory.js";

const INVENTORY = fileURLToPath(new URL("../../examples/inventory.json", import.meta.url));
const PARAMS = fileURLToPath(new URL("../../examples/params.yaml", import.meta.url));
const now = new Date("2026-01-01T00:00:00Z");

// These fail only with a non-default param (an approved-key list, restricted personas, a quota or threshold
// far above a 40-WorkSpace example): examples/params.yaml sets them.
const PARAM_ONLY = ["WS-ENC-008", "WS-ENC-010", "WS-NET-015", "WS-SG-009"];

const DENIED_KEY_USERS = ["ws-bpf9fuyg4", "ws-itqgqtooo"]; // asmith, dpatel
// bmartin: no interface holds its IP (WS-OPS-008 fails), so its security groups are unknown to these policies.
const ENI_GONE = { workspace: "ws-egx9qnkkc", reason: "not in the inventory: networkInterface subnet-0013d744c85bbf4b3/10.60.2.39" };
const SG_POLICIES = ["WS-SG-003", "WS-SG-004", "WS-SG-005", "WS-SG-006", "WS-SG-007", "WS-SG-008"];

/**
 * The policies the example shows both ways, generated (never hand-edited): a listed policy must keep a pass and a
 * fail; a new policy is proven by its own test file and needs no edit of the example or of this table. To lock in
 * coverage after extending the example, regenerate with
 * `WSAUDIT_UPDATE_EXAMPLE_COVERAGE=1 npx vitest run test/examples/example-coverage.test.ts`.
 */
const COVERAGE = fileURLToPath(new URL("./example-coverage.json", import.meta.url));
const UPDATE = process.env["WSAUDIT_UPDATE_EXAMPLE_COVERAGE"] === "1";

const policies = loadPolicySet([]);
const manualIds = policies.filter((p) => p.doc.manual === true).map((p) => p.doc.id);
const automatedIds = policies.filter((p) => p.doc.manual !== true).map((p) => p.doc.id);

function statusesByPolicy(report: ScanReport): Map<string, Set<Result["status"]>> {
  const out = new Map<string, Set<Result["status"]>>(report.policies.map((p) => [p.id, new Set()]));
  for (const r of report.results) out.get(r.policyId)?.add(r.status);
  return out;
}

/** Automated policies that lack a pass or a fail. */
function notBothWays(report: ScanReport, ids: string[]): string[] {
  const seen = statusesByPolicy(report);
  return ids.filter((id) => !(seen.get(id)?.has("pass") && seen.get(id)?.has("fail")));
}

describe("examples/inventory.json", () => {
  const report = runEvaluation({ inventoryFiles: [INVENTORY], packs: ALL_PACKS, paramsFile: PARAMS, now, includePassed: true });

  it("validates against the inventory schema and holds every schema 1.1 collection", () => {
    const doc = JSON.parse(readFileSync(INVENTORY, "utf8")) as Record<string, unknown>;
    expectValidInventory(doc);
    expect(doc["schemaVersion"]).toBe("1.1");
    const added = ["accountRegions", "natGateways", "dhcpOptions", "networkAcls", "vpcEndpoints", "bundles", "images", "trails", "alarms", "eventRules", "iamRoles"];
    for (const name of added) expect(Array.isArray(doc[name]) && (doc[name] as unknown[]).length > 0, name).toBe(true);
  });

  it("evaluates every shipped policy", () => {
    expect(report.policies.map((p) => p.id).sort()).toEqual([...manualIds, ...automatedIds].sort());
    expect(automatedIds.length).toBeGreaterThanOrEqual(75);
  });

  const covered = automatedIds.filter((id) => !notBothWays(report, [id]).includes(id)).sort();
  if (UPDATE) writeFileSync(COVERAGE, `${JSON.stringify({ bothWays: covered }, null, 2)}\n`);
  const table = (JSON.parse(readFileSync(COVERAGE, "utf8")) as { bothWays: string[] }).bothWays;

  it("with examples/params.yaml, gives every policy of the generated coverage table at least one pass and one fail", () => {
    expect(table.filter((id) => !automatedIds.includes(id)), "table lists policies that no longer exist: regenerate it").toEqual([]);
    expect(notBothWays(report, table)).toEqual([]);
  });

  it("has a coverage table that covers the shipped catalogue (when generated: every automated policy)", () => {
    expect(table.length).toBeGreaterThanOrEqual(75);
  });

  it("fails WS-DIR-001 on the impaired AD Connector and WS-OPS-008 on the WorkSpace whose interface is gone", () => {
    const failing = (id: string) => report.results.filter((r) => r.policyId === id && r.status === "fail").map((r) => r.resourceId);
    expect(failing("WS-DIR-001")).toEqual(["d-93671d6f7a"]);
    expect(failing("WS-OPS-008")).toEqual([ENI_GONE.workspace]);
  });

  it("needs the params file only for the policies that cannot fail with their defaults", () => {
    const defaults = runEvaluation({ inventoryFiles: [INVENTORY], packs: ALL_PACKS, now, includePassed: true });
    expect(notBothWays(defaults, table).sort()).toEqual([...PARAM_ONLY].sort());
  });

  it("gives every manual policy at least one manual result", () => {
    const seen = statusesByPolicy(report);
    expect(manualIds.length).toBeGreaterThan(0);
    expect(manualIds.filter((id) => !seen.get(id)?.has("manual"))).toEqual([]);
  });

  it("gives error only where data is missing: the key DescribeKey was denied on, and bmartin's deleted interface", () => {
    expect(report.inventory.errors.map((e) => `${e.service}:${e.operation}`)).toEqual(["kms:DescribeKey"]);
    const errors = report.results.filter((r) => r.status === "error");
    const kms = ["WS-ENC-003", "WS-ENC-004", "WS-ENC-006"].flatMap((p) => DENIED_KEY_USERS.map((w) => `${p} ${w}`));
    const eni = SG_POLICIES.map((p) => `${p} ${ENI_GONE.workspace}`);
    expect(errors.map((r) => `${r.policyId} ${r.resourceId}`).sort()).toEqual([...kms, ...eni].sort());
    for (const r of errors) {
      const why = r.resourceId === ENI_GONE.workspace ? ENI_GONE.reason : "not collected: kms:DescribeKey AccessDeniedException in 123456789012/us-east-1";
      expect(r.message, `${r.policyId} ${r.resourceId}`).toContain(why);
    }
  });
});
