/** The resource scope shared by waivers and attestations: accounts, regions, resource-id patterns and tags, all optional, all must match. */

import type { Result } from "../findings/types.js";
import { matchesAny } from "../shared/match-pattern.js";

export interface ResourceScope {
  accounts?: string[];
  regions?: string[];
  resources?: string[];
  tags?: Record<string, string>;
}

/** Looks up the tags of the resource a result is about. */
export type TagLookup = (result: Result) => Record<string, string> | undefined;

export function inScope(scope: ResourceScope, result: Result, tagsOf: TagLookup): boolean {
  if (scope.accounts && !scope.accounts.includes(result.accountId)) return false;
  if (scope.regions && !scope.regions.includes(result.region)) return false;
  if (scope.resources && !matchesAny(scope.resources, result.resourceId)) return false;
  if (scope.tags) {
    const tags = tagsOf(result) ?? {};
    if (!Object.entries(scope.tags).every(([k, v]) => tags[k] === v)) return false;
  }
  return true;
}

/** Dates in governance files are inclusive: "2026-12-31" is valid through the end of that day, UTC. */
export function expiryInstant(expires: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T23:59:59.999Z`) : Date.parse(expires);
}
