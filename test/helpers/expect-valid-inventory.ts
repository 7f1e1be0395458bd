// Test helper: asserts an inventory satisfies the shipped schema, through the same validator `evaluate` uses.
import { expect } from "vitest";
import { validateInventoryData } from "../../src/inventory/load-inventory.js";

export function expectValidInventory(inventory: unknown): void {
  const error = validateInventoryData(inventory);
  expect(error, JSON.stringify(error)).toBeNull();
}
