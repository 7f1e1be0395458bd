// Fault injection: `wsaudit collect` through a proxy (support/fault-proxy.ts) in front of the fake endpoint that answers
// 500/503, throttles, resets, hangs, and returns malformed or wrong-shaped bodies and repeated page tokens. Each case
// checks the invariants that matter: no `pass` for data that was not collected, no silently incomplete inventory
// (whatever differs from a clean run is named in errors[]), no secret leaked, and an end within the configured timeouts.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Command } from "commander";
import { registerCollect } from "../../src/cli/commands/collect.js";
import { EXIT } from "../../src/cli/exit-codes.js";
import { InputError } from "../../src/input-error.js";
import type { Result } from "../../src/findings/types.js";
import { loadInventoryFile } from "../../src/inventory/load-inventory.js";
import type { CollectionName, Inventory } from "../../src/inventory/model.js";
import { resolveInventory } from "../../src/inventory/resolve-inventory.js";
import { RESOURCE_TYPES } from "../../src/inventory/resource-types.js";
import { loadPolicySet } from "../../src/pipeline/run-evaluation.js";
import { evaluatePolicies } from "../../src/policy/evaluate.js";
import { FAKE_RADIUS_SECRET, startFakeAws, type FakeAws } from "./support/fake-aws.js";
import { useFakeCredentialEnv } from "./support/fake-credentials.js";
import { startFaultProxy, type FaultRule } from "./support/fault-proxy.js";
import { runCliAsync } from "../helpers/run-cli.js";

const REGION = "us-east-1";
/** Three DescribeWorkspaces pages (25, 25, 13): "page 2" is the call asked with NextToken "25". */
const WORKSPACES = 63;
const page2 = (call: { input: Record<string, unknown> }): boolean => call.input["NextToken"] === "25";
const now = new Date("2026-01-01T00:00:00Z");

let fake: FakeAws;
const policies = loadPolicySet([]);
const dir = mkdtempSync(join(tmpdir(), "wsaudit-faults-"));
let clean: { inventory: Inventory; results: Result[] };

interface Run {
  code: number;
  stderr: string;
  seconds: number;
  file: string;
}

/** Runs `wsaudit collect` in-process through a fault proxy with short timeouts; returns the exit code, stderr and time taken. */
async function collectThrough(name: string, rules: FaultRule[], extra: string[] = []): Promise<Run> {
  const proxy = await startFaultProxy(fake.url, rules);
  const file = join(dir, `${name.replace(/\W+/g, "-")}.json`);
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const started = performance.now();
  try {
    const flags = ["--region", REGION, "--endpoint-url", proxy.url, "--rate", "1000", "--burst", "1000", "--connect-timeout", "1", "--request-timeout", "0.4", "--max-attempts", "2"];
    // In-process, as main() runs it: a thrown error maps to exit 2 (bad input) or 4 (operational), as in src/cli/main.ts.
    const program = new Command("wsaudit").version("9.9.9");
    registerCollect(program);
    let code: number;
    try {
      await program.parseAsync(["node", "wsaudit", "collect", ...flags, ...extra, "-o", file]);
      code = typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
    } catch (error) {
      code = error instanceof InputError ? EXIT.input : EXIT.operational;
      stderr += `wsaudit: error: ${(error as Error).message}\n`;
    }
    return { code, stderr, seconds: (performance.now() - started) / 1000, file };
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
    await proxy.close();
  }
}

const keyOf = (r: Result): string => `${r.policyId}|${r.resourceId}`;

function evaluate(inventory: Inventory): Result[] {
  return evaluatePolicies(policies, resolveInventory(inventory), { now });
}

/** The collections whose entities differ from the clean run (ignoring order). */
function differingCollections(inventory: Inventory): CollectionName[] {
  const out: CollectionName[] = [];
  for (const [c, value] of Object.entries(clean.inventory)) {
    if (!Array.isArray(value) || c === "errors") continue;
    const mine = (inventory as unknown as Record<string, unknown>)[c];
    if (JSON.stringify(mine) !== JSON.stringify(value)) out.push(c as CollectionName);
  }
  return out;
}

