// The HTML report in headless Chromium: loads offline with no console error or request, filters work, hostile strings stay text.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { htmlReporter } from "../../src/report/html/index.js";
import { CLIENT_SCRIPT } from "../../src/report/html/client-script.js";
import { SCAN_REPORT, XSS_IMG, XSS_SCRIPT } from "../fixtures/scan-report.js";

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

async function choose(filter: string, value: string): Promise<void> {
  await page.selectOption(`#f-${filter}`, value);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(HTML_FILE, htmlReporter(SCAN_REPORT, {}));
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
    expect(await rows()).toBe(12);
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
    expect(await page.locator("#shown-count").innerText()).toBe("Showing 12 of 12 matching results (12 in total).");
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

  it("embeds a script that cannot close its own element", () => {
    expect(CLIENT_SCRIPT).not.toMatch(/<\/script/i);
    expect(htmlReporter(SCAN_REPORT, {})).not.toContain(XSS_SCRIPT);
  });
});
