// Test helper: the headless Chromium the browser tests use (system binary, no network features) and an axe-core check.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core on a fresh copy of a page and returns its serious and critical violations. The context bypasses the
 * page's Content-Security-Policy only so the test can inject axe as an inline script.
 */
export async function seriousAxeViolations(browser: Browser, url: string, viewport: { width: number; height: number }, prepare: (p: Page) => Promise<void>): Promise<string[]> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    await prepare(page);
    await page.addScriptTag({ content: AXE_SOURCE });
    const result = await page.evaluate<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>('axe.run(document, { resultTypes: ["violations"] })');
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact}: ${v.id} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  } finally {
    await context.close();
  }
}
