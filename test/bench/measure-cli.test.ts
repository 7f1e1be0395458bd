// The user's-path benchmark measures the real CLI process, and records an out-of-memory death or a timeout as an outcome instead of failing.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBenchOptions, runsFor } from "../../bench/bench-options.js";
import { BENCH_COLLECTED_AT, generateInventory } from "../../bench/generate-inventory.js";
import { measureCli } from "../../bench/measure-cli.js";
import { tempDir } from "../helpers/temp-files.js";

const fleet = (workspaces: number): string => {
  const file = join(tempDir(), "inventory.json");
  writeFileSync(file, JSON.stringify(generateInventory({ workspaces })));
  return file;
};

describe("measureCli", () => {
  it("runs `wsaudit evaluate` with every format and reports wall, CPU, peak RSS and the reports written", async () => {
    const run = await measureCli({ inventory: "examples/inventory.json", now: "2026-11-20T02:00:00Z", timeoutS: 120 });
    expect(run.outcome, run.detail).toBe("ok");
    expect(run.exitCode).toBe(1);
    expect(Object.keys(run.reports).sort()).toEqual(["junit.xml", "wsaudit.html", "wsaudit.json", "wsaudit.sarif", "wsaudit.txt"]);
    expect(run.cpuS).toBeGreaterThan(0);
    expect(run.wallS).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeGreaterThan(30);
  });

  it("records a run that dies out of memory, and one that outlives its timeout, without throwing", async () => {
    const file = fleet(2000);
    const oom = await measureCli({ inventory: file, now: BENCH_COLLECTED_AT, timeoutS: 120, env: { NODE_OPTIONS: "--max-old-space-size=24" } });
    expect(oom.outcome, oom.detail).toBe("out of memory");
    expect(oom.reports).toEqual({});
    const slow = await measureCli({ inventory: file, now: BENCH_COLLECTED_AT, timeoutS: 1 });
    expect(slow.outcome, slow.detail).toBe("timeout");
    expect(slow.wallS).toBeGreaterThanOrEqual(1);
  });
});

describe("parseBenchOptions", () => {
  it("reads sizes, shapes and runs, and rejects what it does not know", () => {
    const options = parseBenchOptions(["--sizes", "1000,10000", "--shapes", "organization", "--no-collect"], {});
    expect(options).toMatchObject({ sizes: [1000, 10000], shapes: ["organization"], collect: false, cli: true, engine: true });
    expect(runsFor(1000, options)).toBe(5);
    expect(runsFor(100_000, options)).toBe(1);
    expect(parseBenchOptions([], { WSAUDIT_BENCH_SIZES: "500", WSAUDIT_BENCH_RUNS: "2" })).toMatchObject({ sizes: [500], runs: 2 });
    expect(() => parseBenchOptions(["--sizes", "1k"], {})).toThrow(/--sizes must be positive integers/);
    expect(() => parseBenchOptions(["--shapes", "flat"], {})).toThrow(/unknown shape flat/);
    expect(() => parseBenchOptions(["--fast"], {})).toThrow(/unknown option --fast/);
  });
});
