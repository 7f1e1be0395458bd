// End-to-end: `wsaudit scan --endpoint-url` against moto's server (started here; the suite fails if it cannot start)
// writes the inventory beside the reports, and the findings match what was seeded. moto 5.2.1 lacks DescribeIpGroups and
// DescribeWorkspacesConnectionStatus: a clearly labelled STUB proxy answers exactly those and forwards the rest to moto.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanReport } from "../../src/findings/types.js";
import { parseInventory } from "../../src/inventory/load-inventory.js";
import type { Inventory } from "../../src/inventory/model.js";
import { startMoto, type MotoServer } from "../collect/support/moto-server.js";
import { startStubProxy, type StubProxy } from "../collect/support/moto-stub-proxy.js";
import { seedMotoAccount, type SeededAccount } from "../collect/support/seed-moto-account.js";
import { runCliAsync, type CliRun } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-files.js";

let moto: MotoServer;
let proxy: StubProxy;
let seeded: SeededAccount;
let run: CliRun;
const out = tempDir();

beforeAll(async () => {
  process.env["AWS_ACCESS_KEY_ID"] = "testing";
  process.env["AWS_SECRET_ACCESS_KEY"] = "testing";
  moto = await startMoto();
  await moto.reset();
  seeded = await seedMotoAccount(moto.url);
  proxy = await startStubProxy(moto.url, {
    // STUB: moto has no IP access control groups.
    DescribeIpGroups: () => ({ Result: [] }),
    // STUB: moto has no connection status.
    DescribeWorkspacesConnectionStatus: () => ({ WorkspacesConnectionStatus: [] }),
  });
  run = await runCliAsync(
    ["scan", "--endpoint-url", proxy.url, "--region", "us-east-1", "--rate", "50", "--burst", "50", "--out-dir", out, "--format", "json,sarif,html", "--now", "2026-01-01T00:00:00Z", "--include-passed"],
    { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "us-east-1" },
  );
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe("wsaudit scan against moto", () => {
  it("writes a schema-valid inventory beside the reports", () => {
    expect(run.stderr).toMatch(/collect: wrote /);
    for (const f of ["inventory.json", "wsaudit.json", "wsaudit.sarif", "wsaudit.html"]) expect(existsSync(join(out, f)), f).toBe(true);
    const inventory: Inventory = parseInventory(readFileSync(join(out, "inventory.json"), "utf8"), "inventory.json");
    expect(inventory.workspaces.map((w) => w.id).sort()).toEqual(Object.values(seeded.workspaces).sort());
  });

  it("exits 1: the seeded account has failing findings", () => {
    expect(run.code).toBe(1);
  });

  it("finds what was seeded: the unencrypted WorkSpace fails, the encrypted ones pass, the pending-deletion key fails", () => {
    const report = JSON.parse(readFileSync(join(out, "wsaudit.json"), "utf8")) as ScanReport;
    const status = (policyId: string, resourceId: string): string | undefined => report.results.find((r) => r.policyId === policyId && r.resourceId === resourceId)?.status;
    expect(status("WS-ENC-001", seeded.workspaces.unencrypted)).toBe("fail");
    expect(status("WS-ENC-001", seeded.workspaces.encryptedWithAlias)).toBe("pass");
    expect(status("WS-ENC-006", seeded.workspaces.encryptedWithAlias)).toBe("pass");
    expect(status("WS-ENC-006", seeded.workspaces.encryptedWithPendingKeyArn)).toBe("fail");
    expect(report.inventory.sources).toEqual([join(out, "inventory.json")]);
  });
});
