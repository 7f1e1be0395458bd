// --shard INDEX/COUNT: deterministic, disjoint, balanced shares of the sorted account list whose union is the list.
import { describe, expect, it } from "vitest";
import { accountsOfShard, parseShard } from "../../src/collect/organization/shard.js";

const ids = Array.from({ length: 23 }, (_, i) => String(100000000000 + ((i * 7919) % 1000) * 1000 + i));

describe("shards", () => {
  it("covers every account exactly once for any count, with sizes within one", () => {
    for (const count of [1, 2, 3, 4, 7, 23, 40]) {
      const shares = Array.from({ length: count }, (_, index) => accountsOfShard(ids, { index, count }));
      expect(shares.flat().sort()).toEqual([...ids].sort());
      const sizes = shares.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it("does not depend on the order the accounts were listed in", () => {
    expect(accountsOfShard([...ids].reverse(), { index: 1, count: 3 })).toEqual(accountsOfShard(ids, { index: 1, count: 3 }));
  });

  it("parses INDEX/COUNT and rejects what is not a 0-based share", () => {
    expect(parseShard("0/4")).toEqual({ index: 0, count: 4 });
    expect(parseShard("3/4")).toEqual({ index: 3, count: 4 });
    expect(() => parseShard("4/4")).toThrow("--shard: 4/4: the index is 0-based: with 4 shards it runs from 0 to 3");
    expect(() => parseShard("1/0")).toThrow("--shard: 1/0: the shard count must be at least 1");
    expect(() => parseShard("1-4")).toThrow("--shard: 1-4: expected INDEX/COUNT");
  });
});
