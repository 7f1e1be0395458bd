/** Public API of live collection: `collectInventory`, the atomic inventory writer, the collector registry and the options types. */

export { collectInventory, CollectionAbortedError, ALL_COLLECTIONS } from "./collect-inventory.js";
export { resolveCollectOptions, roleArnForAccount } from "./collect-options.js";
export type { CollectOptions, CollectProgressEvent, CollectTotals, ResolvedCollectOptions } from "./collect-options.js";
export { writeInventoryAtomic, writeFileAtomic } from "./write-inventory-atomic.js";
export { COLLECTORS, RUNNER_PERMISSIONS, requiredPermissions } from "./registry.js";
export type { Collector } from "./collector.js";
export { WORKSPACES_REGIONS, isWorkspacesRegion } from "./regions.js";
export { FIPS_WORKSPACES_REGIONS } from "./aws/clients.js";
export { DEFAULT_WORKSPACES_RATE_LIMIT, type RateLimit } from "./aws/token-bucket.js";
