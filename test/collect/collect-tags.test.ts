// Opt-in tag collection (--tags / collectTags) against the simulated endpoint: tags on directories, WorkSpaces and IP groups, one DescribeTags call per resource, failures per resource.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Command } from "commander";
import { addCollectOptions, collectOptionsFromFlags, type CollectFlags } from "../../src/cli/commands/collect.js";
import { collectInventory, type CollectOptions } from "../../src/collect/index.js";
import { normalizeTagList } from "../../src/collect/workspaces/tags.js";
import type { Inventory } from "../../src/inventory/model.js";
import { fakeWorkspaceIsTagged, startFakeAws, type FakeAws, type FakeAwsOptions } from "./support/fake-aws.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";
import { expectValidInventory } from "../helpers/expect-valid-inventory.js";


let fake: FakeAws | undefined;
beforeAll(() => useFakeCredentialEnv());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const fast = { ratePerSecond: 1000, burst: 1000 };
const DIRECTORY = "d-useast101";
const IP_GROUP = "wsipg-fake0001";
const wsId = (i: number): string => `ws-useast1${String(i).padStart(6, "0")}`;

async function collect(fakeOptions: FakeAwsOptions, options: Partial<CollectOptions> = {}): Promise<{ inv: Inventory; fake: FakeAws }> {
  fake = await startFakeAws(fakeOptions);
  const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: fast, ...options });
  return { inv, fake };
}

/** Every entity DescribeTags should be asked about: the tagged-entity candidates. */
const candidates = (inv: Inventory): string[] => [...inv.directories, ...inv.workspaces, ...inv.ipGroups].map((e) => e.id).sort();

describe("tag collection (collectTags)", () => {
  it("tags directories, WorkSpaces and IP groups, {} for untagged ones, and records one denied WorkSpace without tags", async () => {
    // WorkSpace 4 would carry Skip_Convert; denied, it must not look untagged.
    const denied = wsId(4);
    const { inv, fake } = await collect({ workspacesByRegion: { "us-east-1": 10 }, denyTagsFor: [denied] }, { collectTags: true });
    expectValidInventory(inv);

    expect(inv.directories.map((d) => [d.id, d.tags])).toEqual([[DIRECTORY, { CostCenter: "4711", Owner: "it-ops@example.com" }]]);
    expect(inv.ipGroups.map((g) => [g.id, g.tags])).toEqual([[IP_GROUP, { Purpose: "office egress" }]]);
    expect(inv.workspaces).toHaveLength(10);
    for (const [i, w] of inv.workspaces.entries()) {
      expect(w.id).toBe(wsId(i));
      if (w.id === denied) expect(w, w.id).not.toHaveProperty("tags");
      else expect(w.tags, w.id).toEqual(fakeWorkspaceIsTagged(i) ? { Skip_Convert: "true" } : {});
    }

    expect(inv.errors).toEqual([
      {
        service: "workspaces",
        operation: "DescribeTags",
        accountId: "123456789012",
        region: "us-east-1",
        code: "AccessDeniedException",
        message: expect.stringContaining(denied) as string,
        collections: ["workspaces"],
        resourceIds: [denied],
      },
    ]);

    // One call per candidate: none lost (the denied one included), none duplicated.
    expect(Object.keys(fake.stats.describeTagsByResource).sort()).toEqual(candidates(inv));
    expect(Object.values(fake.stats.describeTagsByResource).every((n) => n === 1)).toBe(true);
    expect(candidates(inv)).toHaveLength(12);
  });

  it("leaves tags absent and makes no DescribeTags call without the option", async () => {
    const { inv, fake } = await collect({ workspacesByRegion: { "us-east-1": 10 } });
    expect(inv.errors).toEqual([]);
    expect(fake.stats.describeTagsByResource).toEqual({});
    for (const e of [...inv.directories, ...inv.workspaces, ...inv.ipGroups]) expect(e, e.id).not.toHaveProperty("tags");
    expect(inv.workspaces).toHaveLength(10);
  });

  it("names the directory and the IP group collections when their DescribeTags calls fail", async () => {
    const { inv } = await collect({ workspacesByRegion: { "us-east-1": 2 }, denyTagsFor: [DIRECTORY, IP_GROUP] }, { collectTags: true });
    expect(inv.errors.map((e) => [e.operation, e.collections, e.resourceIds, e.code])).toEqual([
      ["DescribeTags", ["directories"], [DIRECTORY], "AccessDeniedException"],
      ["DescribeTags", ["ipGroups"], [IP_GROUP], "AccessDeniedException"],
    ]);
    expect(inv.directories[0]).not.toHaveProperty("tags");
    expect(inv.ipGroups[0]).not.toHaveProperty("tags");
    // The rest of the directory is still collected.
    expect(inv.directories[0]).toMatchObject({ dsType: "ADConnector", clientProperties: { reconnect: "DISABLED" } });
    expect(inv.workspaces.map((w) => w.tags)).toEqual([{ Skip_Convert: "true" }, {}]);
  });

  it("loses and repeats no DescribeTags call when the endpoint throttles: each resource is answered exactly once", async () => {
    // Client configured faster than the endpoint allows (scaled-up 2/5 shape, as in throttling.test.ts).
    const { inv, fake } = await collect(
      { workspacesByRegion: { "us-east-1": 20 }, rateLimit: { ratePerSecond: 40, burst: 5 }, latencyMs: 5 },
      { collectTags: true, rateLimit: { ratePerSecond: 45, burst: 8 } },
    );
    expect(fake.stats.throttled).toBeGreaterThan(0);
    expect(inv.errors).toEqual([]);
    expect(candidates(inv)).toHaveLength(2 + 20);
    expect(Object.keys(fake.stats.describeTagsByResource).sort()).toEqual(candidates(inv));
    expect(Object.values(fake.stats.describeTagsByResource).every((n) => n === 1)).toBe(true);
    expect(inv.workspaces.every((w) => w.tags !== undefined)).toBe(true);
  });
});

describe("normalizeTagList", () => {
  it("keeps every key with its value (missing value = empty string), sorted, a __proto__ key as a plain tag", () => {
    const tags = normalizeTagList([{ Key: "b", Value: "2" }, { Key: "__proto__", Value: "x" }, { Key: "a", Value: undefined }, { Key: undefined }]);
    expect(Object.keys(tags)).toEqual(["__proto__", "a", "b"]);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(JSON.stringify(tags)).toBe('{"__proto__":"x","a":"","b":"2"}');
    expect(normalizeTagList([])).toEqual({});
  });
});

describe("--tags flag", () => {
  const flags = (over: Partial<CollectFlags>): CollectFlags => ({ region: ["us-east-1"], account: [], rate: 2, burst: 5, concurrency: 4, ...over });

  it("maps to collectTags, off unless given", () => {
    expect(collectOptionsFromFlags(flags({ tags: true }), {}).collectTags).toBe(true);
    expect(collectOptionsFromFlags(flags({}), {}).collectTags).toBe(false);
  });

  it("is offered by the shared collect/scan options, with its cost in the help text", () => {
    const command = addCollectOptions(new Command("collect"));
    command.parse(["--region", "us-east-1", "--tags"], { from: "user" });
    expect(command.opts()["tags"]).toBe(true);
    expect(command.helpInformation().replace(/\s+/g, " ")).toMatch(/--tags .*one WorkSpaces call per resource/);
  });
});
