// Loading an inventory validates it; each bad file gives one line naming the file and the JSON pointer or line.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInventoryFile, parseInventory } from "../../../src/inventory/load-inventory.js";
import { mergeInventories } from "../../../src/inventory/merge-inventories.js";
import { smallInventory } from "../../helpers/inventory.js";
import { tempDir } from "../../helpers/temp-files.js";

const text = (value: unknown): string => JSON.stringify(value, null, 2);

describe("parseInventory", () => {
  it("accepts the bundled example inventory", () => {
    const inv = loadInventoryFile("examples/inventory.json");
    expect(inv.workspaces.length).toBeGreaterThanOrEqual(30);
    expect(inv.scope.regions).toEqual(expect.arrayContaining(["us-east-1", "us-west-2"]));
  });

  it("reports malformed JSON with line and column", () => {
    expect(() => parseInventory('{\n  "schemaVersion": "1.0",\n  oops\n}', "bad.json")).toThrow(/^bad\.json: line 3 column 3: malformed JSON/);
  });

  it("reports a schema violation with its JSON pointer", () => {
    const inv = smallInventory() as unknown as { workspaces: Record<string, unknown>[] };
    inv.workspaces[1]!["rootVolumeEncrypted"] = "yes";
    expect(() => parseInventory(text(inv), "inv.json")).toThrow("inv.json: /workspaces/1/rootVolumeEncrypted: does not match the inventory schema: must be boolean");
  });

  it("names a missing required field", () => {
    const inv = smallInventory() as unknown as { directories: Record<string, unknown>[] };
    delete inv.directories[0]!["wsState"];
    expect(() => parseInventory(text(inv), "inv.json")).toThrow('inv.json: /directories/0: does not match the inventory schema: missing required property "wsState"');
  });

  it("rejects an unknown collection (resource type)", () => {
    expect(() => parseInventory(text({ ...smallInventory(), desktops: [] }), "inv.json")).toThrow(/inv\.json: \/: .*unknown property "desktops" \(not a collection/);
  });

  it("rejects a secret-looking unknown field inside an entity", () => {
    const inv = smallInventory() as unknown as { directories: Record<string, unknown>[] };
    inv.directories[0]!["registrationCode"] = "SLiad+ABCDE";
    expect(() => parseInventory(text(inv), "inv.json")).toThrow(/\/directories\/0: .*unknown property "registrationCode"/);
  });

  it("rejects an unsupported schema version", () => {
    expect(() => parseInventory(text({ ...smallInventory(), schemaVersion: "2.0" }), "inv.json")).toThrow('inv.json: /schemaVersion: unsupported inventory schemaVersion "2.0"');
  });

  it("names a file that cannot be read", () => {
    expect(() => loadInventoryFile("does/not/exist.json")).toThrow("does/not/exist.json: cannot read inventory: ENOENT");
  });
});

describe("mergeInventories", () => {
  it("evaluates several files as one: union of scope, errors and entities", () => {
    const east = smallInventory();
    const west = smallInventory();
    for (const list of [west.directories, west.workspaces, west.ipGroups, west.securityGroups, west.networkInterfaces, west.subnets, west.vpcs, west.routeTables, west.kmsKeys]) {
      for (const e of list as { region: string }[]) e.region = "us-west-2";
    }
    west.scope.regions = ["us-west-2"];
    west.collectedAt = "2025-12-31T00:00:00Z";
    const merged = mergeInventories([{ file: "east.json", inventory: east }, { file: "west.json", inventory: west }]);
    expect(merged.scope.regions).toEqual(["us-east-1", "us-west-2"]);
    expect(merged.workspaces).toHaveLength(4);
    expect(merged.collectedAt).toBe("2025-12-31T00:00:00Z");
  });

  it("records a schema 1.1 collection missing from one file as not collected for that file's scope", () => {
    const east = { ...smallInventory(), accountRegions: [{ id: "123456789012/us-east-1", accountId: "123456789012", region: "us-east-1" }], iamRoles: [] };
    const west = smallInventory();
    for (const list of [west.directories, west.workspaces, west.ipGroups, west.securityGroups, west.networkInterfaces, west.subnets, west.vpcs, west.routeTables, west.kmsKeys]) {
      for (const e of list as { region: string }[]) e.region = "us-west-2";
    }
    west.scope = { partition: "aws", accounts: ["123456789012"], regions: ["us-west-2"] };
    const merged = mergeInventories([{ file: "east.json", inventory: east }, { file: "west.json", inventory: west }]);
    expect(merged.errors.map((e) => [e.collections[0], e.region, e.code])).toEqual([
      ["accountRegions", "us-west-2", "NotInInventory"],
      ["iamRoles", "global", "NotInInventory"],
    ]);
    expect(merged.accountRegions).toHaveLength(1);
  });

  it("rejects the same entity in two files", () => {
    const dir = tempDir();
    expect(() => mergeInventories([{ file: join(dir, "a.json"), inventory: smallInventory() }, { file: join(dir, "b.json"), inventory: smallInventory() }])).toThrow(
      /b\.json: \/directories\/0: d-1 \(123456789012\/us-east-1\) is also in .*a\.json/,
    );
  });
});
