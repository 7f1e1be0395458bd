// Test helper: runs the built `wsaudit` binary as a user would, capturing stdout, stderr and the exit code.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  if (!existsSync("dist/src/cli/main.js")) throw new Error("dist/ is missing: run `npm run build` before the CLI tests (npm test does)");
  const result = spawnSync(process.execPath, ["bin/wsaudit.js", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
