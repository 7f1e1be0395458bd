/** Reads the WorkSpaces service role `workspaces_DefaultRole` (IAM GetRole, ListAttachedRolePolicies) once per account and normalizes it to `iamRoles`. */

import { GetRoleCommand, paginateListAttachedRolePolicies, type AttachedPolicy, type Role } from "@aws-sdk/client-iam";
import type { IamRole } from "../../inventory/model.js";
import { errorInfo } from "../aws/error-info.js";
import { defineCollector, type CollectContext, type Where } from "../collector.js";
import { parsePolicyDocument, str, tagMap } from "../normalize-helpers.js";

/** The role WorkSpaces uses to call other services on the account's behalf (WorkSpaces Administration Guide, "Identity and access management for WorkSpaces"). */
export const WORKSPACES_DEFAULT_ROLE = "workspaces_DefaultRole";

export interface RawIamRole {
  role: Role;
  attached: AttachedPolicy[];
}

export function normalizeIamRole(raw: RawIamRole, where: Where): IamRole {
  const { role } = raw;
  return {
    id: role.RoleName ?? "",
    accountId: where.accountId,
    region: "global",
    tags: tagMap(role.Tags),
    arn: role.Arn ?? "",
    roleId: str(role.RoleId),
    trustPolicy: role.AssumeRolePolicyDocument ? parsePolicyDocument(role.AssumeRolePolicyDocument) : null,
    attachedPolicyArns: raw.attached.map((p) => p.PolicyArn).filter((a): a is string => typeof a === "string").sort(),
    permissionsBoundaryArn: str(role.PermissionsBoundary?.PermissionsBoundaryArn),
  };
}

async function fetchIamRoles(ctx: CollectContext): Promise<RawIamRole[]> {
  let role: Role | undefined;
  try {
    role = (await ctx.clients.iam.send(new GetRoleCommand({ RoleName: WORKSPACES_DEFAULT_ROLE }))).Role;
  } catch (error) {
    // No such role is a finding for the policies, not a collection failure: collected, and there is none.
    if (["NoSuchEntity", "NoSuchEntityException"].includes(errorInfo(error).code)) return [];
    throw error;
  }
  if (!role?.RoleName) return [];
  const attached: AttachedPolicy[] = [];
  for await (const page of paginateListAttachedRolePolicies({ client: ctx.clients.iam, pageSize: 100 }, { RoleName: role.RoleName })) {
    attached.push(...(page.AttachedPolicies ?? []));
  }
  return [{ role, attached }];
}

export const iamRolesCollector = defineCollector<"iamRoles", RawIamRole[]>({
  id: "iam.GetRole",
  kind: "list",
  collection: "iamRoles",
  service: "iam",
  operation: "GetRole",
  permissions: ["iam:GetRole", "iam:ListAttachedRolePolicies"],
  stage: 1,
  scope: "account",
  fetch: fetchIamRoles,
  normalize: (raw, where) => raw.map((r) => normalizeIamRole(r, where)),
});
