/** The manifest written beside per-account inventories (`manifest.json`, or `manifest-<i>-of-<n>.json` for a shard): accounts, regions, status, errors and timings. */

/** A shard of the sorted account list (`--shard INDEX/COUNT`, 0-based). */
export interface ManifestShard {
  index: number;
  count: number;
}

export type AccountStatus = "pending" | "complete" | "failed";

export interface ManifestAccount {
  accountId: string;
  /** The account name AWS Organizations reports, when discovered there. */
  name?: string;
  status: AccountStatus;
  /** The inventory file, relative to the manifest's folder; absent until written. */
  file?: string;
  /** True when `--resume` found the account's file complete and did not collect it again. */
  resumed?: boolean;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  /** Collection errors recorded in the account's inventory (calls that failed), by AWS error code. */
  errors?: Record<string, number>;
  /** Why the account could not be collected at all (assume-role denied, no identity). */
  failure?: { code: string; message: string };
}

export interface CollectionManifest {
  kind: "wsaudit-collection-manifest";
  version: 1;
  tool: { name: "wsaudit"; version: string };
  startedAt: string;
  finishedAt?: string;
  source: "organization" | "accounts";
  organization?: { ous: string[]; excluded: string[] };
  shard: ManifestShard | null;
  regions: string[];
  totals: { accounts: number; complete: number; failed: number; pending: number; resumed: number };
  accounts: ManifestAccount[];
}

/** The manifest's file name: one per shard, so shards writing to one shared folder never overwrite each other's. */
export function manifestFileName(shard: ManifestShard | null | undefined): string {
  return shard ? `manifest-${shard.index}-of-${shard.count}.json` : "manifest.json";
}

/** Manifest file names (`manifest.json`, `manifest-0-of-4.json`): never read as inventories. */
export const MANIFEST_FILE = /^manifest(-\d+-of-\d+)?\.json$/;

export function isCollectionManifest(data: unknown): data is CollectionManifest {
  if (typeof data !== "object" || data === null) return false;
  const m = data as Partial<CollectionManifest>;
  return m.kind === "wsaudit-collection-manifest" && Array.isArray(m.accounts) && Array.isArray(m.regions);
}
