/** The compiled HTML client script (src/report/html/client/report-client.ts, built to dist/html-client) and its CSP hash. */

import { createHash } from "node:crypto";
import { readPackageText } from "../../package-root.js";

// The same file serves the installed package (only dist/ ships) and a checkout running from src/ under vitest.
export const CLIENT_SCRIPT_PATH = ["dist", "html-client", "src", "report", "html", "client", "report-client.js"] as const;

let cached: { text: string; hash: string } | undefined;

/** The script's text, and its sha256 for the page's Content-Security-Policy; read once per process. */
export function clientScript(): { text: string; hash: string } {
  if (cached === undefined) {
    const text = readPackageText(...CLIENT_SCRIPT_PATH);
    if (text === undefined) throw new Error(`the HTML report script ${CLIENT_SCRIPT_PATH.join("/")} is missing: run \`npm run build\``);
    // A script element ends at the first "</script"; the compiled code never contains one, and this proves it.
    if (/<\/script/i.test(text)) throw new Error(`${CLIENT_SCRIPT_PATH.join("/")} contains "</script"`);
    cached = { text, hash: createHash("sha256").update(text).digest("base64") };
  }
  return cached;
}
