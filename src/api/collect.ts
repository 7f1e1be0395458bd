/** `collect`: live collection of an inventory with the AWS SDK v3; the SDK is loaded on the first call, never on import. */

import type { CollectOptions } from "../collect/collect-options.js";
import type { Inventory } from "../inventory/model.js";

/**
 * Collects an inventory with read-only calls (see iam/wsaudit-readonly-policy.json). Calls that fail are recorded in
 * `inventory.errors`, so the policies that need their data give `error`; bad options throw an `InputError`.
 */
export async function collect(options: CollectOptions): Promise<Inventory> {
  const { collectInventory } = await import("../collect/collect-inventory.js");
  return collectInventory(options);
}

/** Writes an inventory atomically (temporary file, then rename), as `wsaudit collect -o` does. */
export async function writeInventory(path: string, inventory: Inventory): Promise<void> {
  const { writeInventoryAtomic } = await import("../collect/write-inventory-atomic.js");
  await writeInventoryAtomic(path, inventory);
}
