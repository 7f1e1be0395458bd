/** The benchmark's synthetic inventory is schema-valid, deterministic, and fully joined by the resolver, so the bench measures real work. */

import { describe, expect, it } from "vitest";
import { BENCH_ACCOUNTS, BENCH_REGIONS, generateInventory } from "../../bench/generate-inventory.js";
import { parseInventory, validateInventoryData } from "../../src/inventory/load-inventory.js";
import type { KmsKey } from "../../src/inventory/model.js";
import { resolveInventory, type EntityView } from "../../src/inventory/resolve-inventory.js";

describe("generateInventory", () => {
  // 25 per directory spreads 200 WorkSpaces over 8 directories: every account and region is used.
  const inventory = generateInventory({ workspaces: 200, workspacesPerDirectory: 25, seed: 7 });

  it("produces a document the inventory schema accepts", () => {
    expect(validateInventoryData(inventory)).toBeNull();
    expect(() => parseInventory(JSON.stringify(inventory), "generated.json")).not.toThrow();
  });

  it("is deterministic for a seed and varies with it", () => {
    expect(JSON.stringify(generateInventory({ workspaces: 200, workspacesPerDirectory: 25, seed: 7 }))).toBe(JSON.stringify(inventory));
    expect(JSON.stringify(generateInventory({ workspaces: 200, workspacesPerDirectory: 25, seed: 8 }))).not.toBe(JSON.stringify(inventory));
  });

  it("scales directories and keys with the fleet, across both accounts and four regions", () => {
    const large = generateInventory({ workspaces: 5000 });
    expect(large.directories).toHaveLength(10);
    expect(large.kmsKeys.filter((k) => k.keyManager === "CUSTOMER")).toHaveLength(13);
    expect(large.subnets).toHaveLength(20);
    expect(large.workspaces).toHaveLength(5000);
    expect(new Set(inventory.directories.map((d) => d.accountId))).toEqual(new Set(BENCH_ACCOUNTS));
    expect(new Set(inventory.directories.map((d) => d.region))).toEqual(new Set(BENCH_REGIONS));
  });

  it("links every WorkSpace to its directory, interface and, when encrypted, its key", () => {
    const resolved = resolveInventory(inventory);
    const workspaces = resolved.entities.workspace;
    expect(workspaces).toHaveLength(200);
    for (const ws of workspaces) {
      expect((ws["directory"] as EntityView | null)?.id).toBe(ws["directoryId"]);
      const eni = ws["networkInterface"] as EntityView | null;
      expect(eni?.["privateIps"]).toContain(ws["ipAddress"]);
      expect((ws["securityGroups"] as EntityView[]).length).toBeGreaterThanOrEqual(2);
      const ref = ws["volumeEncryptionKey"] as string | null;
      const key = ws["kmsKey"] as KmsKey | null;
      if (ref === null) expect(key).toBeNull();
      else expect([key?.arn, key?.id, ...(key?.aliases ?? [])].some((v) => v !== undefined && ref.endsWith(v))).toBe(true);
    }
  });

  it("mixes compliant and non-compliant settings", () => {
    const keys = inventory.kmsKeys;
    const refs = inventory.workspaces.map((w) => w.volumeEncryptionKey ?? "");
    expect(inventory.workspaces.some((w) => !w.userVolumeEncrypted)).toBe(true);
    expect(inventory.workspaces.some((w) => w.userVolumeEncrypted)).toBe(true);
    expect(keys.some((k) => k.keyManager === "AWS")).toBe(true);
    expect(refs.some((r) => r.startsWith("arn:aws:kms:") && r.includes(":key/"))).toBe(true);
    expect(refs.some((r) => r.startsWith("alias/"))).toBe(true);
    expect(refs.some((r) => /^[0-9a-f-]{36}$/.test(r))).toBe(true);
    const worldOpen = inventory.securityGroups.some((g) => g.ingress.some((r) => r.ipv4.includes("0.0.0.0/0") || r.ipv6.includes("::/0")));
    expect(worldOpen).toBe(true);
    expect(new Set(inventory.directories.map((d) => d.access?.web)).size).toBe(2);
  });

  it("includes a key pending deletion at fleet scale", () => {
    const large = generateInventory({ workspaces: 20000 });
    expect(large.kmsKeys.some((k) => k.keyState === "PendingDeletion" && k.deletionDate !== null)).toBe(true);
  });
});
