/** Lists IP access control groups (DescribeIpGroups, no SDK paginator, result key `Result`) and normalizes them to `ipGroups`. */

import { DescribeIpGroupsCommand, type WorkspacesIpGroup } from "@aws-sdk/client-workspaces";
import type { IpGroup } from "../../inventory/model.js";
import { paginateByNextToken } from "../aws/paginate-by-next-token.js";
import { defineCollector, type Where } from "../collector.js";
import { list, str } from "../normalize-helpers.js";

export function normalizeIpGroup(raw: WorkspacesIpGroup, where: Where): IpGroup {
  return {
    id: raw.groupId ?? "",
    accountId: where.accountId,
    region: where.region,
    name: raw.groupName ?? "",
    description: str(raw.groupDesc),
    rules: list(raw.userRules).map((r) => ({ cidr: r.ipRule ?? "", description: str(r.ruleDesc) })),
  };
}

export const ipGroupsCollector = defineCollector<"ipGroups", WorkspacesIpGroup[]>({
  id: "workspaces.DescribeIpGroups",
  kind: "list",
  collection: "ipGroups",
  service: "workspaces",
  operation: "DescribeIpGroups",
  permissions: ["workspaces:DescribeIpGroups"],
  stage: 1,
  async fetch({ clients }) {
    const out: WorkspacesIpGroup[] = [];
    const send = (input: { NextToken?: string | undefined; MaxResults?: number }) => clients.workspaces.send(new DescribeIpGroupsCommand(input));
    for await (const page of paginateByNextToken(send, { MaxResults: 25 })) out.push(...(page.Result ?? []));
    return out;
  },
  normalize: (raw, where) => raw.filter((g) => g.groupId).map((g) => normalizeIpGroup(g, where)),
});
