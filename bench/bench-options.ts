/** The benchmark's options: `npm run bench -- --sizes 1000,10000 --shapes directory --runs 3 --timeout 900 --no-collect`, with the older WSAUDIT_BENCH_* variables as fallbacks. */

export type FleetShape = "directory" | "organization";
export const FLEET_SHAPES: readonly FleetShape[] = ["directory", "organization"];

export interface BenchOptions {
  sizes: number[];
  shapes: FleetShape[];
  /** Runs per size; undefined = the default for the size (see runsFor). */
  runs: number | undefined;
  /** Seconds before a CLI run is killed and recorded as a timeout. */
  timeoutS: number;
  cli: boolean;
  engine: boolean;
  collect: boolean;
}

const DEFAULT_SIZES = [1_000, 10_000, 100_000];

export const BENCH_USAGE = `usage: npm run bench -- [--sizes 1000,10000,100000] [--shapes directory,organization] [--runs N] [--timeout SECONDS]
                        [--no-cli] [--no-engine] [--no-collect]`;

function positiveIntegers(flag: string, raw: string): number[] {
  const values = raw.split(",").map((s) => Number(s.trim()));
  if (values.length === 0 || values.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`${flag} must be positive integers, got "${raw}"\n${BENCH_USAGE}`);
  return values;
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const options: BenchOptions = {
    sizes: env["WSAUDIT_BENCH_SIZES"] ? positiveIntegers("WSAUDIT_BENCH_SIZES", env["WSAUDIT_BENCH_SIZES"]) : DEFAULT_SIZES,
    shapes: [...FLEET_SHAPES],
    runs: env["WSAUDIT_BENCH_RUNS"] ? positiveIntegers("WSAUDIT_BENCH_RUNS", env["WSAUDIT_BENCH_RUNS"])[0] : undefined,
    timeoutS: 900,
    cli: true,
    engine: true,
    collect: env["WSAUDIT_BENCH_COLLECT"] !== "0",
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${BENCH_USAGE}`);
      return v;
    };
    switch (flag) {
      case "--sizes":
        options.sizes = positiveIntegers(flag, value());
        break;
      case "--shapes": {
        const shapes = value().split(",").map((s) => s.trim());
        const bad = shapes.filter((s) => !(FLEET_SHAPES as readonly string[]).includes(s));
        if (bad.length > 0) throw new Error(`--shapes: unknown shape ${bad.join(", ")}; shapes: ${FLEET_SHAPES.join(", ")}\n${BENCH_USAGE}`);
        options.shapes = shapes as FleetShape[];
        break;
      }
      case "--runs":
        options.runs = positiveIntegers(flag, value())[0];
        break;
      case "--timeout":
        options.timeoutS = positiveIntegers(flag, value())[0] as number;
        break;
      case "--no-cli":
        options.cli = false;
        break;
      case "--no-engine":
        options.engine = false;
        break;
      case "--no-collect":
        options.collect = false;
        break;
      default:
        throw new Error(`unknown option ${flag}\n${BENCH_USAGE}`);
    }
  }
  return options;
}

/** Medians need several runs; at 100k one run is already a minute of a shared machine, so one is the default there. */
export const runsFor = (size: number, options: BenchOptions): number => options.runs ?? (size >= 100_000 ? 1 : size >= 10_000 ? 3 : 5);
