/** Collection benchmark: 10,000 WorkSpaces in 4 regions behind a simulated endpoint (50 ms latency, 2 calls/s burst 5 per region), wall time against the rate-limit minimum. */
import { pathToFileURL } from "node:url";
import { collectInventory } from "../src/collect/index.js";
import { startFakeAws } from "../test/collect/support/fake-aws.js";

export interface CollectBenchResult {
  workspaces: number;
  regions: string[];
  latencyMs: number;
  rateLimit: {
    ratePerSecond: number;
    burst: number;
  };
  /** WorkSpaces API calls answered, all regions. */
  workspacesCalls: number;
  /** Calls answered per region (the busiest region bounds the wall time). */
  workspacesCallsPerRegion: Record<string, number>;
  /** Busiest region's calls ÷ rate: regions run in parallel, calls in one region are bound by its bucket. */
  theoreticalMinSeconds: number;
  /** The same, crediting the initial burst: (calls − burst) ÷ rate, the true lower bound. */
  burstAdjustedMinSeconds: number;
  wallSeconds: number;
  /** wallSeconds ÷ theoreticalMinSeconds (the figure). */
  ratio: number;
  /** wallSeconds ÷ burstAdjustedMinSeconds (stricter). */
  burstAdjustedRatio: number;
  throttledCalls: number;
  errors: number;
  target: number;
  withinTarget: boolean;
}

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"];
export async function benchCollect(): Promise<CollectBenchResult> {
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
  const total = Number(process.env["WSAUDIT_BENCH_COLLECT_WORKSPACES"] ?? 10_000);
  const latencyMs = 50;
  const rateLimit = { ratePerSecond: 2, burst: 5 };
  const perRegion = Math.ceil(total / REGIONS.length);
  const fake = await startFakeAws({ workspacesByRegion: Object.fromEntries(REGIONS.map((r) => [r, perRegion])), rateLimit, latencyMs });
  try {
    const started = performance.now();
    const inventory = await collectInventory({
      regions: REGIONS,
      endpointUrl: fake.url,
      credentials: () => Promise.resolve({ accessKeyId: "testing", secretAccessKey: "testing" }),
      rateLimit,
      concurrency: REGIONS.length,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    if (inventory.workspaces.length !== perRegion * REGIONS.length)
      throw new Error(`collected ${inventory.workspaces.length} WorkSpaces, expected ${perRegion * REGIONS.length}`);
    const workspacesCallsPerRegion = { ...fake.stats.workspacesAnsweredByRegion };
    const throttledCalls = fake.stats.throttled;
    const workspacesCalls = Object.values(workspacesCallsPerRegion).reduce((a, b) => a + b, 0);
    const busiest = Math.max(...Object.values(workspacesCallsPerRegion));
    const theoreticalMinSeconds = busiest / rateLimit.ratePerSecond;
    const burstAdjustedMinSeconds = Math.max(0, busiest - rateLimit.burst) / rateLimit.ratePerSecond;
    const ratio = wallSeconds / theoreticalMinSeconds;
    return {
      workspaces: inventory.workspaces.length,
      regions: REGIONS,
      latencyMs,
      rateLimit,
      workspacesCalls,
      workspacesCallsPerRegion,
      theoreticalMinSeconds,
      burstAdjustedMinSeconds,
      wallSeconds,
      ratio,
      burstAdjustedRatio: wallSeconds / burstAdjustedMinSeconds,
      throttledCalls,
      errors: inventory.errors.length,
      target: 1.2,
      withinTarget: ratio <= 1.2,
    };
  }
  finally {
    await fake.close();
  }
}
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchCollect();
  console.log(JSON.stringify(r, null, 2));
  console.log(`collect: ${r.workspaces} WorkSpaces in ${r.regions.length} regions, ${r.workspacesCalls} WorkSpaces calls, ` +
    `${r.wallSeconds.toFixed(1)} s vs minimum ${r.theoreticalMinSeconds.toFixed(1)} s (×${r.ratio.toFixed(3)}, target ≤ ${r.target}; ` +
    `×${r.burstAdjustedRatio.toFixed(3)} of the burst-adjusted ${r.burstAdjustedMinSeconds.toFixed(1)} s), ` +
    `${r.throttledCalls} throttled, ${r.errors} errors`);
}
