// Merging shards: region shards of one account and account files sharing a KMS key merge their identical copies of
// global and shared entities; a copy that differs is still a bad input naming both files.
import { describe, expect, it } from "vitest";
import { mergeInventories } from "../../../src/inventory/merge-inventories.js";
import type { IamRole, Inventory } from "../../../src/inventory/model.js";
import { smallInventory } from "../../helpers/inventory.js";

const A = "123456789012";
const B = "210987654321";

const role = (): IamRole => ({
  id: "workspaces_DefaultRole",
  accountId: A,
  region: "global",
  arn: `arn:aws:iam::${A}:role/workspaces_DefaultRole`,
  roleId: "AROAEXAMPLE",
  trustPolicy: null,
  attachedPolicyArns: ["arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess"],
  permissionsBoundaryArn: null,
});

/** The small inventory moved to another region (a region shard) or account (an account file), with the shared key kept. */
function moved(to: { region?: string; accountId?: string }): Inventory {
  const inv = smallInventory();
  const region = to.region ?? "us-east-1";
  const accountId = to.accountId ?? A;
  for (const list of [inv.directories, inv.workspaces, inv.ipGroups, inv.securityGroups, inv.networkInterfaces, inv.subnets, inv.vpcs, inv.routeTables]) {
    for (const e of list as { region: string; accountId: string }[]) Object.assign(e, { region, accountId });
  }
  inv.scope = { partition: "aws", accounts: [accountId], regions: [region] };
  return inv;
}

describe("mergeInventories with shared entities", () => {
  it("merges region shards of one account: the account's IAM roles and global errors once", () => {
    const east = { ...moved({ region: "us-east-1" }), iamRoles: [role()] };
    const west = { ...moved({ region: "us-west-2" }), iamRoles: [role()] };
    const globalError = { service: "iam", operation: "GetRole", accountId: A, region: "global", code: "AccessDenied", message: "denied", collections: ["iamRoles" as const], resourceIds: ["other"] };
    east.errors = [globalError];
    west.errors = [{ ...globalError }];
    west.kmsKeys = [];
    const merged = mergeInventories([{ file: "east.json", inventory: east }, { file: "west.json", inventory: west }]);
    expect(merged.iamRoles).toEqual([role()]);
    expect(merged.errors).toEqual([globalError]);
    expect(merged.workspaces).toHaveLength(4);
    expect(merged.scope.regions).toEqual(["us-east-1", "us-west-2"]);
  });

  it("merges one KMS key seen from two account files", () => {
    const a = moved({ accountId: A });
    const b = moved({ accountId: B });
    const merged = mergeInventories([{ file: "a.json", inventory: a }, { file: "b.json", inventory: b }]);
    expect(merged.kmsKeys).toHaveLength(1);
    expect(merged.workspaces).toHaveLength(4);
    expect(merged.scope.accounts).toEqual([A, B].sort());
  });

  it("treats key order as no difference", () => {
    const a = moved({ accountId: A });
    const b = moved({ accountId: B });
    const key = b.kmsKeys[0]!;
    b.kmsKeys = [Object.fromEntries(Object.entries(key).reverse()) as typeof key];
    expect(mergeInventories([{ file: "a.json", inventory: a }, { file: "b.json", inventory: b }]).kmsKeys).toHaveLength(1);
  });

  it("rejects a shared key whose copies differ, naming both files", () => {
    const a = moved({ accountId: A });
    const b = moved({ accountId: B });
    b.kmsKeys[0]!.keyState = "PendingDeletion";
    expect(() => mergeInventories([{ file: "a.json", inventory: a }, { file: "b.json", inventory: b }])).toThrow(
      /^b\.json: \/kmsKeys\/0: 1111-2222 \(123456789012\/us-east-1\) is also in a\.json with different content/,
    );
  });

  it("rejects an IAM role whose copies differ, naming both files", () => {
    const east = { ...moved({ region: "us-east-1" }), iamRoles: [role()] };
    const west = { ...moved({ region: "us-west-2" }), iamRoles: [{ ...role(), attachedPolicyArns: [] }], kmsKeys: [] };
    expect(() => mergeInventories([{ file: "east.json", inventory: east }, { file: "west.json", inventory: west }])).toThrow(
      /^west\.json: \/iamRoles\/0: workspaces_DefaultRole \(123456789012\/global\) is also in east\.json with different content/,
    );
  });

  it("still rejects an identical regional entity given twice (the same account and region in two files)", () => {
    const a = moved({ accountId: A });
    const b = moved({ accountId: A });
    expect(() => mergeInventories([{ file: "a.json", inventory: a }, { file: "b.json", inventory: b }])).toThrow(/^b\.json: \/directories\/0: .* is also in a\.json; give each account and region once/);
  });
});
