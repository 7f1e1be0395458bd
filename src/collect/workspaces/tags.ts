/** Opt-in tag collection (WS DescribeTags, one resource per call) for directories, WorkSpaces and IP groups; a resource whose call failed keeps `tags` absent. */

import { DescribeTagsCommand, type Tag } from "@aws-sdk/client-workspaces";
import type { CollectionName } from "../../inventory/model.js";
import { mapWithConcurrency } from "../aws/map-with-concurrency.js";
import { defineCollector, type CollectContext } from "../collector.js";

/** The tags of one resource, as DescribeTags returned them. Resources whose call failed are not listed. */
export interface RawResourceTags {
  resourceId: string;
  tagList: Tag[];
}

/**
 * Calls in flight per collector. The account-region's token bucket paces them; a few in flight keep the bucket busy
 * when the network is slower than the rate (or the rate was raised), without piling up waiters.
 */
const IN_FLIGHT = 4;

/** `{}` when the resource has no tags: collected, none. Keys sorted so that inventories diff cleanly. */
export function normalizeTagList(tagList: readonly Tag[]): Record<string, string> {
  const pairs = tagList.filter((t) => typeof t.Key === "string" && t.Key !== "").map((t): [string, string] => [t.Key as string, t.Value ?? ""]);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary tag.
  return Object.fromEntries(pairs);
}

export function normalizeResourceTags(raw: readonly RawResourceTags[]): Map<string, { tags: Record<string, string> }> {
  return new Map(raw.map((r) => [r.resourceId, { tags: normalizeTagList(r.tagList) }]));
}

/** One DescribeTags call per distinct id; a failure is recorded for that resource alone and the others go on. */
async function fetchTags(ctx: CollectContext, collection: CollectionName, ids: readonly string[]): Promise<RawResourceTags[]> {
  const unique = [...new Set(ids.filter((id) => id !== ""))];
  const results = await mapWithConcurrency(unique, IN_FLIGHT, async (resourceId): Promise<RawResourceTags | undefined> => {
    try {
      const page = await ctx.clients.workspaces.send(new DescribeTagsCommand({ ResourceId: resourceId }));
      return { resourceId, tagList: page.TagList ?? [] };
    } catch (error) {
      ctx.recordError("workspaces", "DescribeTags", error, { resourceIds: [resourceId], collections: [collection] });
      return undefined;
    }
  });
  return results.filter((r): r is RawResourceTags => r !== undefined);
}

const common = {
  kind: "enrich",
  service: "workspaces",
  operation: "DescribeTags",
  permissions: ["workspaces:DescribeTags"],
  // Reads the ids the stage-1 lists produced.
  stage: 2,
  optIn: "collectTags",
  fills: ["tags"],
  normalize: (raw: RawResourceTags[]) => normalizeResourceTags(raw),
} as const;

export const directoryTagsCollector = defineCollector<"directories", RawResourceTags[]>({
  ...common,
  id: "workspaces.DescribeTags.directories",
  collection: "directories",
  fetch: (ctx) => fetchTags(ctx, "directories", ctx.view.directories.map((d) => d.id)),
});

export const workspaceTagsCollector = defineCollector<"workspaces", RawResourceTags[]>({
  ...common,
  id: "workspaces.DescribeTags.workspaces",
  collection: "workspaces",
  fetch: (ctx) => fetchTags(ctx, "workspaces", ctx.view.workspaces.map((w) => w.id)),
});

export const ipGroupTagsCollector = defineCollector<"ipGroups", RawResourceTags[]>({
  ...common,
  id: "workspaces.DescribeTags.ipGroups",
  collection: "ipGroups",
  fetch: (ctx) => fetchTags(ctx, "ipGroups", ctx.view.ipGroups.map((g) => g.id)),
});
