/** `loadInventory`: reads and validates one or more inventory files and merges them into one inventory, as `wsaudit evaluate` does. */

import { loadInventoryFile } from "../inventory/load-inventory.js";
import { mergeInventories } from "../inventory/merge-inventories.js";
import type { Inventory } from "../inventory/model.js";

/** Throws an `InputError` naming the file and the JSON pointer for a malformed or invalid file. */
export function loadInventory(files: string | readonly string[]): Inventory {
  const list = typeof files === "string" ? [files] : files;
  return mergeInventories(list.map((file) => ({ file, inventory: loadInventoryFile(file) })));
}
