/** Builds an inventory with every collection present and empty: "collected, nothing found", as opposed to absent. */

import type { Inventory, InventoryScope } from "./model.js";
import { INVENTORY_SCHEMA_VERSION } from "./model.js";
import { RESOURCE_TYPES } from "./resource-types.js";

/** Every collection name of the current schema, from the one registry of resource types. */
export const COLLECTION_NAMES = Object.values(RESOURCE_TYPES).map((t) => t.collection);

export function emptyInventory(envelope: { collectedAt: string; tool: Inventory["tool"]; scope: InventoryScope }): Inventory {
  const collections = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, []]));
  return { schemaVersion: INVENTORY_SCHEMA_VERSION, ...envelope, errors: [], ...collections } as unknown as Inventory;
}
