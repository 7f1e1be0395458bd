/** The last step of collection: the inventory must pass the shipped schema before anyone may write it; a failure is a wsaudit bug, not bad input. */

import { validateInventoryData } from "../inventory/load-inventory.js";
import { describeSchemaError } from "../shared/schema-validator.js";
import type { Inventory } from "../inventory/model.js";

/** Thrown instead of returning an inventory that `evaluate` would refuse; the CLI exits 4 and writes nothing. */
export class InvalidCollectedInventoryError extends Error {
  readonly code = "InvalidInventory";
  constructor(pointer: string, detail: string) {
    super(`the collected inventory fails the inventory schema at ${pointer} (${detail}); nothing was written. This is a wsaudit bug: please report it`);
    this.name = "InvalidCollectedInventoryError";
  }
}

export function checkCollectedInventory(inventory: Inventory): Inventory {
  const first = validateInventoryData(inventory);
  if (first === null) return inventory;
  const { pointer, detail } = describeSchemaError(first);
  throw new InvalidCollectedInventoryError(pointer, detail);
}
