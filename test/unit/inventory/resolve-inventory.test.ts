// Relations are resolved once: policies read workspace.directory.ipGroups and never join by hand; missing data stays absent.
import { describe, expect, it } from "vitest";
import { resolveInventory, type EntityView } from "../../../src/inventory/resolve-inventory.js";
import { smallInventory } from "../../helpers/inventory.js";

const byId = (list: EntityView[], id: string): EntityView => list.find((e) => e.id === id)!;

describe("resolveInventory", () => {
  it("links a WorkSpace to its directory, subnet, interface (by subnet and IP), security groups and key (by alias)", () => {
    const { entities } = resolveInventory(smallInventory());
    const ws = byId(entities.workspace, "ws-1");
    expect((ws["directory"] as EntityView).id).toBe("d-1");
    expect((ws["subnet"] as EntityView).id).toBe("subnet-a");
    expect((ws["networkInterface"] as EntityView).id).toBe("eni-1");
    expect((ws["securityGroups"] as EntityView[]).map((g) => g.id)).toEqual(["sg-members", "sg-custom"]);
    expect((ws["kmsKey"] as EntityView).id).toBe("1111-2222");
  });

  it("resolves key references by ARN and bare key id too", () => {
    for (const ref of ["arn:aws:kms:us-east-1:123456789012:key/1111-2222", "1111-2222", "arn:aws:kms:us-east-1:123456789012:alias/ws"]) {
      const inv = smallInventory();
      inv.workspaces[0]!.volumeEncryptionKey = ref;
      const ws = byId(resolveInventory(inv).entities.workspace, "ws-1");
      expect((ws["kmsKey"] as EntityView | null)?.id, ref).toBe("1111-2222");
    }
  });

  it("gives a directory its IP groups, subnets, security groups and WorkSpaces", () => {
    const inv = smallInventory();
    inv.directories[0]!.ipGroupIds = ["wsipg-1"];
    const { entities } = resolveInventory(inv);
    const dir = byId(entities.directory, "d-1");
    expect((dir["ipGroups"] as EntityView[]).map((g) => g.id)).toEqual(["wsipg-1"]);
    expect((dir["subnets"] as EntityView[]).map((s) => s.id)).toEqual(["subnet-a", "subnet-b"]);
    expect((dir["workspaceSecurityGroup"] as EntityView).id).toBe("sg-members");
    expect((dir["customSecurityGroup"] as EntityView).id).toBe("sg-custom");
    expect((dir["workspaces"] as EntityView[]).map((w) => w.id)).toEqual(["ws-1", "ws-2"]);
    expect((dir["vpc"] as EntityView).id).toBe("vpc-1");
  });

  it("uses a subnet's explicit route table, else the VPC's main table", () => {
    const { entities } = resolveInventory(smallInventory());
    expect((byId(entities.subnet, "subnet-a")["routeTable"] as EntityView).id).toBe("rtb-a");
    expect((byId(entities.subnet, "subnet-b")["routeTable"] as EntityView).id).toBe("rtb-main");
  });

  it("fills reverse relations: key → WorkSpaces, IP group → directories, security group → WorkSpaces", () => {
    const { entities } = resolveInventory(smallInventory());
    expect((byId(entities.kmsKey, "1111-2222")["workspaces"] as EntityView[]).map((w) => w.id)).toEqual(["ws-1"]);
    expect((byId(entities.ipGroup, "wsipg-1")["directories"] as EntityView[]).map((d) => d.id)).toEqual(["d-1"]);
    expect((byId(entities.securityGroup, "sg-custom")["workspaces"] as EntityView[]).map((w) => w.id)).toEqual(["ws-1"]);
  });

  it("sets null for a relation that was collected and does not exist", () => {
    const { entities } = resolveInventory(smallInventory());
    const ws2 = byId(entities.workspace, "ws-2");
    expect(ws2["kmsKey"]).toBeNull();
    expect(ws2["networkInterface"]).toBeNull();
    // Without an interface the attached groups are unknown, so the relation is absent rather than empty.
    expect("securityGroups" in ws2).toBe(false);
  });

  it("leaves a relation absent when its collection was not collected in that account and region", () => {
    const inv = smallInventory();
    inv.errors.push({ service: "workspaces", operation: "DescribeIpGroups", accountId: "123456789012", region: "us-east-1", code: "AccessDeniedException", message: "denied", collections: ["ipGroups"] });
    const dir = byId(resolveInventory(inv).entities.directory, "d-1");
    expect("ipGroups" in dir).toBe(false);
    expect("subnets" in dir).toBe(true);
  });

  it("leaves a key absent when DescribeKey failed for exactly that reference", () => {
    const inv = smallInventory();
    inv.workspaces[1]!.volumeEncryptionKey = "arn:aws:kms:us-east-1:123456789012:key/denied";
    inv.errors.push({ service: "kms", operation: "DescribeKey", accountId: "123456789012", region: "us-east-1", code: "AccessDeniedException", message: "denied", collections: ["kmsKeys"], resourceIds: ["arn:aws:kms:us-east-1:123456789012:key/denied"] });
    const { entities } = resolveInventory(inv);
    expect("kmsKey" in byId(entities.workspace, "ws-2")).toBe(false);
    expect((byId(entities.workspace, "ws-1")["kmsKey"] as EntityView).id).toBe("1111-2222");
  });

  it("leaves a list relation absent when one of its ids is not in the inventory, and notes the id", () => {
    const resolved = resolveInventory(smallInventory());
    const dir = byId(resolved.entities.directory, "d-1");
    expect("ipGroups" in dir).toBe(false);
    expect(resolved.unresolved.get(dir)).toEqual({ ipGroups: ["wsipg-gone"] });
  });

  it("leaves reverse relations absent when their source collection was not collected", () => {
    const inv = smallInventory();
    inv.errors.push({ service: "workspaces", operation: "DescribeWorkspaces", accountId: "123456789012", region: "us-east-1", code: "AccessDeniedException", message: "denied", collections: ["workspaces"] });
    inv.errors.push({ service: "workspaces", operation: "DescribeWorkspaceDirectories", accountId: "123456789012", region: "us-east-1", code: "AccessDeniedException", message: "denied", collections: ["directories"] });
    const { entities } = resolveInventory(inv);
    expect("workspaces" in byId(entities.kmsKey, "1111-2222")).toBe(false);
    expect("workspaces" in byId(entities.subnet, "subnet-a")).toBe(false);
    expect("workspaces" in byId(entities.securityGroup, "sg-custom")).toBe(false);
    expect("directories" in byId(entities.ipGroup, "wsipg-1")).toBe(false);
    expect("workspace" in byId(entities.networkInterface, "eni-1")).toBe(false);
  });

  it("keeps the source inventory unmodified", () => {
    const inv = smallInventory();
    const before = JSON.stringify(inv);
    resolveInventory(inv);
    expect(JSON.stringify(inv)).toBe(before);
  });
});
