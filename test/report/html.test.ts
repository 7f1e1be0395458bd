// The HTML report in headless Chromium: loads offline with no console error or request, governance and filters work, hostile strings stay text.
import { mkdirSync, writeFileSync } from "node:fs";
import { renderToString } from "../../src/report/render-to-string.js";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { htmlReporter } from "../../src/report/html/index.js";
import { CLIENT_SCRIPT } from "../../src/report/html/client-script.js";
import { GOVERNANCE, SCAN_REPORT, XSS_IMG, XSS_SCRIPT } from "../fixtures/scan-report.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const HTML_FILE = `${ARTIFACTS}report.html`;

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];
const dialogs: string[] = [];

async function rows(): Promise<number> {
  return page.locator("#findings-table tbody tr.finding").count();
}

async function attributes(selector: string, name: string): Promise<(string | null)[]> {
  return Promise.all((await page.locator(selector).all()).map((l) => l.getAttribute(name)));
}

async function choose(filter: string, value: string): Promise<void> {
  await page.selectOption(`#f-${filter}`, value);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(HTML_FILE, renderToString(htmlReporter, SCAN_REPORT, {}));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
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
    await page.click("#f-reset");
  });

  it("loads from disk with no console error and no request beyond the file itself", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"))).toEqual([]);
  });

  it("keeps inventory and pack strings as text: nothing injected runs", async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(2);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.fill("#f-search", "wsipg-0001");
    await page.click("#findings-table tbody tr.finding button.toggle");
    const text = await page.locator("main").innerText();
    expect(text).toContain(`IP group ${XSS_SCRIPT} allows 0.0.0.0/0.`);
    expect(text).toContain(XSS_IMG);
    expect(text).toContain(XSS_SCRIPT);
    await page.click("#f-reset");
  });

  it("shows counts, charts, collection errors and the compliance view with unassessed controls as such", async () => {
    expect(await page.locator("#cards .card").count()).toBe(8);
    expect(await page.locator("#charts svg[role=img]").count()).toBe(4);
    expect(await page.locator("#collection").isVisible()).toBe(true);
    expect(await page.locator("#collection").innerText()).toContain("not collected: kmsKeys");
    const ac2 = page.locator('#compliance-table tbody tr:has(td:text-is("AC-2"))');
    expect(await ac2.getAttribute("data-status")).toBe("not_assessed");
    expect(await ac2.innerText()).toContain("Not assessed");
    expect(await ac2.innerText()).not.toMatch(/\bPass\b/);
    expect(await page.locator('#compliance-table tbody tr[data-status="pass"]').count()).toBe(0);
  });

  it("filters by severity, status, policy, account, region, directory and free text", async () => {
    expect(await rows()).toBe(13);
    await choose("status", "fail");
    expect(await rows()).toBe(5);
    await choose("severity", "high");
    expect(await rows()).toBe(2);
    await choose("account", "222222222222");
    expect(await rows()).toBe(1);
    await page.click("#f-reset");
    await choose("policy", "WS-DIR-003");
    expect(await rows()).toBe(3);
    await choose("region", "us-west-2");
    expect(await rows()).toBe(1);
    await page.click("#f-reset");
    await choose("directory", "(none)");
    expect(await rows()).toBe(2);
    await page.click("#f-reset");
    // The policy title is searched too, so the not-applicable directory matches as well.
    await page.fill("#f-search", "DNS server");
    expect(await rows()).toBe(3);
    await page.fill("#f-search", "10.1.0.3");
    expect(await rows()).toBe(1);
    await page.fill("#f-search", "");
    expect(await page.locator("#shown-count").innerText()).toBe("Showing 13 of 13 matching results (13 in total).");
  });

  it("leads with new and fixed since the baseline, then waivers and attestations needing attention first", async () => {
    expect((await attributes("main > section:not([hidden])", "id"))[0]).toBe("governance");
    const gov = page.locator("#governance");
    expect(await gov.isVisible()).toBe(true);
    expect(await page.locator("#baseline-cards").innerText()).toMatch(/2\s+New since baseline[\s\S]*2\s+Fixed since baseline[\s\S]*4\s+Unchanged/);
    expect(await page.locator("#baseline-caption").innerText()).toContain("baseline/wsaudit.json");
    const newRows = page.locator("#new-table tbody tr");
    expect(await newRows.count()).toBe(2);
    expect(await newRows.first().innerText()).toContain("wsipg-0001");
    const fixedText = await page.locator("#fixed-table tbody").innerText();
    expect(fixedText).toContain("wsipg-0002");
    expect(fixedText).toContain(`Directory ${XSS_SCRIPT} has 1 DNS server.`);
    expect(await attributes("#waivers-table tbody tr", "data-state")).toEqual(["expired", "unused", "applied"]);
    expect(await page.locator("#waivers-table tbody tr.attention").count()).toBe(2);
    const unused = await page.locator('#waivers-table tbody tr[data-state="unused"]').innerText();
    expect(unused).toContain(GOVERNANCE.waivers[2]!.owner);
    expect(unused).toContain("Unused");
    expect(await page.locator('#waivers-table tbody tr[data-state="applied"] td.num').innerText()).toBe("1");
    expect(await attributes("#attestations-table tbody tr", "data-state")).toEqual(["expired", "applied"]);
    expect(await page.locator("#manual-note").innerText()).toContain("Manual: 1 result(s) need an attestation");
  });

  it("filters by baseline state, marks new findings, and jumps to them from the governance section", async () => {
    await choose("baseline", "new");
    expect(await rows()).toBe(2);
    expect(await page.locator("#findings-table tbody tr.finding .badge.new").count()).toBe(2);
    await choose("baseline", "unchanged");
    expect(await rows()).toBe(4);
    expect(await page.locator("#findings-table tbody tr.finding .badge.new").count()).toBe(0);
    await choose("baseline", "none");
    expect(await rows()).toBe(7);
    await page.click("#f-reset");
    expect(await page.locator("#findings-table tbody tr.finding .badge.new").count()).toBe(2);
    await page.click("#show-new");
    expect(await page.inputValue("#f-baseline")).toBe("new");
    expect(await rows()).toBe(2);
    await page.click("#f-reset");
  });

  it("shows the waiver and the attestation behind a result in its details", async () => {
    await choose("status", "waived");
    expect(await rows()).toBe(1);
    await page.click("#findings-table tbody tr.finding button.toggle");
    const waived = await page.locator("#findings-table tbody tr.details").first().innerText();
    expect(waived).toContain("W-001: legacy image, ticket SEC-42 (owner secops@example.com, expires 2026-06-30)");
    expect(waived).toMatch(/Baseline\s+Unchanged/);
    await page.click("#f-reset");
    await page.fill("#f-search", "A-001");
    expect(await rows()).toBe(1);
    await page.click("#findings-table tbody tr.finding button.toggle");
    const attested = await page.locator("#findings-table tbody tr.details").first().innerText();
    expect(attested).toContain("A-001: attested by jane.doe@example.com on 2025-11-15, evidence SEC-77 client config export, expires 2026-11-15");
    await page.click("#f-reset");
  });

  it("sorts by a column, both ways", async () => {
    const firstResource = (): Promise<string> => page.locator("#findings-table tbody tr.finding td:nth-child(5)").first().innerText();
    expect(await page.locator("#findings-table tbody tr.finding").first().getAttribute("data-status")).toBe("fail");
    await page.click('th[data-sort="resource"] button');
    expect(await firstResource()).toBe("d-906700aaaa");
    expect(await page.getAttribute('th[data-sort="resource"]', "aria-sort")).toBe("ascending");
    await page.click('th[data-sort="resource"] button');
    expect(await firstResource()).toBe("wsipg-0002");
    await page.click('th[data-sort="status"] button');
  });

  it("opens a finding's evidence, remediation and references from the keyboard", async () => {
    await choose("policy", "WS-NET-003");
    await choose("status", "fail");
    const toggle = page.locator("#findings-table tbody tr.finding button.toggle").first();
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const details = page.locator("#findings-table tbody tr.details").first();
    expect(await details.isVisible()).toBe(true);
    const text = await details.innerText();
    expect(text).toContain("Replace 0.0.0.0/0 with your corporate egress ranges.");
    expect(text).toContain('"cidr": "0.0.0.0/0"');
    expect(await details.locator("a").first().getAttribute("href")).toBe("https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html");
    expect(text).toContain("Hostile link");
    await page.keyboard.press("Enter");
    expect(await details.isVisible()).toBe(false);
    await page.click("#f-reset");
  });

  it("hides the controls in print", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("form.filters").isVisible()).toBe(false);
    expect(await page.locator("#findings-table").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("writes a screenshot artifact", async () => {
    await page.screenshot({ path: `${ARTIFACTS}report.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it("offers the baseline filter and the governance section only when there is something to show", () => {
    expect(renderToString(htmlReporter, SCAN_REPORT, {})).toContain('<select id="f-baseline">');
    const plain = renderToString(htmlReporter, { ...SCAN_REPORT, governance: { waivers: [], attestations: [] } }, {});
    expect(plain).not.toContain('id="f-baseline"');
  });

  it("embeds a script that cannot close its own element", () => {
    expect(CLIENT_SCRIPT).not.toMatch(/<\/script/i);
    expect(renderToString(htmlReporter, SCAN_REPORT, {})).not.toContain(XSS_SCRIPT);
  });
});
