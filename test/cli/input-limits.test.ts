// Limits on untrusted input: hostile or broken files exit 2 with one line naming the file and the place, quickly,
// never 4 (a crash), never a hang; control characters from files never reach the terminal raw.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyYaml } from "../helpers/policy-text.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-files.js";
import { smallInventory } from "../helpers/inventory.js";

function expectInputError(args: string[], pattern: RegExp, outDir?: string): string {
  const started = performance.now();
  const run = runCli(args);
  expect(run.code, run.stderr).toBe(2);
  expect(performance.now() - started).toBeLessThan(20_000);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toContain("\u001b");
  if (outDir !== undefined) expect(readdirSync(outDir)).toEqual([]);
  return run.stderr;
}

const inventoryFile = (data: unknown): string => join(tempDir({ "inv.json": JSON.stringify(data) }), "inv.json");
const goodInventory = (): string => inventoryFile(smallInventory());
const packWith = (yaml: Record<string, string>): string => join(tempDir(Object.fromEntries(Object.entries(yaml).map(([k, v]) => [`pack/${k}`, v]))), "pack");

describe("input limits", () => {
  it("a 100,000-deep JSON inventory exits 2 naming the file and the place", () => {
    const depth = 100_000;
    const text = JSON.stringify(smallInventory()).replace('"errors":[]', `"errors":[${"[".repeat(depth)}${"]".repeat(depth)}]`);
    const file = join(tempDir({ "inv.json": text }), "inv.json");
    const out = tempDir();
    expectInputError(["evaluate", file, "--out-dir", out], /^wsaudit: error: .*inv\.json: \/errors\/0(\/0)+: beyond the inventory input limits: nested deeper than the limit of 100 levels$/, out);
  });

  it("a 10 MB id exits 2 naming the file and the place", () => {
    const inv = smallInventory();
    inv.workspaces[0]!.id = "w".repeat(10 * 1024 * 1024);
    const out = tempDir();
    expectInputError(["evaluate", inventoryFile(inv), "--out-dir", out], /inv\.json: \/workspaces\/0\/id: beyond the inventory input limits: a string of 10485760 characters, longer than the limit of 65536$/, out);
  });

  it("a duplicate entity inside one file exits 2 naming both places", () => {
    const inv = smallInventory();
    inv.workspaces.push({ ...inv.workspaces[0]! });
    const last = inv.workspaces.length - 1;
    expectInputError(["evaluate", inventoryFile(inv), "--out-dir", tempDir()], new RegExp(`inv\\.json: /workspaces/${last}: duplicate entity: the same accountId, region and id as /workspaces/0$`));
  });

  it("an inventory missing collections with an empty scope exits 2 (nothing could report them as not collected)", () => {
    const inv = { ...smallInventory(), scope: { partition: "aws", accounts: [], regions: [] } } as Record<string, unknown>;
    for (const c of ["bundles", "images", "trails", "alarms", "eventRules", "iamRoles", "accountRegions", "natGateways", "dhcpOptions", "networkAcls", "vpcEndpoints"]) delete inv[c];
    expectInputError(["evaluate", inventoryFile(inv), "--out-dir", tempDir()], /inv\.json: \/scope: the scope names no account, so the 11 collection\(s\) absent from the file/);
  });

  it("a self-referencing YAML value in a params file exits 2", () => {
    const params = join(tempDir({ "params.yaml": "ACME-001: &loop\n  self: *loop\n" }), "params.yaml");
    const pack = packWith({ "p.yaml": policyYaml() });
    expectInputError(["evaluate", goodInventory(), "--pack", pack, "--params", params, "--out-dir", tempDir()], /params\.yaml: \/ACME-001\/self: YAML beyond the input limits: the value contains itself/);
  });

  it("a YAML alias bomb in a policy exits 2 quickly instead of hanging `policies show`", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => (i === 1 ? "*a" : `*l${i - 1}`)).join(", ")}]`);
    const bomb = `${policyYaml()}x-bomb:\n${levels.map((l) => `  ${l}`).join("\n")}\n`;
    expectInputError(["policies", "show", "ACME-001", "--pack", packWith({ "p.yaml": bomb })], /p\.yaml: \/x-bomb\/l\d: YAML beyond the input limits: more than 1000000 values once aliases are expanded/);
  });

  it("`__proto__` as a params key exits 2 as an unknown param", () => {
    const params = join(tempDir({ "params.json": '{"ACME-001": {"__proto__": {"polluted": true}}}' }), "params.json");
    expectInputError(["evaluate", goodInventory(), "--pack", packWith({ "p.yaml": policyYaml() }), "--params", params, "--out-dir", tempDir()], /params\.json: line \d+: unknown param "__proto__" for ACME-001/);
  });

  it("has() on a field the resource type does not have is a load-time error", () => {
    const pack = packWith({ "p.yaml": policyYaml({ assert: "'!has(resource.rootVolumeEncripted) || resource.rootVolumeEncrypted'" }) });
    expectInputError(["policies", "validate", pack], /p\.yaml: line 7: assert reads resource\.rootVolumeEncripted, which a workspace does not have; its fields: .*rootVolumeEncrypted/);
  });

  it("control characters from a file reach stderr escaped", () => {
    const accounts = join(tempDir({ "accounts.txt": "\u001b]0;owned\u0007\u001b[2J\n" }), "accounts.txt");
    const stderr = expectInputError(["collect", "--region", "us-east-1", "--role-arn", "arn:aws:iam::111122223333:role/audit", "--accounts-file", accounts], /accounts\.txt: line 1: "\\u001b\]0;owned\\u0007\\u001b\[2J" is not a 12-digit AWS account id/);
    expect(stderr).not.toContain("\u0007");
  });
});
