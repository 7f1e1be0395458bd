/** The IAM actions organization discovery needs in the account that runs the scan (iam/wsaudit-organization-policy.json); member accounts need only the read-only policy. */

export const ORGANIZATION_PERMISSIONS: readonly string[] = [
  "organizations:ListAccounts",
  "organizations:ListAccountsForParent",
  "organizations:ListOrganizationalUnitsForParent",
  "sts:AssumeRole",
];
