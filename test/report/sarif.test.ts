// The SARIF reporter against the OASIS 2.1.0 schema and GitHub code scanning's upload rules.
import { gunzipSync, gzipSync } from "node:zlib";
import { renderToString } from "../../src/report/render-to-string.js";
import type { Log, Result as SarifResult } from "sarif";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../../src/findings/fingerprint.js";
import type { Result, ScanReport } from "../../src/findings/types.js";
import { sarifReporter } from "../../src/report/sarif/index.js";
import { GOVERNANCE, SCAN_REPORT } from "../fixtures/scan-report.js";
import { githubProblems, sarifSchemaValidator } from "./sarif-checks.js";

const validate = sarifSchemaValidator();

function render(report: ScanReport = SCAN_REPORT, options = {}): Log {
  return JSON.parse(renderToString(sarifReporter, report, options)) as Log;
}

describe("sarif reporter", () => {
  it("validates against the OASIS SARIF 2.1.0 schema", () => {
    const log = render();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    // The validator is live: a result without its required message is refused.
    const broken = structuredClone(log);
    delete (broken.runs[0]!.results![0] as Partial<SarifResult>).message;
    expect(validate(broken)).toBe(false);
  });

  it("passes the GitHub code scanning rules", () => {
    expect(githubProblems(render())).toEqual([]);
    expect(githubProblems(render(SCAN_REPORT, { sarifLocation: "inventory" }))).toEqual([]);
  });

  it("has one rule per policy with remediation, controls, tags and GitHub security-severity bands", () => {
    const rules = render().runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(["WS-DIR-003", "WS-ENC-001", "WS-FED-004", "WS-NET-003", "WS-OPS-004"]);
    const score = Object.fromEntries(rules.map((r) => [r.id, r.properties?.["security-severity"]]));
    expect(score).toEqual({ "WS-DIR-003": "5.5", "WS-ENC-001": "8.0", "WS-FED-004": "3.0", "WS-NET-003": "9.5", "WS-OPS-004": undefined });
    const enc = rules.find((r) => r.id === "WS-ENC-001")!;
    expect(enc.help!.markdown).toContain("**Remediation**\n\nRebuild the WorkSpace");
    expect(enc.help!.markdown).toContain("`SC-28(1)`");
    expect(enc.help!.markdown).toContain("FedRAMP Rev. 5 baselines:** LOW, MODERATE, HIGH");
    expect(enc.properties!.tags).toEqual(["security", "workspaces", "NIST-SC-28", "NIST-SC-28(1)", "FedRAMP-LOW", "FedRAMP-MODERATE", "FedRAMP-HIGH"]);
    expect(enc.helpUri).toBe("https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html");
    const net = rules.find((r) => r.id === "WS-NET-003")!;
    expect(net.help!.markdown).not.toContain("javascript:");
    expect(net.help!.markdown).not.toContain("<script>");
  });

  it("emits one result per failing or waived resource, located in the policy file, with resource, account and region in the message", () => {
    const results = render().runs[0]!.results!;
    const emitted = SCAN_REPORT.results.filter((r) => r.status === "fail" || r.status === "waived");
    expect(results).toHaveLength(emitted.length);
    // Failures most severe first, then the waived result.
    expect(results.map((r) => r.ruleId)).toEqual(["WS-NET-003", "WS-ENC-001", "WS-ENC-001", "WS-DIR-003", "WS-OPS-004", "WS-ENC-001"]);
    const net = results[0]!;
    expect(net.level).toBe("error");
    expect(net.message.text).toBe("wsipg-0001 (account 111111111111, region us-east-1): IP group <script>window.__xss=1;alert(1)</script> allows 0.0.0.0/0.");
    expect(net.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "policies/workspaces-core/ws-net-003.yaml" },
      region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 15 },
    });
    expect(net.locations![0]!.logicalLocations![0]!.fullyQualifiedName).toBe("111111111111/us-east-1/workspaces.ipGroup/wsipg-0001");
  });

  it("points at line 1 of the inventory snapshot when asked", () => {
    const loc = render(SCAN_REPORT, { sarifLocation: "inventory" }).runs[0]!.results![0]!.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation!.uri).toBe("examples/inventory.json");
    expect(loc.region!.startLine).toBe(1);
  });

  it("fingerprints each finding from policy, account, region and resource: unique, and stable across runs", () => {
    const first = render().runs[0]!.results!;
    const prints = first.map((r) => r.partialFingerprints!["wsaudit/v1"]);
    expect(new Set(prints).size).toBe(first.length);
    const net = first[0]!;
    expect(net.partialFingerprints).toEqual({
      "wsaudit/v1": fingerprint("WS-NET-003", "111111111111", "us-east-1", "wsipg-0001"),
      primaryLocationLineHash: fingerprint("WS-NET-003", "111111111111", "us-east-1", "wsipg-0001"),
    });
    // A later run where another finding was fixed and the message changed: the remaining alerts keep their identity.
    const later: ScanReport = {
      ...SCAN_REPORT,
      generatedAt: "2026-02-01T00:00:00Z",
      results: SCAN_REPORT.results
        .filter((r) => r.resourceId !== "ws-aaaa0002")
        .map((r) => (r.resourceId === "wsipg-0001" ? { ...r, message: "now worded differently" } : r)),
    };
    const again = new Map(render(later).runs[0]!.results!.map((r) => [r.partialFingerprints!["wsaudit/v1"], r.ruleId]));
    for (const r of first.filter((x) => !(x.message.text ?? "").startsWith("ws-aaaa0002"))) expect(again.get(r.partialFingerprints!["wsaudit/v1"])).toBe(r.ruleId);
  });

  it("gives each account its own category, or the one asked for", () => {
    expect(render().runs[0]!.automationDetails!.id).toBe("wsaudit/111111111111+222222222222/");
    const one = { ...SCAN_REPORT, inventory: { ...SCAN_REPORT.inventory, scope: { ...SCAN_REPORT.inventory.scope, accounts: ["333333333333"] } } };
    expect(render(one).runs[0]!.automationDetails!.id).toBe("wsaudit/333333333333/");
    expect(render(SCAN_REPORT, { sarifCategory: "prod-us-east-1" }).runs[0]!.automationDetails!.id).toBe("wsaudit/prod-us-east-1/");
  });

  it("reports collection errors and undecided results as notifications and marks the execution unsuccessful", () => {
    const inv = render().runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    const notes = inv.toolExecutionNotifications!;
    const collection = notes.filter((n) => n.descriptor?.id === "wsaudit/collection-error");
    expect(collection).toHaveLength(1);
    expect(collection[0]!.level).toBe("error");
    expect(collection[0]!.message.text).toContain("not collected: kmsKeys (resources: 0000) in account 222222222222, region us-west-2");
    const undecided = notes.filter((n) => n.descriptor?.id === "wsaudit/evaluation-error");
    expect(undecided).toHaveLength(1);
    expect(undecided[0]!.associatedRule).toEqual({ id: "WS-ENC-001", index: 1 });
    expect(undecided[0]!.message.text).toContain("ws-bbbb0002 in account 222222222222, region us-west-2");
    // `error` results are never results: a code scanning alert would carry the rule's security severity.
    expect(render().runs[0]!.results!.some((r) => (r.message.text ?? "").startsWith("ws-bbbb0002"))).toBe(false);

    const clean: ScanReport = {
      ...SCAN_REPORT,
      inventory: { ...SCAN_REPORT.inventory, errors: [] },
      results: SCAN_REPORT.results.filter((r) => r.status !== "error"),
      governance: { waivers: GOVERNANCE.waivers.filter((w) => w.state === "applied"), attestations: [] },
    };
    const ok = render(clean).runs[0]!.invocations![0]!;
    expect(ok.executionSuccessful).toBe(true);
    expect(ok.toolExecutionNotifications).toEqual([]);
  });

  it("drops waived results and then the lowest severities first beyond the result limit, and says how many", () => {
    const run = render(SCAN_REPORT, { sarifMaxResults: 3 }).runs[0]!;
    expect(run.results!.map((r) => r.ruleId)).toEqual(["WS-NET-003", "WS-ENC-001", "WS-ENC-001"]);
    expect(run.properties).toMatchObject({ resultsFailing: 5, resultsWaived: 1, resultsEmitted: 3, resultsDropped: 3 });
    const dropped = run.invocations![0]!.toolExecutionNotifications!.find((n) => n.descriptor?.id === "wsaudit/results-dropped")!;
    expect(dropped.message.text).toMatch(/^3 result\(s\) were left out/);
    // Room for every failure but not the waived result: the waived one goes, no failure does.
    const five = render(SCAN_REPORT, { sarifMaxResults: 5 }).runs[0]!.results!;
    expect(five).toHaveLength(5);
    expect(five.some((r) => r.suppressions !== undefined)).toBe(false);
  });

  it("carries waived results with an accepted external suppression and the waiver's justification, or leaves them out", () => {
    const results = render().runs[0]!.results!;
    const suppressed = results.filter((r) => r.suppressions !== undefined);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions).toEqual([
      { kind: "external", status: "accepted", justification: "legacy image, ticket SEC-42", properties: { waiverId: "W-001", owner: "secops@example.com", expires: "2026-06-30" } },
    ]);
    expect(suppressed[0]!.message.text).toContain("(waived by W-001 until 2026-06-30: legacy image, ticket SEC-42)");
    expect(suppressed[0]!.partialFingerprints!["wsaudit/v1"]).toBe(fingerprint("WS-ENC-001", "111111111111", "us-east-1", "ws-aaaa0003"));
    const omitted = render(SCAN_REPORT, { sarifWaived: "omit" });
    expect(omitted.runs[0]!.results!.some((r) => r.suppressions !== undefined)).toBe(false);
    expect(omitted.runs[0]!.results).toHaveLength(5);
    expect(omitted.runs[0]!.properties).toMatchObject({ resultsWaived: 1, resultsEmitted: 5 });
    expect(validate(omitted)).toBe(true);
  });

  it("marks every result new or unchanged against the baseline, and lists fixed findings in the run properties, not as absent results", () => {
    const run = render().runs[0]!;
    const state = Object.fromEntries(run.results!.map((r) => [`${r.ruleId} ${r.message.text!.split(" ")[0]}`, r.baselineState]));
    expect(state).toEqual({
      "WS-NET-003 wsipg-0001": "new",
      "WS-ENC-001 ws-aaaa0002": "new",
      "WS-ENC-001 ws-bbbb0001": "unchanged",
      "WS-DIR-003 d-906700aaaa": "unchanged",
      "WS-OPS-004 ws-aaaa0003": "unchanged",
      "WS-ENC-001 ws-aaaa0003": "unchanged",
    });
    expect(run.results!.some((r) => r.baselineState === "absent")).toBe(false);
    const fixed = GOVERNANCE.baseline!.fixed;
    expect(run.properties!.baseline).toEqual({ file: "baseline/wsaudit.json", new: 2, unchanged: 4, fixed: 2, fixedFingerprints: [fixed[0]!.fingerprint, fixed[1]!.fingerprint] });
    const without = render({ ...SCAN_REPORT, governance: undefined, results: SCAN_REPORT.results.map((r) => {
        const copy = { ...r };
        delete copy.baselineState;
        return copy;
      }) }).runs[0]!;
    expect(without.results!.some((r) => "baselineState" in r)).toBe(false);
    expect(without.properties!.baseline).toBeUndefined();
  });

  it("reports expired waivers and attestations as warnings and unused ones as notes", () => {
    const notes = render().runs[0]!.invocations![0]!.toolExecutionNotifications!;
    const governance = notes.filter((n) => /^wsaudit\/(waiver|attestation)-/.test(n.descriptor?.id ?? "")).map((n) => [n.descriptor!.id, n.level, String(n.properties!.id)]);
    expect(governance).toEqual([
      ["wsaudit/waiver-expired", "warning", "W-002"],
      ["wsaudit/waiver-unused", "note", "W-003"],
      ["wsaudit/attestation-expired", "warning", "A-002"],
    ]);
    expect(notes.find((n) => n.descriptor?.id === "wsaudit/waiver-expired")!.message.text).toContain("expired on 2025-12-01 and no longer applies");
    // Applied entries are not news.
    expect(notes.some((n) => n.properties?.id === "W-001" || n.properties?.id === "A-001")).toBe(false);
  });

  it("keeps the usual mapping for attested results: an attested failure is a result, an attested pass is not", () => {
    const attestation = { id: "A-009", attestedBy: "auditor@example.com", attestedAt: "2025-12-01", evidence: "TICKET-9", expires: "2026-12-01" };
    const attestedFail: Result = {
      ...SCAN_REPORT.results.find((r) => r.status === "manual")!,
      status: "fail",
      message: "Attested not compliant by auditor@example.com on 2025-12-01 (evidence: TICKET-9; expires 2026-12-01)",
      attestation,
    };
    const report: ScanReport = { ...SCAN_REPORT, results: [...SCAN_REPORT.results.filter((r) => r.status !== "manual"), attestedFail] };
    const results = render(report).runs[0]!.results!;
    const fed = results.filter((r) => r.ruleId === "WS-FED-004");
    expect(fed).toHaveLength(1);
    expect(fed[0]!.properties!.attestation).toEqual(attestation);
    expect(fed[0]!.level).toBe("note");
    // The attested pass in the fixture (ws-bbbb0001) is not a result.
    expect(render().runs[0]!.results!.some((r) => r.ruleId === "WS-FED-004")).toBe(false);
  });

  it("stays under the gzip size limit on a large fleet, dropping lowest severity first", () => {
    const big: Result[] = [];
    const severities = ["critical", "high", "medium", "low"] as const;
    for (let i = 0; i < 4000; i++) {
      const severity = severities[i % 4]!;
      const resourceId = `ws-${i.toString(36).padStart(6, "0")}${Math.sin(i).toString(36).slice(2, 10)}`;
      big.push({ policyId: "WS-ENC-001", status: "fail", severity, resourceType: "workspaces.workspace", resourceId, accountId: "111111111111", region: "us-east-1", directoryId: null, message: `Unencrypted ${resourceId}`, evidence: { id: resourceId }, fingerprint: fingerprint("WS-ENC-001", "111111111111", "us-east-1", resourceId) });
    }
    const limit = 60_000;
    const text = renderToString(sarifReporter, { ...SCAN_REPORT, results: big }, { sarifMaxGzipBytes: limit });
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    const log = JSON.parse(gunzipSync(gzipSync(text)).toString("utf8")) as Log;
    const run = log.runs[0]!;
    const kept = run.results as SarifResult[];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(4000);
    expect(run.properties!.resultsDropped).toBe(4000 - kept.length);
    const rank = { error: 2, warning: 1, note: 0, none: -1 } as const;
    const levels = kept.map((r) => rank[r.level ?? "none"]);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(kept.some((r) => r.level === "note")).toBe(false);
    expect(validate(log)).toBe(true);
  });

  it("never emits a result without a physical location, even without policy metadata", () => {
    const orphan: ScanReport = { ...SCAN_REPORT, policies: [], inventory: { ...SCAN_REPORT.inventory, sources: [] } };
    const log = render(orphan);
    expect(validate(log)).toBe(true);
    expect(githubProblems(log)).toEqual([]);
  });
});
