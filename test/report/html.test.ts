// The HTML report in headless Chromium: leads with the policies to fix, loads offline with no console error or request,
// filters, keyboard and print work, hostile strings stay text, and axe-core finds nothing serious at desktop and phone widths.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tallyResults } from "../../src/findings/build-scan-report.js";
import { fingerprint } from "../../src/findings/fingerprint.js";
import type { Result, ScanReport } from "../../src/findings/types.js";
import { clientScript } from "../../src/report/html/client-script.js";
import { htmlReporter } from "../../src/report/html/index.js";
import { BYTES_PER_POLICY, RESOURCES_PER_POLICY } from "../../src/report/html/render-policies.js";
import { renderToString } from "../../src/report/render-to-string.js";
import { launchChromium, seriousAxeViolations } from "../helpers/chromium.js";
import { GOVERNANCE, SCAN_REPORT, XSS_IMG, XSS_SCRIPT } from "../fixtures/scan-report.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const HTML_FILE = `${ARTIFACTS}report.html`;

/** The report as the contract gives it by default: non-passing results listed, passes only counted (tallies, summary). */
const REPORT: ScanReport = {
  ...SCAN_REPORT,
  results: SCAN_REPORT.results.filter((r) => r.status !== "pass" && r.status !== "not_applicable"),
  includesPassed: false,
  compliance: [
    SCAN_REPORT.compliance[0]!,
    { framework: "cis-aws-euc", title: "CIS AWS End User Compute Benchmark", baseline: null, controls: [{ id: "3.1", title: "Encrypt WorkSpaces root volumes", baselines: [], status: "fail", policies: ["WS-ENC-001"], counts: SCAN_REPORT.compliance[0]!.controls[0]!.counts }] },
  ],
};

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];
const dialogs: string[] = [];

async function attributes(selector: string, name: string): Promise<(string | null)[]> {
  return Promise.all((await page.locator(selector).all()).map((l) => l.getAttribute(name)));
}

async function shownPolicies(): Promise<string[]> {
  return page.locator("details.policy:not([hidden]) .pid").allInnerTexts();
}

async function open(policyId: string): Promise<void> {
  const p = page.locator(`details.policy:has(.pid:text-is("${policyId}"))`);
  if ((await p.getAttribute("open")) === null) await p.locator("summary").click();
  await p.locator(".resources table").waitFor();
}

function resourceRows(policyId: string): ReturnType<Page["locator"]> {
  return page.locator(`details.policy:has(.pid:text-is("${policyId}")) tr.resource`);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(HTML_FILE, renderToString(htmlReporter, REPORT, {}));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(HTML_FILE).href);
  await page.waitForSelector("body[data-ready=true]");
});

afterAll(async () => {
  await browser?.close();
});

