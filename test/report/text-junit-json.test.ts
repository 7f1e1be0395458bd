// Behaviour of the text, JUnit and JSON reporters that the golden files alone would not make obvious.
import { describe, expect, it } from "vitest";
import { renderToString } from "../../src/report/render-to-string.js";
import { fingerprint } from "../../src/findings/fingerprint.js";
import type { Result, ScanReport } from "../../src/findings/types.js";
import { jsonReporter } from "../../src/report/json.js";
import { junitReporter } from "../../src/report/junit.js";
import { textReporter } from "../../src/report/text.js";
import { embedJson } from "../../src/report/html/embed-json.js";
import { GOVERNANCE, SCAN_REPORT, XSS_SCRIPT } from "../fixtures/scan-report.js";

function manyFailures(n: number): Result[] {
  return Array.from({ length: n }, (_, i) => {
    const resourceId = `ws-${String(i).padStart(4, "0")}`;
    return { policyId: "WS-ENC-001", status: "fail", severity: "high", resourceType: "workspaces.workspace", resourceId, accountId: "111111111111", region: "us-east-1", directoryId: null, message: `unencrypted ${resourceId}`, evidence: {}, fingerprint: fingerprint("WS-ENC-001", "111111111111", "us-east-1", resourceId) };
  });
}

describe("text reporter", () => {
  it("caps the list per policy and says how many more", () => {
    const out = renderToString(textReporter, { ...SCAN_REPORT, results: manyFailures(150) }, {});
    expect(out).toContain("FAILING (150)");
    expect(out).toContain("ws-0009");
    expect(out).not.toContain("ws-0010");
    expect(out).toContain("... and 140 more");
    expect(renderToString(textReporter, { ...SCAN_REPORT, results: manyFailures(150) }, { textMaxPerPolicy: 3 })).toContain("... and 147 more");
  });

  it("shows undecided results, collection errors and unassessed controls, never as passing", () => {
    const out = renderToString(textReporter, SCAN_REPORT, {});
    expect(out).toMatch(/ERROR: could not decide \(1\) - not a pass\n.*WS-ENC-001.*\n.*ws-bbbb0002/);
    expect(out).toContain("not collected: kmsKeys (resources: 0000) in account 222222222222, region us-west-2");
    expect(out).toMatch(/NOT ASSESSED \(\d+\): no automated evidence, which is not a pass:\n\s+.*AC-2\b/);
  });

  it("leads with what is new and what got fixed since the baseline", () => {
    const out = renderToString(textReporter, SCAN_REPORT, {});
    const at = (s: string): number => out.indexOf(s);
    expect(at("NEW since baseline (2)")).toBeGreaterThan(0);
    expect(at("NEW since baseline (2)")).toBeLessThan(at("FIXED since baseline (2)"));
    expect(at("FIXED since baseline (2)")).toBeLessThan(at("Results: 13 total"));
    expect(at("Results: 13 total")).toBeLessThan(at("FAILING (5)"));
    expect(out).toContain("compared with baseline/wsaudit.json; 4 unchanged");
    const news = out.slice(at("NEW since baseline"), at("FIXED since baseline"));
    expect(news).toContain("wsipg-0001");
    expect(news).toContain("ws-aaaa0002");
    expect(news).not.toContain("ws-bbbb0001");
    const fixed = out.slice(at("FIXED since baseline"), at("Results:"));
    expect(fixed).toMatch(/WS-NET-003 +critical[^\n]*\n +wsipg-0002 +222222222222\/us-west-2/);
    expect(fixed).toContain("d-906700dddd");
    const none = renderToString(textReporter, { ...SCAN_REPORT, governance: { waivers: [], attestations: [] } }, {});
    expect(none).not.toContain("since baseline");
    expect(none).not.toContain("WAIVERS");
  });

  it("lists waivers and attestations needing attention first, applied ones with counts, and manual results needing attestation", () => {
    const out = renderToString(textReporter, SCAN_REPORT, {});
    expect(out).toContain("WAIVERS: 1 applied (1 result(s)), 1 expired, 1 unused");
    const waivers = out.slice(out.indexOf("WAIVERS:"), out.indexOf("ATTESTATIONS:")).trim().split("\n").slice(1);
    expect(waivers.map((l) => l.trim().split(/ +/).slice(0, 2).join(" "))).toEqual(["EXPIRED W-002", "UNUSED W-003", "applied W-001"]);
    expect(waivers[0]).toContain("expired 2025-12-01: no longer applies");
    expect(waivers[1]).toContain("matched nothing");
    expect(waivers[2]).toContain("1 result(s) waived");
    expect(out).toContain("ATTESTATIONS: 1 applied (1 result(s)), 1 expired");
    expect(out).toMatch(/EXPIRED +A-002/);
    expect(out).toMatch(/manual: 1 need attestation - not a pass\n +WS-FED-004 +low[^\n]*\n +ws-aaaa0001/);
    expect(renderToString(textReporter, { ...SCAN_REPORT, governance: undefined }, {})).toContain("manual: 1 need attestation");
    expect(out).toContain(GOVERNANCE.waivers[2]!.owner);
  });

  it("colours only when asked, and strips control characters from inventory strings", () => {
    const hostile: ScanReport = { ...SCAN_REPORT, results: [{ ...manyFailures(1)[0]!, message: "evil\u001b]0;pwned\u0007\u001b[2Jtext\nnext" }] };
    const plain = renderToString(textReporter, hostile, {});
    expect(plain).not.toContain("\u001b");
    expect(plain).toContain("evil ]0;pwned  [2Jtext next");
    const coloured = renderToString(textReporter, hostile, { color: true });
    expect(coloured).toContain("\u001b[1;31mFAILING (1)\u001b[0m");
    expect(coloured).not.toContain("\u001b]");
  });
});

