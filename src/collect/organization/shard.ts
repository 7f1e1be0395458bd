/** `--shard INDEX/COUNT`: a deterministic, disjoint share of the sorted account list; the shards together are the whole list. */

import { InputError } from "../../input-error.js";

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new InputError("--shard", text, "expected INDEX/COUNT with a 0-based index, e.g. 0/4 to 3/4");
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new InputError("--shard", text, "the shard count must be at least 1");
  if (index >= count) throw new InputError("--shard", text, `the index is 0-based: with ${count} shards it runs from 0 to ${count - 1}`);
  return { index, count };
}

/**
 * The accounts of one shard: the list is sorted by account id and dealt out in turn (position modulo count), so the
 * shards differ by at most one account and every shard, given the same list, computes the same split on its own.
 */
export function accountsOfShard(accountIds: readonly string[], shard: Shard | undefined): string[] {
  const sorted = [...new Set(accountIds)].sort();
  if (shard === undefined) return sorted;
  return sorted.filter((_, position) => position % shard.count === shard.index);
}
