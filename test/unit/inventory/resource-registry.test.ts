// The resource-type registry is the one list of collections: the model's type, the JSON Schema, the collector and the docs agree with it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_COLLECTIONS } from "../../../src/collect/index.js";
import { COLLECTION_NAMES, emptyInventory } from "../../../src/inventory/empty-inventory.js";
import type { CollectionName } from "../../../src/inventory/model.js";
import { resolveInventory } from "../../../src/inventory/resolve-inventory.js";
import { RESOURCE_TYPE_IDS, type RESOURCE_TYPES, type ResourceType } from "../../../src/inventory/resource-types.js";

// Compile-time: CollectionName (model.ts) and the registry's collections are the same set.
type RegistryCollection = (typeof RESOURCE_TYPES)[ResourceType]["collection"];
const typeMatchesRegistry: [Exclude<CollectionName, RegistryCollection>, Exclude<RegistryCollection, CollectionName>] extends [never, never] ? true : false = true;

const schema = JSON.parse(readFileSync(new URL("../../../schemas/inventory.schema.json", import.meta.url), "utf8")) as {
  properties: Record<string, { type?: string }>;
  required?: string[];
};
const ENVELOPE = ["schemaVersion", "collectedAt", "tool", "scope", "errors"];
const sorted = (list: readonly string[]): string[] => [...list].sort();

describe("resource-type registry", () => {
  it("gives each resource type its own collection", () => {
    expect(typeMatchesRegistry).toBe(true);
    expect(new Set(COLLECTION_NAMES).size).toBe(RESOURCE_TYPE_IDS.length);
  });

  it("matches the collections of schemas/inventory.schema.json (checked here, the schema is written by hand)", () => {
    const collections = Object.keys(schema.properties).filter((k) => !ENVELOPE.includes(k));
    expect(sorted(collections)).toEqual(sorted(COLLECTION_NAMES));
    for (const c of collections) expect(schema.properties[c]?.type, c).toBe("array");
  });

  it("is what the collector fills", () => {
    expect(sorted(ALL_COLLECTIONS)).toEqual(sorted(COLLECTION_NAMES));
  });

  it("is what the empty inventory holds and what the resolver exposes, per resource type", () => {
    const empty = emptyInventory({ collectedAt: "2026-01-01T00:00:00Z", tool: { name: "wsaudit", version: "0" }, scope: { partition: "aws", accounts: [], regions: [] } });
    for (const c of COLLECTION_NAMES) expect(empty[c], c).toEqual([]);
    expect(sorted(Object.keys(resolveInventory(empty).entities))).toEqual(sorted(RESOURCE_TYPE_IDS));
  });

  it("is documented: docs/inventory.md names every collection", () => {
    const docs = readFileSync(new URL("../../../docs/inventory.md", import.meta.url), "utf8");
    expect(COLLECTION_NAMES.filter((c) => !docs.includes(`\`${c}\``))).toEqual([]);
  });
});
