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

describe("default run (no --pack)", () => {
  const { report } = evaluate([]);
  it("runs the best-practices pack only and reports the NIST controls its policies map to", () => {
    expect(new Set(report.policies.map((p) => p.pack))).toEqual(new Set(["workspaces-best-practices"]));
    expect(report.compliance.map((v) => [v.framework, v.baseline])).toEqual([["nist-800-53-r5", null]]);
  });
});

describe("--framework", () => {
  it("cis-aws-euc-1.2.0 reports all 18 section-2 recommendations, each with a status; none without evidence passes", () => {
    const { report } = evaluate(["--framework", "cis-aws-euc-1.2.0"]);
    const [view] = report.compliance;
    expect(view?.framework).toBe("cis-aws-euc-1.2.0");
    expect(view?.controls.map((c) => c.id)).toEqual(Array.from({ length: 18 }, (_, i) => `2.${i + 1}`));
    for (const c of view?.controls ?? []) {
      expect(c.title, c.id).not.toBe("");
      if (c.policies.length === 0) expect(["manual", "not_assessed"], c.id).toContain(c.status);
    }
    expect(view?.controls.find((c) => c.id === "2.11")?.status).toBe("manual");
    expect(view?.controls.find((c) => c.id === "2.17")?.note).toMatch(/FIPS/);
    // The FIPS recommendation's evidence comes from the fedramp pack, without the rest of that pack.
    expect(view?.controls.find((c) => c.id === "2.16")?.policies).toEqual(["WS-FED-001"]);
    expect(report.policies.filter((p) => p.pack === "fedramp").map((p) => p.id)).toEqual(["WS-FED-001"]);
  });

  it("fedramp-moderate reports every Moderate control with its title and family, and runs the fedramp pack", () => {
    const { report } = evaluate(["--framework", "fedramp-moderate"]);
    const [view] = report.compliance;
    expect(view?.baseline).toBe("MODERATE");
    expect(view?.controls).toHaveLength(323);
    for (const c of view?.controls ?? []) {
      expect(c.title, c.id).not.toBe("");
      expect(c.family, c.id).toBeDefined();
    }
    expect(report.policies.some((p) => p.id === "WS-FED-002")).toBe(true);
  });

  it("is repeatable, one view each, and aws-fsbp maps the two WorkSpaces controls", () => {
    const { report } = evaluate(["--framework", "aws-fsbp", "--framework", "nist-800-53"]);
    expect(report.compliance.map((v) => v.framework)).toEqual(["aws-fsbp", "nist-800-53-r5"]);
    expect(report.compliance[0]?.controls.map((c) => [c.id, c.policies])).toEqual([["WorkSpaces.1", ["WS-ENC-002"]], ["WorkSpaces.2", ["WS-ENC-001"]]]);
  });

  it("rejects an unknown framework naming the known ones", () => {
    const run = runCli(["evaluate", "examples/inventory.json", "--framework", "iso-27001", "--out-dir", tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--framework: iso-27001: unknown framework; known: nist-800-53, fedramp-low/);
  });

  it("frameworks list shows every --framework name", () => {
    const run = runCli(["frameworks", "list", "--json"]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { name: string; controls: number | null }[];
    expect(rows.map((r) => [r.name, r.controls])).toEqual([
      ["nist-800-53", null], ["fedramp-low", 156], ["fedramp-moderate", 323], ["fedramp-high", 410], ["cis-aws-euc-1.2.0", 18], ["aws-fsbp", 2],
    ]);
  });
});

describe("public references", () => {
  it("no report of the example names an internal file; every policy has an https reference", () => {
    const out = tempDir();
    const run = runCli(["evaluate", "examples/inventory.json", "--pack", "fedramp", "--pack", "workspaces-best-practices", "--framework", "cis-aws-euc-1.2.0", "--format", "json,sarif,html,text,junit", "--out-dir", out, "--now", NOW]);
    expect([0, 1, 3]).toContain(run.code);
    for (const name of ["wsaudit.json", "wsaudit.sarif", "wsaudit.html", "wsaudit.txt", "junit.xml"]) {
      const text = readFileSync(join(out, name), "utf8");
      expect(text, name).not.toMatch(/seeds\/|\[00\d\] |_[0-9a-f]{16}\.txt/);
    }
    const report = JSON.parse(readFileSync(join(out, "wsaudit.json"), "utf8")) as ScanReport;
    for (const p of report.policies) expect(p.references.some((r) => r.url?.startsWith("https://")), p.id).toBe(true);
  });
});