describe("html report in Chromium", () => {
  beforeEach(async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
  });

  it("loads from disk with no console error and no request beyond the file itself", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"))).toEqual([]);
  });

  it("leads with what is missing, the summary and the ranked policies; breakdowns, governance and compliance follow", async () => {
    expect(await attributes("main > section", "id")).toEqual(["collection", "summary", "fix-first", "breakdowns", "governance", "compliance"]);
    const alert = await page.locator("#collection").innerText();
    expect(alert).toContain("1 result could not be decided");
    expect(alert).toContain("not collected: kmsKeys");
    // Critical before high, actionable before manual-only, whatever the input order.
    expect(await shownPolicies()).toEqual(["WS-NET-003", "WS-ENC-001", "WS-DIR-003", "WS-OPS-004", "WS-FED-004"]);
    expect(await page.locator("details.policy").first().locator("summary").innerText()).toMatch(/Critical[\s\S]*WS-NET-003[\s\S]*1 failing/);
    expect(await page.locator("details.policy:has(.pid:text-is('WS-ENC-001')) summary").innerText()).toMatch(/2 failing · 1 error \(undecided\) · 1 waived · 1 passed/);
  });

  it("counts passes from the tallies although they are not listed", async () => {
    const cards = await page.locator("#summary .cards").innerText();
    expect(cards).toMatch(/5\s+failing results/);
    expect(cards).toMatch(/1\s+errors \(undecided\)/);
    expect(cards).toMatch(/4\s+passed/);
    expect(cards).toMatch(/2\s+new since baseline[\s\S]*2\s+fixed since baseline/);
    const account = page.locator("#breakdowns table[aria-labelledby=by-account-h] tbody tr").first();
    expect(await account.innerText()).toMatch(/111111111111\s+4\s+0\s+1\s+1\s+1/);
    expect(await page.locator("#breakdowns").innerText()).toContain("d-906700aaaa");
  });

  it("keeps inventory and pack strings as text: nothing injected runs", async () => {
    await open("WS-NET-003");
    await open("WS-ENC-001");
    await resourceRows("WS-NET-003").first().locator("button.toggle").click();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator('script:not([type="application/json"])').count()).toBe(1);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    const text = await page.locator("main").innerText();
    expect(text).toContain(`IP group ${XSS_SCRIPT} allows 0.0.0.0/0.`);
    expect(text).toContain(`WorkSpace of user ${XSS_IMG} has an unencrypted root volume.`);
    expect(text).toContain(`Hostile link ${XSS_IMG}`);
    expect(text).toContain(`User is not authorized to perform kms:DescribeKey ${XSS_SCRIPT}`);
  });

  it("opens a policy from the keyboard, with its remediation, references and resources, each with its evidence", async () => {
    const summary = page.locator("details.policy:has(.pid:text-is('WS-NET-003')) summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await page.locator("details.policy:has(.pid:text-is('WS-NET-003')) .resources table").waitFor();
    const body = page.locator("details.policy:has(.pid:text-is('WS-NET-003')) .policy-body");
    expect(await body.innerText()).toContain("Replace 0.0.0.0/0 with your corporate egress ranges.");
    expect(await body.locator("a").first().getAttribute("href")).toBe("https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html");
    expect(await resourceRows("WS-NET-003").count()).toBe(1);
    const toggle = resourceRows("WS-NET-003").first().locator("button.toggle");
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const details = body.locator("tr.details").first();
    expect(await details.innerText()).toContain('"cidr": "0.0.0.0/0"');
    expect(await details.innerText()).toMatch(/Baseline\s+New/);
    await page.keyboard.press("Enter");
    expect(await details.isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press("Enter");
  });

  it("lists a policy's undecided, waived and attested results with what decided them", async () => {
    await open("WS-ENC-001");
    expect(await attributes("details.policy:has(.pid:text-is('WS-ENC-001')) tr.resource", "data-status")).toEqual(["fail", "fail", "error", "waived"]);
    expect(await resourceRows("WS-ENC-001").nth(2).innerText()).toContain("Error (undecided)");
    await resourceRows("WS-ENC-001").nth(3).locator("button.toggle").click();
    expect(await page.locator("details.policy:has(.pid:text-is('WS-ENC-001')) tr.details:not([hidden])").innerText()).toContain(
      "W-001: legacy image, ticket SEC-42 (owner secops@example.com, expires 2026-06-30)",
    );
  });

  it("filters policies and their resources by severity, status, baseline and free text", async () => {
    await page.selectOption("#f-severity", "high");
    expect(await shownPolicies()).toEqual(["WS-ENC-001"]);
    await page.click("#f-reset");
    await page.selectOption("#f-status", "error");
    expect(await shownPolicies()).toEqual(["WS-ENC-001"]);
    await open("WS-ENC-001");
    expect(await resourceRows("WS-ENC-001").count()).toBe(1);
    await page.selectOption("#f-status", "manual");
    expect(await shownPolicies()).toEqual(["WS-FED-004"]);
    await page.click("#f-reset");
    expect(await resourceRows("WS-ENC-001").count()).toBe(4);
    await page.selectOption("#f-baseline", "new");
    expect(await shownPolicies()).toEqual(["WS-NET-003", "WS-ENC-001"]);
    expect(await resourceRows("WS-ENC-001").count()).toBe(1);
    await page.click("#f-reset");
    // Free text matches policy titles and the embedded resources (ids, messages, evidence).
    await page.fill("#f-search", "DNS server");
    expect(await shownPolicies()).toEqual(["WS-DIR-003"]);
    await page.fill("#f-search", "ws-bbbb0002");
    expect(await shownPolicies()).toEqual(["WS-ENC-001"]);
    expect(await resourceRows("WS-ENC-001").count()).toBe(1);
    await page.fill("#f-search", "10.0.0.2");
    expect(await shownPolicies()).toEqual(["WS-DIR-003"]);
    await page.fill("#f-search", "");
    expect(await page.locator("#shown-count").innerText()).toBe("Showing 5 of 5 policies.");
  });

  it("keeps governance: new, fixed, waivers and attestations needing attention first, and jumps to the new findings", async () => {
    expect(await page.locator("#baseline-caption").innerText()).toContain("baseline/wsaudit.json");
    expect(await page.locator("#new-table tbody tr").count()).toBe(2);
    const fixed = await page.locator("#fixed-table tbody").innerText();
    expect(fixed).toContain("wsipg-0002");
    expect(fixed).toContain(`Directory ${XSS_SCRIPT} has 1 DNS server.`);
    expect(await attributes("#waivers-table tbody tr", "data-state")).toEqual(["expired", "unused", "applied"]);
    expect(await page.locator('#waivers-table tbody tr[data-state="unused"]').innerText()).toContain(GOVERNANCE.waivers[2]!.owner);
    expect(await attributes("#attestations-table tbody tr", "data-state")).toEqual(["expired", "applied"]);
    expect(await page.locator("#manual-note").innerText()).toContain("Manual: 1 result need an attestation");
    await page.click("#show-new");
    expect(await page.inputValue("#f-baseline")).toBe("new");
    expect(await shownPolicies()).toEqual(["WS-NET-003", "WS-ENC-001"]);
  });

  it("renders every compliance view, unassessed controls as such, never as a pass", async () => {
    expect(await attributes("#compliance .compliance-view", "data-framework")).toEqual(["nist-800-53-r5", "cis-aws-euc"]);
    const ac2 = page.locator('#compliance-0-table tbody tr:has(td:text-is("AC-2"))');
    expect(await ac2.innerText()).toContain("Not assessed");
    expect(await ac2.innerText()).toContain("not a pass");
    expect(await page.locator("#compliance .compliance-view").nth(1).innerText()).toContain("CIS AWS End User Compute Benchmark");
  });

  it("has no serious or critical axe-core violation at desktop width, with a policy and a resource open", async () => {
    const violations = await seriousAxeViolations(browser, pathToFileURL(HTML_FILE).href, { width: 1400, height: 900 }, async (p) => {
      await p.locator("details.policy summary").nth(1).click();
      await p.locator("details.policy tr.resource button.toggle").first().click();
    });
    expect(violations).toEqual([]);
  });

  it("fits a 390 px phone: no sideways scrolling, no serious or critical axe-core violation", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open("WS-ENC-001");
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    const violations = await seriousAxeViolations(browser, pathToFileURL(HTML_FILE).href, { width: 390, height: 844 }, async (p) => {
      await p.locator("details.policy summary").nth(1).click();
      await p.locator("details.policy tr.resource button.toggle").first().click();
    });
    expect(violations).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}report-390.png`, fullPage: true });
  });

  it("opens every policy and hides the controls in print", async () => {
    await page.emulateMedia({ media: "print" });
    await page.evaluate('window.dispatchEvent(new Event("beforeprint"))');
    expect(await page.locator("form.filters").isVisible()).toBe(false);
    await page.locator("details.policy:has(.pid:text-is('WS-OPS-004')) .resources table").waitFor();
    expect(await page.locator("details.policy:not([open])").count()).toBe(0);
    await page.emulateMedia({ media: "screen" });
  });

  it("writes a screenshot artifact and logged nothing", async () => {
    await page.screenshot({ path: `${ARTIFACTS}report.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});

