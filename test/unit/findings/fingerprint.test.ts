// Fingerprints identify a finding across runs: stable, 32 hex digits, and distinct for distinct findings.
import { describe, expect, it } from "vitest";
import { fingerprint } from "../../../src/findings/fingerprint.js";

describe("fingerprint", () => {
  it("is stable and 128 bits of hex", () => {
    expect(fingerprint("WS-ENC-001", "123456789012", "us-east-1", "ws-1")).toBe(fingerprint("WS-ENC-001", "123456789012", "us-east-1", "ws-1"));
    expect(fingerprint("WS-ENC-001", "123456789012", "us-east-1", "ws-1")).toMatch(/^[0-9a-f]{32}$/);
  });
  it("does not collide across 200,000 findings or when fields shift between parts", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(fingerprint(`WS-SG-00${i % 7}`, "123456789012", i % 2 === 0 ? "us-east-1" : "us-west-2", `ws-${i}`));
    expect(seen.size).toBe(200_000);
    expect(fingerprint("A", "B", "C", "D")).not.toBe(fingerprint("A", "BC", "", "D"));
  });
});
