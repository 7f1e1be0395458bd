// End to end on the shipped example inventory and packs: the SARIF GitHub would receive, and the HTML in Chromium.
import { mkdirSync, writeFileSync } from "node:fs";
import { renderToString } from "../../src/report/render-to-string.js";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { Log } from "sarif";
import { describe, expect, it } from "vitest";
import { runEvaluation } from "../../src/pipeline/run-evaluation.js";
import { reporters } from "../../src/report/index.js";
import { githubProblems, sarifSchemaValidator } from "./sarif-checks.js";

const INVENTORY = fileURLToPath(new URL("../../examples/inventory.json", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const now = new Date("2026-01-01T00:00:00Z");

describe("reports of the example inventory", () => {
  const report = runEvaluation({ inventoryFiles: [INVENTORY], packs: [], now });

  it("gives SARIF that validates, passes GitHub's rules, and has one unique fingerprint per failing result", () => {
    const text = renderToString(reporters.sarif, report, {});
    const log = JSON.parse(text) as Log;
    const validate = sarifSchemaValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(githubProblems(log)).toEqual([]);
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(report.results.filter((r) => r.status === "fail").length);
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.partialFingerprints!["wsaudit/v1"])).size).toBe(results.length);
    // A second evaluation of the same inputs gives the same bytes, hence the same fingerprints.
    expect(renderToString(reporters.sarif, runEvaluation({ inventoryFiles: [INVENTORY], packs: [], now }), {})).toBe(text);
  });

  it("gives HTML that loads in Chromium with no console error and no network request", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = `${ARTIFACTS}report-example.html`;
    writeFileSync(file, renderToString(reporters.html, report, {}));
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`request ${r.url()}`);
      });
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector("body[data-ready=true]");
      // Every policy with a failing result is listed; the first one opens to its failing resources.
      const failing = new Set(report.results.filter((r) => r.status === "fail").map((r) => r.policyId));
      await page.selectOption("#f-status", "fail");
      expect(await page.locator("details.policy:not([hidden])").count()).toBe(failing.size);
      const first = page.locator("details.policy:not([hidden])").first();
      await first.locator("summary").click();
      const id = await first.locator(".pid").innerText();
      expect(await first.locator("tr.resource").count()).toBe(Math.min(100, report.results.filter((r) => r.policyId === id && r.status === "fail").length));
      await page.screenshot({ path: `${ARTIFACTS}report-example.png`, fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
