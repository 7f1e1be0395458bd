/** Organization-scale collection: account discovery, shards, per-account output with a manifest, resume. Loaded only by `collect` and `accounts`, never at CLI start. */

export { collectAccountsToDir, type AccountsProgressEvent, type AccountsToDirOptions, type AccountsToDirResult, type AccountsTotals } from "./collect-accounts-to-dir.js";
export { discoverAccounts, type OrganizationAccount } from "./discover-accounts.js";
export { accountsOfShard, parseShard, type Shard } from "./shard.js";
export { ORGANIZATION_PERMISSIONS } from "./organization-permissions.js";
