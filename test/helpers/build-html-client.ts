// Vitest global setup: compiles the HTML report's browser script (as `npm run build` does) when it is missing or stale.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sources = [`${root}src/report/html/client-data.ts`, ...readdirSync(`${root}src/report/html/client`).map((f) => `${root}src/report/html/client/${f}`)];
const output = `${root}dist/html-client/src/report/html/client/report-client.js`;

export default function setup(): void {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (sources.every((f) => statSync(f).mtimeMs <= built)) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", `${root}src/report/html/client/tsconfig.json`], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`building the HTML client script failed:\n${run.stdout}${run.stderr}`);
}