describe("junit reporter", () => {
  const xml = renderToString(junitReporter, SCAN_REPORT, {});

  it("has one test case per policy and resource, plus the collection errors", () => {
    expect(xml.match(/<testcase /g)).toHaveLength(SCAN_REPORT.results.length + 1);
    expect(xml).toMatch(/<testsuites name="wsaudit" tests="14" failures="5" errors="2" skipped="3"/);
  });

  it("maps fail to failure, error to error and the rest to skipped with a reason", () => {
    expect(xml.match(/<failure /g)).toHaveLength(5);
    expect(xml.match(/<error /g)).toHaveLength(2);
    expect(xml).toContain('<skipped message="not applicable: Not a Directory Service directory."/>');
    expect(xml).toContain('<skipped message="waived by W-001 (owner secops@example.com, until 2026-06-30): legacy image, ticket SEC-42"/>');
    expect(xml).toContain('<skipped message="needs attestation: Needs an attestation."/>');
    expect(xml).toContain('classname="wsaudit.collection"');
  });

  it("treats attested outcomes like pass and fail, with the attestation in the failure", () => {
    expect(xml).toContain('<testcase classname="WS-FED-004" name="ws-bbbb0001 (222222222222/us-west-2)" time="0"></testcase>');
    const attestation = { id: "A-009", attestedBy: "auditor@example.com", attestedAt: "2025-12-01", evidence: "TICKET-9", expires: "2026-12-01" };
    const fail: Result = { ...manyFailures(1)[0]!, policyId: "WS-FED-004", message: "Attested not compliant", attestation, baselineState: "new" };
    const out = renderToString(junitReporter, { ...SCAN_REPORT, results: [fail] }, {});
    expect(out).toMatch(/<failure message="Attested not compliant" type="high">[^<]*Attestation: A-009 by auditor@example.com on 2025-12-01, evidence TICKET-9, expires 2026-12-01\nBaseline: new<\/failure>/);
  });

  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xml).not.toContain(XSS_SCRIPT);
    expect(xml).toContain("&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;");
    const ctrl = renderToString(junitReporter, { ...SCAN_REPORT, results: [{ ...manyFailures(1)[0]!, message: "bell\u0007 here" }] }, {});
    expect(ctrl).toContain("bell\uFFFD here");
  });
});

describe("json reporter", () => {
  it("is the complete scan report plus formatVersion 1, results in the shared order", () => {
    const doc = JSON.parse(renderToString(jsonReporter, SCAN_REPORT, {}));
    expect(doc.formatVersion).toBe(1);
    const rest = { ...doc };
    delete rest.formatVersion;
    expect(rest.results).toHaveLength(SCAN_REPORT.results.length);
    expect(new Set(rest.results.map((r: Result) => r.fingerprint))).toEqual(new Set(SCAN_REPORT.results.map((r) => r.fingerprint)));
    expect(rest.results[0].policyId).toBe("WS-NET-003");
    expect({ ...rest, results: [], policies: [] }).toEqual({ ...SCAN_REPORT, results: [], policies: [] });
  });

  it("carries the governance data as it is: waivers, attestations, baseline state and the baseline summary", () => {
    const doc = JSON.parse(renderToString(jsonReporter, SCAN_REPORT, {}));
    expect(doc.governance).toEqual(GOVERNANCE);
    const waived = doc.results.find((r: Result) => r.status === "waived");
    expect(waived.waiver).toEqual({ id: "W-001", justification: "legacy image, ticket SEC-42", owner: "secops@example.com", expires: "2026-06-30" });
    expect(waived.baselineState).toBe("unchanged");
    expect(doc.results.find((r: Result) => r.attestation !== undefined).attestation.id).toBe("A-001");
    expect(doc.results.filter((r: Result) => r.baselineState === "new")).toHaveLength(GOVERNANCE.baseline!.new);
  });
});

describe("embedJson", () => {
  it("cannot close its script element or open markup, and round-trips", () => {
    const value = { s: `</script><!--${XSS_SCRIPT}&\u2028` };
    const out = embedJson(value);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
