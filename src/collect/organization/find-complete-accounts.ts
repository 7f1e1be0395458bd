/** `--resume`: the accounts whose inventory in the output folder is complete (a manifest says so, the file parses, passes the schema and covers the account and regions). */

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isCollectionManifest, MANIFEST_FILE } from "../../inventory/collection-manifest.js";
import { parseInventory } from "../../inventory/load-inventory.js";

/** Account ids some manifest in `dir` records as complete, with the file it names. */
async function completeInManifests(dir: string): Promise<Map<string, string>> {
  const complete = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return complete;
  }
  for (const name of names.filter((n) => MANIFEST_FILE.test(n)).sort()) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(join(dir, name), "utf8"));
    } catch {
      continue; // an unreadable manifest proves nothing: its accounts are collected again
    }
    if (!isCollectionManifest(data)) continue;
    for (const a of data.accounts) if (a.status === "complete" && a.file !== undefined) complete.set(a.accountId, a.file);
  }
  return complete;
}

/** True when the account's file is a valid inventory of exactly that account and holds every wanted region. */
async function fileIsComplete(path: string, accountId: string, regions: readonly string[]): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return false;
  }
  try {
    const inventory = parseInventory(text, path);
    const { accounts, regions: have } = inventory.scope;
    return accounts.length === 1 && accounts[0] === accountId && regions.every((r) => have.includes(r));
  } catch {
    return false; // torn, hand-edited or of another schema: collect it again
  }
}

/** The wanted accounts that need no new collection; each file is read one at a time, so memory stays at one inventory. */
export async function findCompleteAccounts(dir: string, accountIds: readonly string[], regions: readonly string[], fileOf: (accountId: string) => string): Promise<Set<string>> {
  const inManifest = await completeInManifests(dir);
  const done = new Set<string>();
  for (const accountId of accountIds) {
    const file = fileOf(accountId);
    if (inManifest.get(accountId) !== file) continue;
    if (await fileIsComplete(join(dir, file), accountId, regions)) done.add(accountId);
  }
  return done;
}