describe("html report file", () => {
  it("embeds at most the cap per policy and points to the JSON report for the rest", () => {
    const many: Result[] = Array.from({ length: RESOURCES_PER_POLICY + 50 }, (_, i) => {
      const resourceId = `ws-${String(i).padStart(5, "0")}`;
      return { policyId: "WS-ENC-001", status: "fail", severity: "high", resourceType: "workspaces.workspace", resourceId, accountId: "111111111111", region: "us-east-1", directoryId: null, message: `unencrypted ${resourceId}`, evidence: { "resource.rootVolumeEncrypted": false }, fingerprint: fingerprint("WS-ENC-001", "111111111111", "us-east-1", resourceId) };
    });
    const html = renderToString(htmlReporter, { ...REPORT, results: many }, {});
    expect(html).toContain(`ws-${String(RESOURCES_PER_POLICY - 1).padStart(5, "0")}`);
    expect(html).not.toContain(`ws-${String(RESOURCES_PER_POLICY).padStart(5, "0")}`);
    expect(html).toContain(`Showing the first ${RESOURCES_PER_POLICY} of 150 listed results; the JSON report`);
  });

  it("bounds a policy's embedded bytes whatever its evidence holds", () => {
    const huge: Result[] = Array.from({ length: 60 }, (_, i) => ({
      policyId: "WS-ENC-001", status: "fail", severity: "high", resourceType: "workspaces.workspace", resourceId: `ws-${i}`, accountId: "111111111111", region: "us-east-1", directoryId: null,
      message: "m".repeat(5_000), evidence: { "resource.securityGroups": "x".repeat(50_000) }, fingerprint: `f${i}`,
    }));
    const html = renderToString(htmlReporter, { ...REPORT, results: huge, tallies: tallyResults(huge) }, {});
    const data = /<script type="application\/json" id="data-p0">([^<]*)<\/script>/.exec(html)![1]!;
    expect(data.length).toBeLessThan(BYTES_PER_POLICY + 4_000);
    expect((JSON.parse(data) as { total: number }).total).toBe(60);
  });

  it("writes the page in pieces, one per policy at least", () => {
    const chunks: string[] = [];
    htmlReporter(REPORT, {}, { write: (c) => void chunks.push(c) });
    expect(chunks.length).toBeGreaterThanOrEqual(REPORT.policies.length + 2);
    expect(chunks.join("")).toBe(renderToString(htmlReporter, REPORT, {}));
  });

  it("embeds its compiled script, allowed by hash, which cannot close its own element", () => {
    const { text, hash } = clientScript();
    const html = renderToString(htmlReporter, REPORT, {});
    expect(text).not.toMatch(/<\/script/i);
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain(`<script type="module">${text}</script>`);
    expect(html).not.toContain(XSS_SCRIPT);
  });

  it("offers the baseline filter only with a baseline", () => {
    expect(renderToString(htmlReporter, REPORT, {})).toContain('<select id="f-baseline">');
    expect(renderToString(htmlReporter, { ...REPORT, governance: { waivers: [], attestations: [] } }, {})).not.toContain('id="f-baseline"');
  });
});
