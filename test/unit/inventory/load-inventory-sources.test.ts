// `evaluate DIR`: a folder stands for its inventories, sorted, without manifests or temporary files; accounts a
// manifest lists but that have no file are recorded as not collected, never left out.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadInventorySources } from "../../../src/inventory/load-inventory-sources.js";
import { mergeInventories } from "../../../src/inventory/merge-inventories.js";
import { smallInventory } from "../../helpers/inventory.js";
import { tempDir } from "../../helpers/temp-files.js";

const text = (v: unknown): string => JSON.stringify(v, null, 2);

function accountFile(accountId: string): string {
  const inv = smallInventory();
  for (const list of [inv.directories, inv.workspaces, inv.ipGroups, inv.securityGroups, inv.networkInterfaces, inv.subnets, inv.vpcs, inv.routeTables, inv.kmsKeys]) {
    for (const e of list as { accountId: string }[]) e.accountId = accountId;
  }
  inv.scope.accounts = [accountId];
  return text(inv);
}

const manifest = (accounts: object[]): string =>
  text({ kind: "wsaudit-collection-manifest", version: 1, tool: { name: "wsaudit", version: "test" }, startedAt: "2026-01-01T00:00:00Z", source: "organization", shard: { index: 1, count: 2 }, regions: ["us-east-1"], totals: {}, accounts });

describe("loadInventorySources", () => {
  it("reads a folder's *.json inventories sorted, skipping manifests and hidden temporary files", () => {
    const dir = tempDir({
      "222222222222.json": accountFile("222222222222"),
      "111111111111.json": accountFile("111111111111"),
      "manifest.json": manifest([]),
      ".333333333333.json.1.abc.tmp": "{",
      "notes.txt": "not json",
    });
    const sources = loadInventorySources([dir]);
    expect(sources.map((s) => s.file)).toEqual([join(dir, "111111111111.json"), join(dir, "222222222222.json")]);
  });

  it("records a manifest's account without a file as not collected, with the manifest's failure", () => {
    const dir = tempDir({
      "111111111111.json": accountFile("111111111111"),
      "manifest-1-of-2.json": manifest([
        { accountId: "111111111111", status: "complete", file: "111111111111.json" },
        { accountId: "444444444444", status: "failed", failure: { code: "AccessDenied", message: "not authorized to perform sts:AssumeRole" } },
        { accountId: "555555555555", status: "pending" },
      ]),
    });
    const merged = mergeInventories(loadInventorySources([dir]));
    expect(merged.scope.accounts).toEqual(["111111111111", "444444444444", "555555555555"]);
    const regional = merged.errors.filter((e) => e.operation === "collect" && e.region === "us-east-1").map((e) => [e.accountId, e.code]);
    expect(regional).toEqual([["444444444444", "AccessDenied"], ["555555555555", "CollectionUnfinished"]]);
    expect(merged.errors.find((e) => e.accountId === "444444444444")!.collections).toContain("workspaces");
  });

  it("mixes folders and files in the order given", () => {
    const dir = tempDir({ "111111111111.json": accountFile("111111111111") });
    const other = tempDir({ "x.json": accountFile("222222222222") });
    expect(loadInventorySources([join(other, "x.json"), dir]).map((s) => s.inventory.scope.accounts[0])).toEqual(["222222222222", "111111111111"]);
  });

  it("rejects an empty folder and a manifest that is not one, naming the path", () => {
    const empty = tempDir({ "readme.txt": "" });
    expect(() => loadInventorySources([empty])).toThrow(`${empty}: no inventory files (*.json) in the folder`);
    const bad = tempDir({ "111111111111.json": accountFile("111111111111"), "manifest.json": "{}" });
    expect(() => loadInventorySources([bad])).toThrow(`${join(bad, "manifest.json")}: not a wsaudit collection manifest`);
  });
});