/** The invariants every faulted run must keep, whatever the fault. */
function expectTrustworthy(run: Run): Inventory | undefined {
  // Bounded: the slowest case (hangs, 2 attempts of 0.4 s, backoff) stays far below this.
  expect(run.seconds).toBeLessThan(15);
  expect(run.stderr).not.toContain(FAKE_RADIUS_SECRET.slice(0, 8));
  expect(run.stderr).not.toContain("\u001b");
  expect([0, 4]).toContain(run.code);
  if (run.code !== 0) {
    expect(existsSync(run.file)).toBe(false);
    return undefined;
  }
  const text = readFileSync(run.file, "utf8");
  expect(text).not.toContain(FAKE_RADIUS_SECRET.slice(0, 8));
  const inventory = loadInventoryFile(run.file);
  // Whatever differs from a clean collection is named in errors[].
  const recorded = new Set(inventory.errors.flatMap((e) => e.collections));
  for (const c of differingCollections(inventory)) expect(recorded, `${c} differs from a clean run without an error naming it`).toContain(c);
  // No pass for data that was not collected, and no clean-run failure vanishes silently.
  const results = evaluate(inventory);
  const byKey = new Map(results.map((r) => [keyOf(r), r]));
  for (const r of clean.results) {
    if (r.status !== "fail") continue;
    const now = byKey.get(keyOf(r));
    if (now !== undefined) {
      expect(["fail", "error"], `${keyOf(r)} failed in a clean run`).toContain(now.status);
    } else {
      const collection = RESOURCE_TYPES[r.resourceType as keyof typeof RESOURCE_TYPES].collection;
      expect(byKey.get(`${r.policyId}|${collection}@${r.accountId}/${r.region}`)?.status, `${keyOf(r)} vanished without an error result`).toBe("error");
    }
  }
  for (const r of results) if (r.status === "pass") expect(clean.results.find((c) => keyOf(c) === keyOf(r))?.status, `${keyOf(r)} passes`).toBe("pass");
  return inventory;
}

beforeAll(async () => {
  useFakeCredentialEnv();
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
  fake = await startFakeAws({ workspacesByRegion: { [REGION]: WORKSPACES }, dsStage: "Impaired" });
  const run = await collectThrough("clean", []);
  expect(run.code).toBe(0);
  const inventory = loadInventoryFile(run.file);
  expect(inventory.errors).toEqual([]);
  expect(inventory.workspaces).toHaveLength(WORKSPACES);
  clean = { inventory, results: evaluate(inventory) };
  // The clean run has failures to protect: unencrypted volumes and the impaired directory.
  expect(clean.results.filter((r) => r.policyId === "WS-ENC-001" && r.status === "fail").length).toBeGreaterThan(0);
  expect(clean.results.find((r) => r.policyId === "WS-DIR-001")?.status).toBe("fail");
});
afterAll(async () => {
  await fake.close();
});

interface Case {
  name: string;
  rules: FaultRule[];
  extra?: string[];
  /** Errors the run must record, as `service:operation code`; empty = the fault was absorbed (retried) and nothing is missing. */
  errors: string[];
  exit?: number;
  check?: (inventory: Inventory, run: Run) => void;
}

const ws = (operation: string, rule: Omit<FaultRule, "service" | "operation">): FaultRule => ({ service: "workspaces", operation, ...rule });
const ds = (rule: Omit<FaultRule, "service" | "operation">): FaultRule => ({ service: "ds", operation: "DescribeDirectories", ...rule });
const resultOf = (inventory: Inventory, policyId: string, resourceId: string): Result | undefined => evaluate(inventory).find((r) => r.policyId === policyId && r.resourceId === resourceId);

/** An account id the inventory schema refuses: the inventory would fail its own schema. */
const stsBadAccount: FaultRule = { service: "sts", operation: "GetCallerIdentity", fault: { kind: "body", text: (b) => b.replace(/<Account>\d+<\/Account>/, "<Account>not-an-account</Account>") } };

