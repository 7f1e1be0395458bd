// The `collect` command registered on a commander program: writes the inventory, maps bad flags to exit code 2.
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { registerCollect } from "../../src/cli/commands/collect.js";
import { EXIT } from "../../src/cli/exit-codes.js";
import { runCli } from "../helpers/run-cli.js";
import { startFakeAws, type FakeAws } from "./support/fake-aws.js";
import { useFakeCredentialEnv } from "./support/fake-credentials.js";

let fake: FakeAws | undefined;
beforeAll(() => useFakeCredentialEnv());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function run(args: string[]): Promise<{ code: number | undefined; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const program = new Command("wsaudit").version("9.9.9");
  registerCollect(program);
  await program.parseAsync(["node", "wsaudit", "collect", ...args]);
  return { code: process.exitCode === undefined ? undefined : Number(process.exitCode), stderr };
}

describe("wsaudit collect", () => {
  it("writes the inventory with the tool version and reports plain progress lines when stderr is not a terminal", async () => {
    fake = await startFakeAws({ workspacesByRegion: { "us-east-1": 30 } });
    const out = join(mkdtempSync(join(tmpdir(), "wsaudit-collect-")), "inv.json");
    // Not a terminal, whatever runs the suite: isTTY is a plain property on Node's stderr.
    const wasTty = process.stderr.isTTY;
    process.stderr.isTTY = false;
    onTestFinished(() => {
      process.stderr.isTTY = wasTty;
    });
    const { code, stderr } = await run(["--region", "us-east-1", "--endpoint-url", fake.url, "--rate", "100", "--burst", "100", "-o", out]);
    expect(code).toBe(EXIT.ok);
    const inv = JSON.parse(readFileSync(out, "utf8"));
    expect(inv.workspaces).toHaveLength(30);
    expect(inv.tool).toEqual({ name: "wsaudit", version: "9.9.9" });
    expect(stderr).toContain("collect: done 123456789012 us-east-1 (1/1)");
    expect(stderr).not.toContain("\r");
  });

  it("exits 2 with one line naming the flag when a region is not usable with --fips", () => {
    const { code, stderr } = runCli(["collect", "--region", "eu-west-1", "--fips"]);
    expect(code).toBe(EXIT.input);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^wsaudit: error: --fips: no FIPS WorkSpaces endpoint in eu-west-1/);
  });

  it("exits 2 on a malformed flag value before any AWS call", () => {
    const { code, stderr } = runCli(["collect", "--region", "us-east-1", "--rate", "fast"]);
    expect(code).toBe(EXIT.input);
    expect(stderr).toMatch(/--rate must be a positive number/);
  });

  it("exits 4 when no account can be identified (no credentials reach a dead endpoint)", () => {
    const { code, stderr } = runCli(["collect", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9", "-o", join(mkdtempSync(join(tmpdir(), "wsaudit-collect-")), "inv.json")], {
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_MAX_ATTEMPTS: "1",
    });
    expect(code).toBe(EXIT.operational);
    expect(stderr.trim().split("\n").at(-1)).toMatch(/^wsaudit: error: /);
  });
});
