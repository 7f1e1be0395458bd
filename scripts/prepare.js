#!/usr/bin/env node
// The `prepare` script: builds dist/src and the HTML report's browser script with the TypeScript compiler, and says what to do instead of "tsc: not found" when it cannot.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let tsc;
try {
  tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
} catch {
  if (existsSync(join(root, "dist", "src", "cli", "main.js"))) process.exit(0);
  process.stderr.write(
    "wsaudit prepare: TypeScript (a devDependency) is not installed, so dist/ cannot be built.\n" +
      "  npm does not install devDependencies for `npm install --global github:...` (npm/cli#8440).\n" +
      "  Install the packed tarball instead (git clone URL && cd wsaudit && npm ci && npm pack && npm install --global ./wsaudit-*.tgz),\n" +
      "  or install the git URL without --global: npm install --prefix ~/.wsaudit URL\n" +
      "  (see README.md, Install).\n",
  );
  process.exit(1);
}
// The package code, then the HTML report's browser script (its own tsconfig: DOM types, no Node).
for (const project of ["tsconfig.build.json", join("src", "report", "html", "client", "tsconfig.json")]) {
  const run = spawnSync(process.execPath, [tsc, "-p", join(root, project)], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
