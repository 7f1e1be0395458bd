// The paginator guard and the per account-region deadline, through collectInventory against the fake endpoint.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { collectInventory } from "../../src/collect/index.js";
import { PaginationGuard } from "../../src/collect/aws/guard-pagination.js";
import { startFakeAws, type FakeAws } from "./support/fake-aws.js";
import { FAKE_CREDENTIALS, useFakeCredentialEnv } from "./support/fake-credentials.js";

let fake: FakeAws | undefined;
beforeAll(() => useFakeCredentialEnv());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("pagination guard", () => {
  it("ends a listing that runs past the page cap with a PaginationLoop error for its collection", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 63 } });
    const inv = await collectInventory({ regions: ["us-east-1"], endpointUrl: fake.url, credentials: FAKE_CREDENTIALS, rateLimit: { ratePerSecond: 1000, burst: 1000 }, maxPages: 2 });
    const e = inv.errors.find((x) => x.operation === "DescribeWorkspaces");
    expect(e).toMatchObject({ code: "PaginationLoop", collections: expect.arrayContaining(["workspaces"]) as unknown });
    expect(e?.message).toMatch(/more than 2 pages/);
  });

  it("tracks each listing by its input: a token handed out twice is a loop, the same token in another listing is not", () => {
    const guard = new PaginationGuard(100);
    const a = { NextToken: undefined as string | undefined };
    guard.check("Op", a, { NextToken: "t1" });
    a.NextToken = "t1";
    guard.check("Op", a, { NextToken: "t2" });
    guard.check("Op", { NextToken: "x" }, { NextToken: "t1" });
    a.NextToken = "t2";
    expect(() => guard.check("Op", a, { NextToken: "t1" })).toThrow(/a next-page token came back a second time/);
    expect(() => guard.check("Op", { NextToken: "s" }, { NextToken: "s" })).toThrow(/repeats the next-page token it was asked with/);
  });
});
