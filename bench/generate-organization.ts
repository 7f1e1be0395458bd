/** An organisation-shaped fleet for the benchmark: thousands of small accounts, each pair a copy of the example inventory's two accounts under new account ids, written to a file as a stream. */

import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import type { Inventory } from "../src/inventory/model.js";
import { packagePath } from "../src/package-root.js";

/** The example's account ids; every occurrence (fields, ARNs, scope, errors) is rewritten in each copy. */
const EXAMPLE_ACCOUNTS = ["123456789012", "210987654321"] as const;

export interface OrganizationFleet {
  /** WorkSpaces written (the request, in copies of the example; the last copy keeps only the WorkSpaces still needed). */
  workspaces: number;
  accounts: number;
  copies: number;
  /** Entities per collection, as `inventoryCounts` reports them. */
  counts: Record<string, number>;
  collectedAt: string;
}

/** Two new 12-digit account ids per copy, none of them the example's. */
export const organizationAccountIds = (copy: number): [string, string] => [String(100_000_000_000 + 2 * copy), String(100_000_000_001 + 2 * copy)];

export const readExampleInventory = (): Inventory => JSON.parse(readFileSync(packagePath("examples", "inventory.json"), "utf8")) as Inventory;

/**
 * Writes an organisation of `ceil(workspaces / W)` copies of the example (W = its WorkSpaces, 40 today), 2 accounts per
 * copy: 100,000 WorkSpaces are 2,500 copies and 5,000 accounts. Each copy keeps the example's resource ids under its
 * own account ids (the resolver joins within an account and Region), so each copy decides exactly as the example.
 * The file is written collection by collection, a copy at a time: no string holds the whole inventory.
 */
export function writeOrganizationInventory(file: string, options: { workspaces: number }): OrganizationFleet {
  const example = readExampleInventory();
  const perCopy = example.workspaces.length;
  const copies = Math.max(1, Math.ceil(options.workspaces / perCopy));
  const pattern = new RegExp(EXAMPLE_ACCOUNTS.join("|"), "g");
  const rename = (text: string, copy: number): string => {
    const ids = organizationAccountIds(copy);
    return text.replace(pattern, (id) => (id === EXAMPLE_ACCOUNTS[0] ? ids[0] : ids[1]));
  };
  const collections = Object.entries(example).filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]));
  const header = Object.fromEntries(Object.entries(example).filter(([, v]) => !Array.isArray(v))) as Record<string, unknown>;
  const scope = header["scope"] as Record<string, unknown>;
  header["scope"] = { ...scope, accounts: Array.from({ length: copies }, (_, c) => organizationAccountIds(c)).flat() };

  const counts: Record<string, number> = {};
  const fd = openSync(file, "w");
  try {
    const headerText = JSON.stringify(header);
    writeSync(fd, headerText.slice(0, -1));
    for (const [name, entities] of collections) {
      writeSync(fd, `,${JSON.stringify(name)}:[`);
      const texts = entities.map((e) => JSON.stringify(e));
      let written = 0;
      for (let copy = 0; copy < copies; copy++) {
        // Only WorkSpaces are trimmed in the last copy; its other entities stay whole.
        const take = name === "workspaces" ? Math.min(texts.length, options.workspaces - copy * perCopy) : texts.length;
        if (take <= 0) break;
        writeSync(fd, `${written > 0 ? "," : ""}${rename(texts.slice(0, take).join(","), copy)}`);
        written += take;
      }
      writeSync(fd, "]");
      if (name !== "errors") counts[name] = written;
    }
    writeSync(fd, "}\n");
  } finally {
    closeSync(fd);
  }
  return { workspaces: counts["workspaces"] ?? 0, accounts: 2 * copies, copies, counts, collectedAt: example.collectedAt };
}
