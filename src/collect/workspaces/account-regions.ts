/** Makes one `accountRegions` entity per account and region collected, with the BYOL settings of WS:DescribeAccount. */

import { DescribeAccountCommand, type DescribeAccountResult } from "@aws-sdk/client-workspaces";
import type { AccountRegion } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { str } from "../normalize-helpers.js";

export const accountRegionId = (where: Where): string => `${where.accountId}/${where.region}`;

/** `account` is undefined when DescribeAccount failed: the entity still exists (the region was collected), without `byol`. */
export function normalizeAccountRegion(account: DescribeAccountResult | undefined, where: Where): AccountRegion {
  const entity: AccountRegion = { id: accountRegionId(where), accountId: where.accountId, region: where.region };
  if (account !== undefined) {
    entity.byol = {
      dedicatedTenancySupport: str(account.DedicatedTenancySupport),
      managementCidrRange: str(account.DedicatedTenancyManagementCidrRange),
      accountType: str(account.DedicatedTenancyAccountType),
    };
  }
  return entity;
}

export const accountRegionsCollector = defineCollector<"accountRegions", DescribeAccountResult | undefined>({
  id: "workspaces.DescribeAccount",
  kind: "list",
  collection: "accountRegions",
  service: "workspaces",
  operation: "DescribeAccount",
  permissions: ["workspaces:DescribeAccount"],
  stage: 1,
  async fetch(ctx) {
    try {
      return await ctx.clients.workspaces.send(new DescribeAccountCommand({}));
    } catch (error) {
      // The account-region exists whatever DescribeAccount says; only its `byol` is missing, so the record names it.
      ctx.recordError("workspaces", "DescribeAccount", error, { resourceIds: [accountRegionId(ctx)] });
      return undefined;
    }
  },
  normalize: (raw, where) => [normalizeAccountRegion(raw, where)],
});
