// Atomic inventory writes: a process killed mid-write, or a failed rename, never leaves a partial file at the target.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { writeFileAtomic, writeInventoryAtomic } from "../../src/collect/index.js";
import type { Inventory } from "../../src/inventory/model.js";

const OLD = '{"old": true}\n';

function inventory(): Inventory {
  return {
    schemaVersion: "1.0",
    collectedAt: "2026-01-01T00:00:00.000Z",
    tool: { name: "wsaudit", version: "test" },
    scope: { partition: "aws", accounts: ["123456789012"], regions: ["us-east-1"] },
    errors: [],
    directories: [],
    workspaces: [],
    ipGroups: [],
    securityGroups: [],
    networkInterfaces: [],
    subnets: [],
    vpcs: [],
    routeTables: [],
    kmsKeys: [],
  };
}

describe("writeInventoryAtomic", () => {
  it("writes the inventory as JSON and leaves no temp file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wsaudit-atomic-"));
    const target = join(dir, "nested", "inventory.json");
    await writeInventoryAtomic(target, inventory());
    expect(JSON.parse(readFileSync(target, "utf8"))).toEqual(inventory());
    expect(readdirSync(join(dir, "nested"))).toEqual(["inventory.json"]);
  });

  it("keeps the old file and removes its temp file when the rename fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wsaudit-atomic-"));
    const target = join(dir, "inventory.json");
    mkdirSync(target); // a directory in the way makes rename fail after the data was written
    await expect(writeFileAtomic(target, "x".repeat(1000))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["inventory.json"]);
  });

  it("leaves the previous inventory intact when the writing process is killed mid-write", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wsaudit-atomic-"));
    const target = join(dir, "inventory.json");
    writeFileSync(target, OLD);
    // A child node process writes ~100 MB through the real writer (transpiled from its source: it imports only node
    // built-ins), and the parent kills it with SIGKILL as soon as the temp file appears.
    const work = mkdtempSync(join(tmpdir(), "wsaudit-writer-"));
    const source = readFileSync(new URL("../../src/collect/write-inventory-atomic.ts", import.meta.url), "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(work, "writer.mjs"), js);
    writeFileSync(
      join(work, "child.mjs"),
      [
        'import { writeInventoryAtomic } from "./writer.mjs";',
        `const base = ${JSON.stringify(inventory())};`,
        'base.workspaces = Array.from({ length: 400000 }, (_, i) => ({ id: "ws-" + i, accountId: "123456789012", region: "us-east-1", directoryId: "d-1234567890", userName: "user-" + i, state: "AVAILABLE", rootVolumeEncrypted: true, userVolumeEncrypted: true }));',
        "await writeInventoryAtomic(process.argv[2], base);",
      ].join("\n"),
    );
    const child = spawn(process.execPath, [join(work, "child.mjs"), target], { stdio: "ignore" });
    let sawTemp = false;
    for (let i = 0; i < 6000 && child.exitCode === null; i++) {
      if (readdirSync(dir).some((f) => f.endsWith(".tmp"))) {
        sawTemp = true;
        child.kill("SIGKILL");
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once("exit", r)));
    expect(sawTemp).toBe(true);
    expect(child.signalCode).toBe("SIGKILL");
    // The target is the old file, whole: never a prefix of the new one.
    expect(readFileSync(target, "utf8")).toBe(OLD);
  });
});
