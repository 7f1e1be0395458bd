/** The benchmark's synthetic inventory is schema-valid, deterministic, fully joined by the resolver and mixed, and the TypeScript baseline decides as the engine does, so the bench measures real work. */

import { describe, expect, it } from "vitest";
import { BASELINE_RULES, runBaseline } from "../../bench/baseline-rules.js";
import { BENCH_ACCOUNTS, BENCH_COLLECTED_AT, BENCH_REGIONS, generateInventory } from "../../bench/generate-inventory.js";
import { parseInventory, validateInventoryData } from "../../src/inventory/load-inventory.js";
import { INVENTORY_SCHEMA_VERSION, type CollectionName, type Inventory, type KmsKey } from "../../src/inventory/model.js";
import { resolveInventory, type EntityView } from "../../src/inventory/resolve-inventory.js";
import { evaluatePolicies } from "../../src/policy/evaluate.js";
import { loadPolicies, resolvePackLocations } from "../../src/policy/load-policies.js";

const SCHEMA_1_1_COLLECTIONS: CollectionName[] = ["accountRegions", "natGateways", "dhcpOptions", "networkAcls", "vpcEndpoints", "bundles", "images", "trails", "alarms", "eventRules", "iamRoles"];

describe("generateInventory", () => {
  // 25 per directory spreads 200 WorkSpaces over 8 directories: every account and region is used.
  const inventory = generateInventory({ workspaces: 200, workspacesPerDirectory: 25, seed: 7 });

  it("produces a schema 1.1 document the inventory schema accepts, with every collection present", () => {
    expect(inventory.schemaVersion).toBe(INVENTORY_SCHEMA_VERSION);
    for (const name of SCHEMA_1_1_COLLECTIONS) expect(inventory[name as keyof Inventory], name).not.toHaveLength(0);
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
    expect(large.subnets.filter((s) => s.tags?.["Name"]?.startsWith("ws-private-"))).toHaveLength(20);
    expect(large.networkAcls?.filter((a) => a.isDefault)).toHaveLength(10);
    expect(large.dhcpOptions?.length).toBeGreaterThan(5);
    expect(large.workspaces).toHaveLength(5000);
    expect(new Set(inventory.directories.map((d) => d.accountId))).toEqual(new Set(BENCH_ACCOUNTS));
    expect(new Set(inventory.directories.map((d) => d.region))).toEqual(new Set(BENCH_REGIONS));
  });

  it("links every WorkSpace to its directory, bundle and image, interface and, when encrypted, its key", () => {
    const resolved = resolveInventory(inventory);
    const workspaces = resolved.entities.workspace;
    expect(workspaces).toHaveLength(200);
    for (const ws of workspaces) {
      expect((ws["directory"] as EntityView | null)?.id).toBe(ws["directoryId"]);
      const bundle = ws["bundle"] as EntityView | null;
      expect(bundle?.id).toBe(ws["bundleId"]);
      expect((bundle?.["image"] as EntityView | null)?.id).toBe(bundle?.["imageId"]);
      // A few interfaces are missing on purpose (WS-OPS-008); every other one is joined with its groups.
      const eni = ws["networkInterface"] as EntityView | null;
      if (eni === null) continue;
      expect(eni["privateIps"]).toContain(ws["ipAddress"]);
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

  it("has one account-region per account and region, joined to its trails, alarms, event rules, IAM role and directories", () => {
    const resolved = resolveInventory(inventory);
    const regions = resolved.entities.accountRegion;
    expect(regions.map((r) => r.id).sort()).toEqual(BENCH_ACCOUNTS.flatMap((a) => BENCH_REGIONS.map((r) => `${a}/${r}`)).sort());
    for (const ar of regions) {
      for (const field of ["trails", "alarms", "eventRules", "iamRoles", "directories", "workspaces", "images"]) expect((ar[field] as EntityView[]).length, `${ar.id} ${field}`).toBeGreaterThan(0);
      expect((ar["iamRoles"] as EntityView[]).map((r) => r["roleId"])).toEqual(
        inventory.directories.filter((d) => d.accountId === ar.accountId && d.region === ar.region).map((d) => d.iamRoleId).slice(0, 1),
      );
    }
  });

  it("gives Managed ADs trusts, customer keys policies, and tags to directories, WorkSpaces and IP groups", () => {
    const large = generateInventory({ workspaces: 5000, workspacesPerDirectory: 50 });
    expect(large.directories.some((d) => d.dsType === "MicrosoftAD" && (d.trusts?.length ?? 0) > 0)).toBe(true);
    expect(large.directories.filter((d) => d.dsType !== "MicrosoftAD").every((d) => d.trusts?.length === 0)).toBe(true);
    expect(large.kmsKeys.filter((k) => k.keyManager === "CUSTOMER").every((k) => (k.policy?.Statement.length ?? 0) > 0)).toBe(true);
    expect([...large.directories, ...large.workspaces, ...large.ipGroups].every((e) => e.tags !== undefined)).toBe(true);
  });

  it("includes a key pending deletion at fleet scale", () => {
    const large = generateInventory({ workspaces: 20000 });
    expect(large.kmsKeys.some((k) => k.keyState === "PendingDeletion" && k.deletionDate !== null)).toBe(true);
  });

  it("makes most automated policies both pass and fail, and the TypeScript baseline agrees with the engine on every status count of the policies it covers", () => {
    // 80 directories in 2,000 WorkSpaces give every account-region several directories and every variant.
    const resolved = resolveInventory(generateInventory({ workspaces: 2000, workspacesPerDirectory: 25 }));
    const { policies, errors } = loadPolicies(resolvePackLocations([]));
    expect(errors).toEqual([]);
    const now = new Date(BENCH_COLLECTED_AT);
    const engine = new Map<string, Record<string, number>>();
    for (const r of evaluatePolicies(policies, resolved, { now })) {
      const tally = engine.get(r.policyId) ?? {};
      tally[r.status] = (tally[r.status] ?? 0) + 1;
      engine.set(r.policyId, tally);
    }
    const automated = policies.filter((p) => p.doc.manual !== true);
    const mixed = automated.filter((p) => (engine.get(p.doc.id)?.["pass"] ?? 0) > 0 && (engine.get(p.doc.id)?.["fail"] ?? 0) > 0);
    expect(mixed.length).toBeGreaterThanOrEqual(Math.floor(automated.length * 0.75));

    // The baseline is a representative set, not a twin of every policy: every resource type a shipped policy reads is covered.
    const ids = new Set(policies.map((p) => p.doc.id));
    const rules = BASELINE_RULES.filter((r) => ids.has(r.id));
    expect(BASELINE_RULES.map((r) => r.id).filter((id) => !ids.has(id)), "twins of policies that are not shipped").toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rules.map((r) => r.resource))).toEqual(new Set(automated.map((p) => p.resourceType)));
    const params = Object.fromEntries(policies.map((p) => [p.doc.id, p.params]));
    const { counts } = runBaseline(rules, resolved, { now, params, results: false });
    for (const rule of rules) {
      const baseline = Object.fromEntries(Object.entries(counts.get(rule.id) ?? {}).filter(([, n]) => n > 0));
      expect(baseline, rule.id).toEqual(engine.get(rule.id) ?? {});
    }
  });
});
