// Behaviour of the text, JUnit and JSON reporters that the golden files alone would not make obvious.
import { describe, expect, it } from "vitest";
import { fingerprint } from "../../src/findings/fingerprint.js";
import type { Result, ScanReport } from "../../src/findings/types.js";
import { jsonReporter } from "../../src/report/json.js";
import { junitReporter } from "../../src/report/junit.js";
import { textReporter } from "../../src/report/text.js";
import { embedJson } from "../../src/report/html/embed-json.js";
import { SCAN_REPORT, XSS_SCRIPT } from "../fixtures/scan-report.js";

function manyFailures(n: number): Result[] {
  return Array.from({ length: n }, (_, i) => {
    const resourceId = `ws-${String(i).padStart(4, "0")}`;
    return { policyId: "WS-ENC-001", status: "fail", severity: "high", resourceType: "workspaces.workspace", resourceId, accountId: "111111111111", region: "us-east-1", directoryId: null, message: `unencrypted ${resourceId}`, evidence: {}, fingerprint: fingerprint("WS-ENC-001", "111111111111", "us-east-1", resourceId) };
  });
}

describe("text reporter", () => {
  it("caps the list per policy and says how many more", () => {
    const out = textReporter({ ...SCAN_REPORT, results: manyFailures(150) }, {});
    expect(out).toContain("FAILING (150)");
    expect(out).toContain("ws-0009");
    expect(out).not.toContain("ws-0010");
    expect(out).toContain("... and 140 more");
    expect(textReporter({ ...SCAN_REPORT, results: manyFailures(150) }, { textMaxPerPolicy: 3 })).toContain("... and 147 more");
  });

  it("shows undecided results, collection errors and unassessed controls, never as passing", () => {
    const out = textReporter(SCAN_REPORT, {});
    expect(out).toMatch(/ERROR: could not decide \(1\) - not a pass\n.*WS-ENC-001.*\n.*ws-bbbb0002/);
    expect(out).toContain("not collected: kmsKeys (resources: 0000) in account 222222222222, region us-west-2");
    expect(out).toMatch(/AC-2 +NOT ASSESSED/);
  });

  it("colours only when asked, and strips control characters from inventory strings", () => {
    const hostile: ScanReport = { ...SCAN_REPORT, results: [{ ...manyFailures(1)[0]!, message: "evil\u001b]0;pwned\u0007\u001b[2Jtext\nnext" }] };
    const plain = textReporter(hostile, {});
    expect(plain).not.toContain("\u001b");
    expect(plain).toContain("evil ]0;pwned  [2Jtext next");
    const coloured = textReporter(hostile, { color: true });
    expect(coloured).toContain("\u001b[1;31mFAILING (1)\u001b[0m");
    expect(coloured).not.toContain("\u001b]");
  });
});

describe("junit reporter", () => {
  const xml = junitReporter(SCAN_REPORT, {});

  it("has one test case per policy and resource, plus the collection errors", () => {
    expect(xml.match(/<testcase /g)).toHaveLength(SCAN_REPORT.results.length + 1);
    expect(xml).toMatch(/<testsuites name="wsaudit" tests="13" failures="5" errors="2" skipped="3"/);
  });

  it("maps fail to failure, error to error and the rest to skipped with a reason", () => {
    expect(xml.match(/<failure /g)).toHaveLength(5);
    expect(xml.match(/<error /g)).toHaveLength(2);
    expect(xml).toContain('<skipped message="not applicable: Not a Directory Service directory."/>');
    expect(xml).toContain('<skipped message="waived: Waived until 2026-06-30: legacy image, ticket SEC-42."/>');
    expect(xml).toContain('<skipped message="manual check: needs an attestation: Needs an attestation."/>');
    expect(xml).toContain('classname="wsaudit.collection"');
  });

  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xml).not.toContain(XSS_SCRIPT);
    expect(xml).toContain("&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;");
    const ctrl = junitReporter({ ...SCAN_REPORT, results: [{ ...manyFailures(1)[0]!, message: "bell\u0007 here" }] }, {});
    expect(ctrl).toContain("bell\uFFFD here");
  });
});

describe("json reporter", () => {
  it("is the complete scan report plus formatVersion 1, results in the shared order", () => {
    const doc = JSON.parse(jsonReporter(SCAN_REPORT, {}));
    expect(doc.formatVersion).toBe(1);
    const rest = { ...doc };
    delete rest.formatVersion;
    expect(rest.results).toHaveLength(SCAN_REPORT.results.length);
    expect(new Set(rest.results.map((r: Result) => r.fingerprint))).toEqual(new Set(SCAN_REPORT.results.map((r) => r.fingerprint)));
    expect(rest.results[0].policyId).toBe("WS-NET-003");
    expect({ ...rest, results: [], policies: [] }).toEqual({ ...SCAN_REPORT, results: [], policies: [] });
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
