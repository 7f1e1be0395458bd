/** Expands the inventory arguments of `evaluate`: files as given, folders as their `*.json` inventories (sorted), with the collection manifests in them turned into "not collected" records for accounts that have no file. */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../input-error.js";
import { isCollectionManifest, MANIFEST_FILE, type CollectionManifest } from "./collection-manifest.js";
import { COLLECTION_NAMES, emptyInventory } from "./empty-inventory.js";
import { loadInventoryFile } from "./load-inventory.js";
import type { SourcedInventory } from "./merge-inventories.js";

function readManifest(path: string): CollectionManifest {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError(path, "", `cannot read the collection manifest: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message.split("\n")[0] ?? "error"}`);
  }
  if (!isCollectionManifest(data)) throw new InputError(path, "", "not a wsaudit collection manifest (kind, regions and accounts expected)");
  return data;
}

/**
 * An inventory holding only errors for the manifest's accounts that have no inventory file (collection never finished,
 * or its file is missing): every collection is recorded as not collected, so evaluation reports them as `error`.
 */
function missingAccounts(path: string, manifests: CollectionManifest[], present: Set<string>): SourcedInventory | undefined {
  const missing = new Map<string, { regions: string[]; code: string; message: string }>();
  for (const m of manifests) {
    for (const a of m.accounts) {
      if (present.has(a.accountId) || missing.has(a.accountId)) continue;
      const code = a.failure?.code ?? (a.status === "pending" ? "CollectionUnfinished" : "NoInventoryFile");
      const message = a.failure?.message ?? `the collection manifest lists account ${a.accountId} as ${a.status}, but the folder has no ${a.accountId}.json`;
      missing.set(a.accountId, { regions: m.regions, code, message });
    }
  }
  if (missing.size === 0) return undefined;
  const first = manifests[0] as CollectionManifest;
  const accounts = [...missing.keys()].sort();
  const regions = [...new Set([...missing.values()].flatMap((m) => m.regions))].sort();
  const inventory = emptyInventory({ collectedAt: first.startedAt, tool: first.tool, scope: { partition: "aws", accounts, regions } });
  const regional = COLLECTION_NAMES.filter((c) => c !== "iamRoles");
  for (const accountId of accounts) {
    const { regions: accountRegions, code, message } = missing.get(accountId) as { regions: string[]; code: string; message: string };
    for (const region of accountRegions) inventory.errors.push({ service: "wsaudit", operation: "collect", accountId, region, code, message, collections: [...regional] });
    inventory.errors.push({ service: "wsaudit", operation: "collect", accountId, region: "global", code, message, collections: ["iamRoles"] });
  }
  return { file: path, inventory };
}

function loadFolder(dir: string): SourcedInventory[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new InputError(dir, "", `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  // Hidden files are the atomic writer's temporary files (".<name>.<pid>.<random>.tmp"), never inventories.
  const json = names.filter((n) => n.endsWith(".json") && !n.startsWith("."));
  const manifests = json.filter((n) => MANIFEST_FILE.test(n)).map((n) => readManifest(join(dir, n)));
  const sources = json.filter((n) => !MANIFEST_FILE.test(n)).map((n) => ({ file: join(dir, n), inventory: loadInventoryFile(join(dir, n)) }));
  if (sources.length === 0 && manifests.length === 0) throw new InputError(dir, "", "no inventory files (*.json) in the folder");
  const present = new Set(sources.flatMap((s) => s.inventory.scope.accounts));
  const placeholder = manifests.length > 0 ? missingAccounts(join(dir, json.find((n) => MANIFEST_FILE.test(n)) ?? "manifest.json"), manifests, present) : undefined;
  if (placeholder) placeholder.inventory.scope.partition = sources[0]?.inventory.scope.partition ?? "aws";
  return placeholder ? [...sources, placeholder] : sources;
}

/** Every inventory named by the arguments, in order; a folder contributes its inventories sorted by file name. */
export function loadInventorySources(paths: readonly string[]): SourcedInventory[] {
  return paths.flatMap((path) => {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      isDir = false; // a missing path is reported by the file loader, with the file's name
    }
    return isDir ? loadFolder(path) : [{ file: path, inventory: loadInventoryFile(path) }];
  });
}
