/** Checks a schema-valid inventory for what the schema cannot say: one entity per account, region and id in a collection, and a scope wide enough to report absent collections. */

import type { Inventory } from "./model.js";
import { RESOURCE_TYPES } from "./resource-types.js";

export interface ConsistencyProblem {
  pointer: string;
  detail: string;
}

const COLLECTIONS = [...new Set(Object.values(RESOURCE_TYPES).map((t) => t.collection))];

/** The first problem found, or null. */
export function checkInventoryConsistency(inventory: Inventory): ConsistencyProblem | null {
  const data = inventory as unknown as Record<string, unknown>;
  for (const collection of COLLECTIONS) {
    const list = data[collection];
    if (!Array.isArray(list)) continue;
    // Two records for one resource: policies would judge it twice, and a merge could not say which one holds.
    // Keyed by id alone (the strings the inventory already holds); account and region are compared on a clash only.
    const seen = new Map<string, number | number[]>();
    for (let i = 0; i < list.length; i++) {
      const entity = list[i] as { accountId: string; region: string; id: string };
      const before = seen.get(entity.id);
      if (before === undefined) {
        seen.set(entity.id, i);
        continue;
      }
      const earlier = typeof before === "number" ? [before] : before;
      const first = earlier.find((j) => {
        const other = list[j] as { accountId: string; region: string };
        return other.accountId === entity.accountId && other.region === entity.region;
      });
      if (first !== undefined) return { pointer: `/${collection}/${i}`, detail: `duplicate entity: the same accountId, region and id as /${collection}/${first}` };
      if (typeof before === "number") seen.set(entity.id, [before, i]);
      else before.push(i);
    }
  }
  // An absent collection is reported as not collected for every account and region in scope; with no scope, it would vanish.
  const absent = COLLECTIONS.filter((c) => data[c] === undefined);
  if (absent.length > 0 && (inventory.scope.accounts.length === 0 || inventory.scope.regions.length === 0)) {
    return {
      pointer: "/scope",
      detail: `the scope names no ${inventory.scope.accounts.length === 0 ? "account" : "region"}, so the ${absent.length} collection(s) absent from the file (${absent.join(", ")}) could not be reported as not collected`,
    };
  }
  return null;
}
