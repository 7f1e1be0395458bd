/**
 * Merges inventories from several files (one per account, region or shard) into one. An entity that appears twice is
 * rejected, except identical copies of global or shared entities (IAM roles, a KMS key seen from two accounts).
 */

import { InputError } from "../input-error.js";
import type { CollectionName, Inventory } from "./model.js";
import { COLLECTION_NAMES, emptyInventory } from "./empty-inventory.js";
import { canonicalJson } from "./canonical-json.js";

const COLLECTIONS: CollectionName[] = COLLECTION_NAMES;

export interface SourcedInventory {
  file: string;
  inventory: Inventory;
}

const union = (lists: string[][]): string[] => [...new Set(lists.flat())].sort();

/**
 * Entities every region shard of an account carries (global services, region "global") and keys other accounts'
 * WorkSpaces reference: the same record may come from several files, and identical copies are one entity.
 */
const isShared = (collection: CollectionName, entity: { region: string }): boolean => entity.region === "global" || collection === "kmsKeys";

/** Collection errors, each once: region shards of one account repeat its account-level (global) errors. */
function uniqueErrors(errors: Inventory["errors"]): Inventory["errors"] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = canonicalJson(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function mergeInventories(sources: SourcedInventory[]): Inventory {
  const [first, ...rest] = sources;
  if (first === undefined) throw new InputError("INVENTORY", "", "no inventory file given");
  if (rest.length === 0) return first.inventory;

  const merged: Inventory = emptyInventory({
    // The oldest snapshot bounds how fresh the merged view is.
    collectedAt: sources.map((s) => s.inventory.collectedAt).sort()[0] ?? first.inventory.collectedAt,
    tool: first.inventory.tool,
    scope: {
      partition: first.inventory.scope.partition,
      accounts: union(sources.map((s) => s.inventory.scope.accounts)),
      regions: union(sources.map((s) => s.inventory.scope.regions)),
    },
  });
  merged.schemaVersion = first.inventory.schemaVersion;
  merged.errors = uniqueErrors(sources.flatMap((s) => s.inventory.errors));
  for (const collection of COLLECTIONS) {
    const holders = sources.filter((s) => s.inventory[collection] !== undefined);
    if (holders.length === 0) {
      // No file collected it: it stays absent, that is "not collected" everywhere.
      delete (merged as unknown as Record<string, unknown>)[collection];
      continue;
    }
    // A file without this (schema 1.1) collection did not collect it: say so for its scope, rather than merge it as empty.
    for (const { file, inventory } of sources) {
      if (inventory[collection] !== undefined) continue;
      // IAM is global: its "not collected" record carries the region "global", as the collector's do.
      const regions = collection === "iamRoles" ? ["global"] : inventory.scope.regions;
      for (const accountId of inventory.scope.accounts) {
        for (const region of regions) {
          merged.errors.push({ service: "wsaudit", operation: "merge", accountId, region, code: "NotInInventory", message: `${file} has no ${collection}`, collections: [collection] });
        }
      }
    }
    const seen = new Map<string, { file: string; entity: object }>();
    const target: { id: string; accountId: string; region: string }[] = [];
    (merged as unknown as Record<string, unknown>)[collection] = target;
    for (const { file, inventory } of holders) {
      (inventory[collection] as { id: string; accountId: string; region: string }[]).forEach((entity, index) => {
        const key = `${entity.accountId}/${entity.region}/${entity.id}`;
        const previous = seen.get(key);
        if (previous !== undefined) {
          const where = `${entity.id} (${entity.accountId}/${entity.region})`;
          if (!isShared(collection, entity)) throw new InputError(file, `/${collection}/${index}`, `${where} is also in ${previous.file}; give each account and region once`);
          if (canonicalJson(entity) === canonicalJson(previous.entity)) return;
          throw new InputError(file, `/${collection}/${index}`, `${where} is also in ${previous.file} with different content; collect the copies at the same time or give one of them`);
        }
        seen.set(key, { file, entity });
        target.push(entity);
      });
    }
  }
  return merged;
}
