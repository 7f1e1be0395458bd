// The HTML report of a 100,000-WorkSpace fleet with a quarter of a million non-passing results: written in pieces,
// under 10 MB, and Chromium shows the summary and the top failing policy. Load times go to test/artifacts (not asserted).
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { htmlReporter } from "../../src/report/html/index.js";
import { renderToString } from "../../src/report/render-to-string.js";
import { largeScanReport } from "../fixtures/large-scan-report.js";
import { SCAN_REPORT } from "../fixtures/scan-report.js";
import { launchChromium } from "../helpers/chromium.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const FILE = `${ARTIFACTS}report-100k.html`;
const SMALL_FILE = `${ARTIFACTS}report-small.html`;

describe("html report at 100,000 WorkSpaces", () => {
  it("stays under 10 MB and opens in Chromium on the top failing policy", { timeout: 240_000 }, async () => {
    const report = largeScanReport(100_000);
    expect(report.results.length).toBeGreaterThan(200_000);
    mkdirSync(ARTIFACTS, { recursive: true });
    const started = performance.now();
    const fd = openSync(FILE, "w");
    let chunks = 0;
    let largest = 0;
    try {
      htmlReporter(report, {}, {
        write: (chunk) => {
          chunks += 1;
          largest = Math.max(largest, chunk.length);
          writeSync(fd, chunk);
        },
      });
    } finally {
      closeSync(fd);
    }
    const renderMs = performance.now() - started;
    const bytes = statSync(FILE).size;
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    // Streamed: many pieces, none near the size of the file.
    expect(chunks).toBeGreaterThan(report.policies.length / 2);
    expect(largest).toBeLessThan(bytes / 10);

    const browser = await launchChromium();
    const loads: { firstContentfulPaintMs: number; summaryMs: number; readyMs: number }[] = [];
    // The small fixture report, opened in the same browser in the same run, is the baseline for the load times.
    writeFileSync(SMALL_FILE, renderToString(htmlReporter, SCAN_REPORT, {}));
    const baseline: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(pathToFileURL(SMALL_FILE).href);
        await page.waitForSelector("body[data-ready=true]");
        baseline.push(Math.round(await page.evaluate<number>('performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1')));
        await page.close();
      }
      for (let i = 0; i < 3; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const problems: string[] = [];
        page.on("pageerror", (e) => problems.push(e.message));
        page.on("console", (m) => {
          if (m.type() === "error") problems.push(m.text());
        });
        await page.goto(pathToFileURL(FILE).href, { waitUntil: "commit" });
        await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
        const top = page.locator("details.policy").first();
        expect(await top.locator(".pid").innerText()).toBe("WS-GEN-001");
        expect(await top.isVisible()).toBe(true);
        expect(await top.locator("summary").innerText()).toContain("100,000 failing");
        await top.locator("summary").click();
        expect(await top.locator("tr.resource").count()).toBe(100);
        expect(await top.innerText()).toContain("Showing the first 100 of 100,000 listed results; the JSON report");
        const timing = await page.evaluate<{ fcp: number; ready: number; summary: number }>(
          `new Promise((resolve) => new PerformanceObserver((list) => resolve({
            summary: list.getEntries().find((e) => e.identifier === "summary")?.renderTime ?? -1,
            fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1,
            ready: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd ?? -1,
          })).observe({ type: "element", buffered: true }))`,
        );
        loads.push({ firstContentfulPaintMs: Math.round(timing.fcp), summaryMs: Math.round(timing.summary), readyMs: Math.round(timing.ready) });
        expect(problems).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[1]!;
    writeFileSync(
      `${ARTIFACTS}html-100k.json`,
      `${JSON.stringify({ workspaces: 100_000, baselineFirstContentfulPaintMs: baseline, medianBaselineFirstContentfulPaintMs: median(baseline), listedResults: report.results.length, bytes, chunks, renderMs: Math.round(renderMs), loads, medianFirstContentfulPaintMs: median(loads.map((l) => l.firstContentfulPaintMs)), medianSummaryMs: median(loads.map((l) => l.summaryMs)), medianReadyMs: median(loads.map((l) => l.readyMs)) }, null, 2)}\n`,
    );
  });
});
