// Throttling: a simulated WorkSpaces endpoint enforces a token bucket and answers ThrottlingException beyond it; no page may be lost.
// The rates are scaled up from AWS's 2/s burst 5 (same shape, 5-10x faster) to keep the suite short; the benchmark runs the real 2/5.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { collectInventory } from "../../src/collect/index.js";
import { startFakeAws, type FakeAws } from "./support/fake-aws.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";

let fake: FakeAws | undefined;
beforeAll(() => useFakeCredentialEnv());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const WORKSPACES = 2000;
const PAGES = WORKSPACES / 25;

async function collectAgainst(server: { ratePerSecond: number; burst: number }, client: { ratePerSecond: number; burst: number }) {
  fake = await startFakeAws({ workspacesByRegion: { "us-east-1": WORKSPACES }, rateLimit: server, latencyMs: 5 });
  let throttlesSeen = 0;
  const inv = await collectInventory({
    regions: ["us-east-1"],
    endpointUrl: fake.url,
    credentials: FAKE_CREDENTIALS,
    rateLimit: client,
    onProgress: (e) => {
      if (e.type === "throttle") throttlesSeen++;
    },
  });
  return { inv, throttlesSeen, stats: fake.stats };
}

describe("WorkSpaces rate limit", () => {
  it("collects 2,000 WorkSpaces (80 pages of each paged call) at the endpoint's own rate with every page and no error", async () => {
    const { inv, stats } = await collectAgainst({ ratePerSecond: 20, burst: 5 }, { ratePerSecond: 20, burst: 5 });
    expect(inv.errors).toEqual([]);
    expect(stats.calls["workspaces.DescribeWorkspaces"]).toBe(PAGES);
    expect(stats.calls["workspaces.DescribeWorkspacesConnectionStatus"]).toBe(PAGES);
    expect(new Set(inv.workspaces.map((w) => w.id)).size).toBe(WORKSPACES);
    expect(inv.workspaces.every((w) => w.connection !== undefined && w.connection !== null)).toBe(true);
  });

  it("loses no call when the client is configured faster than the endpoint allows: throttled calls are retried until answered", async () => {
    const { inv, throttlesSeen, stats } = await collectAgainst({ ratePerSecond: 20, burst: 5 }, { ratePerSecond: 60, burst: 20 });
    // The endpoint really refused calls, and the collector saw each refusal.
    expect(stats.throttled).toBeGreaterThan(0);
    expect(throttlesSeen).toBe(stats.throttled);
    expect(inv.errors).toEqual([]);
    expect(stats.calls["workspaces.DescribeWorkspaces"]).toBe(PAGES);
    expect(stats.calls["workspaces.DescribeWorkspacesConnectionStatus"]).toBe(PAGES);
    expect(new Set(inv.workspaces.map((w) => w.id)).size).toBe(WORKSPACES);
    expect(inv.workspaces.every((w) => w.connection !== undefined && w.connection !== null)).toBe(true);
  });
});
