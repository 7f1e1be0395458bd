// End-to-end: the fedramp pack reuses best-practice policies by id and reports a per-control FedRAMP table.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanReport } from "../../src/findings/types.js";
import { loadFramework } from "../../src/policy/framework.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-files.js";

const NOW = "2026-01-01T00:00:00Z";

function evaluate(args: string[]): { report: ScanReport; stdout: string; code: number } {
  const out = tempDir();
  const run = runCli(["evaluate", "examples/inventory.json", ...args, "--format", "json,text", "--out-dir", out, "--now", NOW]);
  return { report: JSON.parse(readFileSync(join(out, "wsaudit.json"), "utf8")) as ScanReport, stdout: run.stdout, code: run.code };
}

describe("--pack fedramp", () => {
  const { report, stdout } = evaluate(["--pack", "fedramp"]);
  const moderate = Object.entries(loadFramework().controls).filter(([, c]) => c.baselines.includes("MODERATE")).map(([id]) => id);

  it("reports every FedRAMP Moderate control: mapped ones with a status, the rest not assessed", () => {
    expect(report.compliance[0]?.baseline).toBe("MODERATE");
    expect(report.compliance[0]?.controls.map((c) => c.id).sort()).toEqual([...moderate].sort());
    const mappedIds = new Set(report.policies.flatMap((p) => p.controls));
    for (const c of report.compliance[0]?.controls ?? []) {
      if (mappedIds.has(c.id)) expect(c.status, c.id).not.toBe("not_assessed");
      else expect(c.status, c.id).toBe("not_assessed");
    }
  });

  it("reuses best-practice policies by id alongside its own", () => {
    const packs = new Set(report.policies.map((p) => p.pack));
    expect(packs).toEqual(new Set(["fedramp", "workspaces-best-practices"]));
    expect(report.policies.some((p) => p.id === "WS-FED-001")).toBe(true);
    expect(report.policies.some((p) => p.id === "WS-ENC-001")).toBe(true);
    // A best-practice policy with no FedRAMP control is not part of the FedRAMP pack.
    expect(report.policies.some((p) => p.id === "WS-OPS-002")).toBe(false);
  });

  it("prints the per-control table in the text summary", () => {
    expect(stdout).toMatch(/Compliance: NIST SP 800-53 Rev\. 5 \(FedRAMP MODERATE baseline\)/);
    expect(stdout).toMatch(/^ {2}SC-28 +FAIL +LMH +WS-ENC-001, WS-ENC-002 - Protection of Information at Rest$/m);
    expect(stdout).toMatch(/NOT ASSESSED \(\d+\): no automated evidence, which is not a pass/);
  });
});

describe("--fedramp-baseline", () => {
  it("selects only policies with evidence for the baseline and reports its controls", () => {
    const { report } = evaluate(["--fedramp-baseline", "low"]);
    const low = loadFramework().controls;
    expect(report.compliance[0]?.baseline).toBe("LOW");
    for (const p of report.policies) expect(p.controls.some((c) => low[c]?.baselines.includes("LOW")), p.id).toBe(true);
  });
  it("rejects an unknown baseline", () => {
    const run = runCli(["evaluate", "examples/inventory.json", "--fedramp-baseline", "extreme", "--out-dir", tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fedramp-baseline: extreme: expected low, moderate or high/);
  });
});
