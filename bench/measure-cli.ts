/** Runs `wsaudit evaluate` as a user does (a whole process through bin/wsaudit.js, every format into a temporary folder) and measures its wall time, CPU time and peak RSS, recording an out-of-memory death or a timeout as an outcome. */

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { packagePath } from "../src/package-root.js";

export const CLI_FORMATS = "text,json,sarif,html,junit";
const GNU_TIME = "/usr/bin/time";
const TIMEOUT = "/usr/bin/timeout";

/** ok: exit 0, 1 (failing results) or 3 (some results are error): the reports were written. */
export type CliOutcome = "ok" | "out of memory" | "invalid string length" | "timeout" | "failed";

export interface CliRun {
  outcome: CliOutcome;
  exitCode: number | null;
  wallS: number;
  /** user + sys of the child (and its children). */
  cpuS: number;
  peakRssMb: number;
  /** How CPU and peak RSS were taken: GNU time (wait4 rusage) or polling /proc/PID. */
  method: "GNU time" | "/proc polling";
  /** Report file sizes in bytes, by file name (only for ok runs). */
  reports: Record<string, number>;
  /** The last lines of stderr when the run did not end ok. */
  detail: string;
}

export interface CliRequest {
  inventory: string;
  now: string;
  timeoutS: number;
  /** Extra environment for the CLI (tests use NODE_OPTIONS to force an out-of-memory death). */
  env?: Record<string, string>;
}

export const cliMethod = (): CliRun["method"] => (existsSync(GNU_TIME) && existsSync(TIMEOUT) ? "GNU time" : "/proc polling");

function classify(code: number | null, stderr: string, wallS: number, timeoutS: number): CliOutcome {
  if (/heap out of memory|Allocation failed|out of memory/i.test(stderr)) return "out of memory";
  if (/Invalid string length|Cannot create a string longer/i.test(stderr)) return "invalid string length";
  if (wallS >= timeoutS && (code === 124 || code === 137 || code === null)) return "timeout";
  return code === 0 || code === 1 || code === 3 ? "ok" : "failed";
}

const tail = (text: string): string => text.trim().split("\n").slice(-3).join(" | ").slice(0, 300);

/** Sums utime+stime (clock ticks, 100 per second on Linux) and reads VmHWM of one process; null once it is gone. */
function procSample(pid: number): { cpuS: number; hwmMb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return { cpuS: ticks / 100, hwmMb: hwm ? Number(hwm[1]) / 1024 : 0 };
  } catch {
    return null;
  }
}

export async function measureCli(request: CliRequest): Promise<CliRun> {
  const out = mkdtempSync(join(tmpdir(), "wsaudit-bench-out-"));
  const timeFile = join(out, "..", `${out.split("/").pop() ?? "x"}.time`);
  const args = [packagePath("bin", "wsaudit.js"), "evaluate", request.inventory, "--format", CLI_FORMATS, "--out-dir", out, "--now", request.now, "--quiet"];
  const method = cliMethod();
  // GNU time reports the rusage of `timeout`, which waits for node: CPU and maxrss include node's.
  const [command, argv] =
    method === "GNU time"
      ? [GNU_TIME, ["-o", timeFile, "-f", "%e %U %S %M", TIMEOUT, "--signal=KILL", String(request.timeoutS), process.execPath, ...args]]
      : [process.execPath, args];
  try {
    const start = performance.now();
    const child = spawn(command, argv, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1", ...request.env } });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    let polled = { cpuS: 0, hwmMb: 0 };
    const poll =
      method === "/proc polling"
        ? setInterval(() => {
            const sample = child.pid === undefined ? null : procSample(child.pid);
            if (sample) polled = { cpuS: sample.cpuS, hwmMb: Math.max(polled.hwmMb, sample.hwmMb) };
          }, 100)
        : undefined;
    const killer = method === "/proc polling" ? setTimeout(() => child.kill("SIGKILL"), request.timeoutS * 1000) : undefined;
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (c) => resolve(c));
    });
    if (poll) clearInterval(poll);
    if (killer) clearTimeout(killer);
    let wallS = (performance.now() - start) / 1000;
    let cpuS = polled.cpuS;
    let peakRssMb = polled.hwmMb;
    if (method === "GNU time") {
      // A killed command adds a "Command terminated by signal" line before the figures.
      const figures = readFileSync(timeFile, "utf8").trim().split("\n").pop()?.split(" ").map(Number) ?? [];
      const [elapsed, user, sys, maxKb] = figures;
      if (elapsed !== undefined && Number.isFinite(elapsed)) wallS = elapsed;
      cpuS = (user ?? 0) + (sys ?? 0);
      peakRssMb = (maxKb ?? 0) / 1024;
    }
    const outcome = classify(code, stderr, wallS, request.timeoutS);
    // A killed `timeout` does not report the rusage of the node process it killed: unknown, not zero.
    if (outcome === "timeout" && method === "GNU time") [cpuS, peakRssMb] = [Number.NaN, Number.NaN];
    const reports = outcome === "ok" ? Object.fromEntries(readdirSync(out).map((f) => [f, statSync(join(out, f)).size])) : {};
    return { outcome, exitCode: code, wallS, cpuS, peakRssMb, method, reports, detail: outcome === "ok" ? "" : tail(stderr) };
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(timeFile, { force: true });
  }
}
