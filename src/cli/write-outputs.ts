/** Writes rendered reports: every file goes to a temporary name first and is renamed into place, so a crash never leaves a half-written report. */

import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeOutputs(outDir: string, files: Record<string, string>): string[] {
  mkdirSync(outDir, { recursive: true });
  const staged: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(outDir, name);
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, content);
      staged.push([temp, target]);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
  return staged.map(([, target]) => target);
}
