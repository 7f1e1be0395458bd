// Waivers turn matching failures into `waived` with their justification, never touch errors, and report expired and unused entries.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyWaivers, loadWaivers, type Waiver } from "../../../src/governance/waivers.js";
import { result } from "../../helpers/results.js";
import { tempDir } from "../../helpers/temp-files.js";

const now = new Date("2026-06-01T00:00:00Z");
const base = { justification: "Lab directory, isolated network", owner: "secops@example.com" };
const noTags = (): undefined => undefined;

describe("applyWaivers", () => {
  it("waives a matching failure and keeps the waiver on the result", () => {
    const waivers: Waiver[] = [{ id: "W1", policy: "WS-SG-*", resources: ["ws-1"], expires: "2026-12-31", ...base }];
    const { results, entries } = applyWaivers([result("WS-SG-004", "ws-1", "fail"), result("WS-SG-004", "ws-2", "fail")], waivers, now, noTags);
    expect(results.map((r) => r.status)).toEqual(["waived", "fail"]);
    expect(results[0]?.waiver).toEqual({ id: "W1", justification: base.justification, owner: base.owner, expires: "2026-12-31" });
    expect(results[0]?.message).toContain("waived by W1 until 2026-12-31");
    expect(entries).toEqual([{ id: "W1", policy: "WS-SG-*", owner: base.owner, expires: "2026-12-31", state: "applied", matched: 1 }]);
  });

  it("never turns an error into anything but an error, and leaves passes alone", () => {
    const waivers: Waiver[] = [{ id: "W1", policy: "WS-ENC-006", expires: "2026-12-31", ...base }];
    const { results, entries } = applyWaivers([result("WS-ENC-006", "ws-1", "error"), result("WS-ENC-006", "ws-2", "pass")], waivers, now, noTags);
    expect(results.map((r) => r.status)).toEqual(["error", "pass"]);
    expect(entries[0]?.state).toBe("unused");
  });

  it("ignores an expired waiver and reports it as expired; the expiry day itself is still valid", () => {
    const waivers: Waiver[] = [
      { id: "OLD", policy: "WS-SG-004", expires: "2026-05-31", ...base },
      { id: "TODAY", policy: "WS-ENC-001", expires: "2026-06-01", ...base },
    ];
    const { results, entries } = applyWaivers([result("WS-SG-004", "ws-1", "fail"), result("WS-ENC-001", "ws-1", "fail")], waivers, now, noTags);
    expect(results.map((r) => r.status)).toEqual(["fail", "waived"]);
    expect(entries.map((e) => [e.id, e.state])).toEqual([["OLD", "expired"], ["TODAY", "applied"]]);
  });

  it("matches account, region and tags scopes", () => {
    const waivers: Waiver[] = [{ id: "W1", policy: "WS-SG-004", regions: ["us-west-2"], tags: { Env: "lab" }, expires: "2026-12-31", ...base }];
    const tagsOf = (r: { resourceId: string }): Record<string, string> | undefined => (r.resourceId === "ws-lab" ? { Env: "lab" } : { Env: "prod" });
    const rs = [result("WS-SG-004", "ws-lab", "fail", "high", "us-west-2"), result("WS-SG-004", "ws-prod", "fail", "high", "us-west-2"), result("WS-SG-004", "ws-lab", "fail", "high", "us-east-1")];
    expect(applyWaivers(rs, waivers, now, tagsOf).results.map((r) => r.status)).toEqual(["waived", "fail", "fail"]);
  });
});

describe("loadWaivers", () => {
  const load = (text: string): Waiver[] => loadWaivers(join(tempDir({ "w.yaml": text }), "w.yaml"), ["WS-SG-004", "WS-ENC-001"]);

  it("loads a valid file", () => {
    expect(load(`waivers:\n  - id: W1\n    policy: WS-SG-004\n    justification: ${base.justification}\n    owner: a@b.c\n    expires: 2026-12-31\n`)).toHaveLength(1);
  });
  it("requires a justification, an owner and an expiry", () => {
    expect(() => load("waivers:\n  - id: W1\n    policy: WS-SG-004\n    owner: a@b.c\n    expires: 2026-12-31\n")).toThrow(/w\.yaml: line 2 \(\/waivers\/0\): invalid waivers file: missing required property "justification"/);
  });
  it("rejects an unknown key at its line", () => {
    expect(() => load(`waivers:\n  - id: W1\n    policy: WS-SG-004\n    justification: ${base.justification}\n    owner: a@b.c\n    expires: 2026-12-31\n    reason: x\n`)).toThrow(/line 7 .*unknown property "reason"/);
  });
  it("rejects a policy id that is not loaded, and a glob that matches nothing", () => {
    expect(() => load(`waivers:\n  - id: W1\n    policy: WS-NOPE-001\n    justification: ${base.justification}\n    owner: a@b.c\n    expires: 2026-12-31\n`)).toThrow(/line 3: policy "WS-NOPE-001" is not a loaded policy id/);
    expect(() => load(`waivers:\n  - id: W1\n    policy: WS-X-*\n    justification: ${base.justification}\n    owner: a@b.c\n    expires: 2026-12-31\n`)).toThrow(/policy "WS-X-\*" matches no loaded policy/);
  });
  it("rejects a malformed date and duplicate ids", () => {
    expect(() => load(`waivers:\n  - id: W1\n    policy: WS-SG-004\n    justification: ${base.justification}\n    owner: a@b.c\n    expires: next year\n`)).toThrow(/line 6 \(\/waivers\/0\/expires\)/);
    const one = `  - id: W1\n    policy: WS-SG-004\n    justification: ${base.justification}\n    owner: a@b.c\n    expires: 2026-12-31\n`;
    expect(() => load(`waivers:\n${one}${one}`)).toThrow(/line 7: duplicate id "W1"/);
  });
});
