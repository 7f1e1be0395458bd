// The organisation-shaped fleet is many copies of the example's two accounts under new ids: valid, streamed, and each copy decides exactly as the example does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { organizationAccountIds, readExampleInventory, writeOrganizationInventory } from "../../bench/generate-organization.js";
import { loadInventoryFile } from "../../src/inventory/load-inventory.js";
import { resolveInventory } from "../../src/inventory/resolve-inventory.js";
import { evaluatePolicies } from "../../src/policy/evaluate.js";
import { loadPolicies, resolvePackLocations } from "../../src/policy/load-policies.js";
import { tempDir } from "../helpers/temp-files.js";

const statusCounts = (file: string, now: Date): Map<string, Record<string, number>> => {
  const { policies } = loadPolicies(resolvePackLocations([]));
  const counts = new Map<string, Record<string, number>>();
  for (const r of evaluatePolicies(policies, resolveInventory(loadInventoryFile(file)), { now })) {
    const tally = counts.get(r.policyId) ?? {};
    tally[r.status] = (tally[r.status] ?? 0) + 1;
    counts.set(r.policyId, tally);
  }
  return counts;
};

describe("writeOrganizationInventory", () => {
  const example = readExampleInventory();
  const perCopy = example.workspaces.length;

  it("writes copies of the example's accounts under new, distinct account ids, valid against the schema", () => {
    const file = join(tempDir(), "org.json");
    const fleet = writeOrganizationInventory(file, { workspaces: 3 * perCopy });
    expect(fleet).toMatchObject({ copies: 3, accounts: 6, workspaces: 3 * perCopy });
    const inventory = loadInventoryFile(file);
    const accounts = [0, 1, 2].flatMap((c) => organizationAccountIds(c));
    expect(new Set(accounts).size).toBe(6);
    expect(inventory.scope?.accounts).toEqual(accounts);
    expect(new Set(inventory.workspaces.map((w) => w.accountId))).toEqual(new Set(accounts));
    // No trace of the example's own account ids remains, in fields or in ARNs.
    expect(readFileSync(file, "utf8")).not.toMatch(/123456789012|210987654321/);
    expect(inventory.directories).toHaveLength(3 * example.directories.length);
    expect(inventory.errors).toHaveLength(3 * example.errors.length);
    expect(fleet.counts["networkInterfaces"]).toBe(3 * example.networkInterfaces.length);
  });

  it("trims only the WorkSpaces of the last copy to reach the requested size", () => {
    const fleet = writeOrganizationInventory(join(tempDir(), "org.json"), { workspaces: perCopy + 5 });
    expect(fleet).toMatchObject({ copies: 2, accounts: 4, workspaces: perCopy + 5 });
    expect(fleet.counts["directories"]).toBe(2 * example.directories.length);
  });

  it("each copy decides as the example: k copies give k times the example's status counts for every policy", () => {
    const dir = tempDir();
    const now = new Date(example.collectedAt);
    writeOrganizationInventory(join(dir, "one.json"), { workspaces: perCopy });
    writeOrganizationInventory(join(dir, "three.json"), { workspaces: 3 * perCopy });
    const one = statusCounts(join(dir, "one.json"), now);
    const three = statusCounts(join(dir, "three.json"), now);
    expect(one.size).toBeGreaterThan(50);
    const tripled = new Map([...one].map(([id, c]) => [id, Object.fromEntries(Object.entries(c).map(([s, n]) => [s, 3 * n]))]));
    expect(Object.fromEntries(three)).toEqual(Object.fromEntries(tripled));
  });
});