const CASES: Case[] = [
  { name: "HTTP 500 on page 2 of DescribeWorkspaces, every attempt", rules: [ws("DescribeWorkspaces", { when: page2, fault: { kind: "status", status: 500 } })], errors: ["workspaces:DescribeWorkspaces InternalServerError"] },
  { name: "one HTTP 503 on page 2 is retried", rules: [ws("DescribeWorkspaces", { when: page2, times: 1, fault: { kind: "status", status: 503 } })], errors: [] },
  { name: "one throttled page is retried", rules: [ws("DescribeWorkspaces", { when: page2, times: 1, fault: { kind: "throttle" } })], errors: [] },
  { name: "connection reset on page 2, every attempt", rules: [ws("DescribeWorkspaces", { when: page2, fault: { kind: "reset" } })], errors: ["workspaces:DescribeWorkspaces"] },
  { name: "page 2 hangs: the request timeout ends it", rules: [ws("DescribeWorkspaces", { when: page2, fault: { kind: "hang" } })], errors: ["workspaces:DescribeWorkspaces"] },
  { name: "one hang is retried", rules: [ws("DescribeWorkspaces", { when: page2, times: 1, fault: { kind: "hang" } })], errors: [] },
  {
    name: "page 2 of DescribeWorkspaces is a string instead of a list",
    rules: [ws("DescribeWorkspaces", { when: page2, fault: { kind: "json", rewrite: (a) => ({ ...a, Workspaces: "oops" }) } })],
    errors: ["workspaces:DescribeWorkspaces MalformedResponse"],
  },
  {
    name: "WorkSpaces on page 2 carry no id",
    rules: [ws("DescribeWorkspaces", { when: page2, fault: { kind: "json", rewrite: (a) => ({ ...a, Workspaces: (a["Workspaces"] as Record<string, unknown>[]).map((w) => ({ ...w, WorkspaceId: undefined })) }) } })],
    errors: ["workspaces:DescribeWorkspaces MalformedResponse"],
  },
  {
    name: "a volume-encryption flag is a string",
    rules: [ws("DescribeWorkspaces", { when: page2, fault: { kind: "json", rewrite: (a) => ({ ...a, Workspaces: (a["Workspaces"] as Record<string, unknown>[]).map((w) => ({ ...w, RootVolumeEncryptionEnabled: "true" })) }) } })],
    errors: ["workspaces:DescribeWorkspaces MalformedResponse"],
  },
  {
    name: "DescribeWorkspaces repeats its next-page token forever",
    rules: [ws("DescribeWorkspaces", { when: page2, fault: { kind: "json", rewrite: (a) => ({ ...a, NextToken: "25" }) } })],
    errors: ["workspaces:DescribeWorkspaces PaginationLoop"],
  },
  {
    name: "DescribeWorkspaces cycles between two tokens",
    rules: [ws("DescribeWorkspaces", { when: (c) => c.input["NextToken"] === "50", fault: { kind: "json", rewrite: (a) => ({ ...a, NextToken: "25" }) } })],
    errors: ["workspaces:DescribeWorkspaces PaginationLoop"],
  },
  {
    name: "DescribeWorkspacesConnectionStatus repeats its token",
    rules: [ws("DescribeWorkspacesConnectionStatus", { when: page2, fault: { kind: "json", rewrite: (a) => ({ ...a, NextToken: "25" }) } })],
    errors: ["workspaces:DescribeWorkspacesConnectionStatus"],
  },
  {
    name: "a truncated Directory Service answer cut inside the RADIUS shared secret",
    rules: [ds({ fault: { kind: "body", text: (body) => body.slice(0, body.indexOf(FAKE_RADIUS_SECRET) + 12) } })],
    errors: ["ds:DescribeDirectories MalformedResponse"],
    check: (inventory) => {
      expect(JSON.stringify(inventory)).not.toContain(FAKE_RADIUS_SECRET.slice(0, 8));
      expect(resultOf(inventory, "WS-DIR-001", inventory.directories[0]!.id)?.status).toBe("error");
    },
  },
  {
    name: "a Directory Service answer whose directories are an object",
    rules: [ds({ fault: { kind: "json", rewrite: (a) => ({ ...a, DirectoryDescriptions: { first: (a["DirectoryDescriptions"] as unknown[])[0] } }) } })],
    errors: ["ds:DescribeDirectories MalformedResponse"],
    check: (inventory) => expect(resultOf(inventory, "WS-DIR-001", inventory.directories[0]!.id)?.status).toBe("error"),
  },
  {
    name: "a Directory Service directory without its id",
    rules: [ds({ fault: { kind: "json", rewrite: (a) => ({ ...a, DirectoryDescriptions: (a["DirectoryDescriptions"] as Record<string, unknown>[]).map((d) => ({ ...d, DirectoryId: undefined })) }) } })],
    errors: ["ds:DescribeDirectories MalformedResponse"],
    check: (inventory) => expect(resultOf(inventory, "WS-DIR-001", inventory.directories[0]!.id)?.status).toBe("error"),
  },
  {
    name: "DescribeWorkspacesConnectionStatus denied: only the connection state is missing",
    rules: [ws("DescribeWorkspacesConnectionStatus", { fault: { kind: "deny" } })],
    errors: ["workspaces:DescribeWorkspacesConnectionStatus AccessDeniedException"],
    check: (inventory) => {
      expect(inventory.workspaces).toHaveLength(WORKSPACES);
      const e = inventory.errors.find((x) => x.operation === "DescribeWorkspacesConnectionStatus")!;
      expect(e.fields).toEqual(["workspaces.connection"]);
      const results = evaluate(inventory);
      // Volume encryption stays decidable; what reads the connection state is `error`.
      const enc = results.filter((r) => r.policyId === "WS-ENC-001");
      expect(enc.map((r) => r.status).sort()).toEqual(clean.results.filter((r) => r.policyId === "WS-ENC-001").map((r) => r.status).sort());
      expect(results.filter((r) => r.policyId === "WS-OPS-004").every((r) => r.status === "error" || r.status === "not_applicable")).toBe(true);
    },
  },
  {
    name: "DescribeClientProperties fails: only the directories' client properties are missing",
    rules: [ws("DescribeClientProperties", { fault: { kind: "status", status: 500 } })],
    errors: ["workspaces:DescribeClientProperties"],
    check: (inventory) => {
      expect(inventory.errors[0]?.fields).toEqual(["directories.clientProperties"]);
      const results = evaluate(inventory);
      expect(results.find((r) => r.policyId === "WS-DIR-001")?.status).toBe("fail");
      expect(results.find((r) => r.policyId === "WS-HOST-004")?.status).toBe("error");
    },
  },
  {
    name: "every EC2 call hangs: the deadline ends the account-region",
    rules: [{ service: "ec2", operation: "DescribeSubnets", fault: { kind: "hang" } }],
    extra: ["--request-timeout", "30", "--deadline", "1.5"],
    errors: ["ec2:DescribeSubnets DeadlineExceeded"],
    check: (_inventory, run) => expect(run.seconds).toBeLessThan(6),
  },
  {
    name: "a GetCallerIdentity answer with a malformed account id: exit 4, nothing written",
    rules: [stsBadAccount],
    errors: [],
    exit: 4,
  },
];

