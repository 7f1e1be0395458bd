/** Locates files shipped with the package (schemas, policy packs), whether running from src/ under vitest or from dist/. */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "wsaudit") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("wsaudit package root not found");
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();

export const packagePath = (...segments: string[]): string => join(PACKAGE_ROOT, ...segments);

export const PACKAGE_VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The text of a file shipped with the package, or undefined when it is not there (e.g. dist/ not built yet). */
export function readPackageText(...segments: string[]): string | undefined {
  const file = packagePath(...segments);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}
