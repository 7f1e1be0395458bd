// Test helper: runs the built `wsaudit` binary as a user would, capturing stdout, stderr and the exit code.
import { spawn, spawnSync } from "node:child_process";
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

/** Like runCli, without blocking the event loop: for tests that serve HTTP (stubs, fakes) from this process. */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  if (!existsSync("dist/src/cli/main.js")) throw new Error("dist/ is missing: run `npm run build` before the CLI tests (npm test does)");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/wsaudit.js", ...args], { env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