describe("collect under injected faults", () => {
  it("exits 4 with one line and writes nothing when the collected inventory would fail its own schema (the built CLI)", async () => {
    const proxy = await startFaultProxy(fake.url, [stsBadAccount]);
    try {
      const file = join(dir, "cli-invalid.json");
      const run = await runCliAsync(["collect", "--region", REGION, "--endpoint-url", proxy.url, "--rate", "1000", "--burst", "1000", "-o", file]);
      expect(run.code).toBe(EXIT.operational);
      expect(run.stderr.trim().split("\n").at(-1)).toMatch(/^wsaudit: error: InvalidInventory: the collected inventory fails the inventory schema at \/scope\/accounts\/0 .*nothing was written/);
      expect(existsSync(file)).toBe(false);
    } finally {
      await proxy.close();
    }
  });

  it.each(CASES)("$name", async (c) => {
    const run = await collectThrough(c.name, c.rules, c.extra);
    expect(run.code, run.stderr).toBe(c.exit ?? 0);
    const inventory = expectTrustworthy(run);
    if (inventory === undefined) {
      expect(run.stderr.trim().split("\n").at(-1)).toMatch(/^wsaudit: error: .*inventory schema/);
      return;
    }
    if (c.errors.length === 0) {
      expect(inventory.errors).toEqual([]);
      expect(differingCollections(inventory)).toEqual([]);
    }
    for (const expected of c.errors) {
      const [op, code] = expected.split(" ");
      expect(inventory.errors.some((e) => `${e.service}:${e.operation}` === op && (code === undefined || e.code === code)), `${expected} in ${JSON.stringify(inventory.errors)}`).toBe(true);
    }
    c.check?.(inventory, run);
  });
});
