// The CEL helpers as policies call them: Kubernetes-style ip()/cidr() and the security-group rule helpers.
import { describe, expect, it } from "vitest";
import { celEnvironment } from "../../../src/policy/cel-environment.js";

const run = (expression: string, resource: unknown = {}): unknown =>
  celEnvironment().evaluate(expression, { resource, params: { minPrefix: 16 }, now: new Date("2026-01-01T00:00:00Z") });

describe("CEL network helpers", () => {
  it("evaluates cidr/ip methods like the Kubernetes library", () => {
    expect(run('cidr("10.0.0.0/8").containsIP("10.1.2.3")')).toBe(true);
    expect(run('cidr("10.0.0.0/8").containsIP(ip("11.0.0.1"))')).toBe(false);
    expect(run('cidr("10.0.0.0/8").containsCIDR("10.1.0.0/16")')).toBe(true);
    expect(run('cidr("10.1.2.3/8").prefixLength()')).toBe(8n);
    expect(run('string(cidr("10.1.2.3/8").masked())')).toBe("10.0.0.0/8");
    expect(run('ip("fd00::1").family()')).toBe(6n);
    expect(run('ip("192.168.0.1").isPrivate()')).toBe(true);
    expect(run('isCIDR("10.0.0.0/33") || isIP("1.2.3")')).toBe(false);
  });
  it("compares int results with double params", () => {
    expect(run('cidr("0.0.0.0/0").prefixLength() < params.minPrefix')).toBe(true);
  });
  it("raises an error for an unparsable address instead of returning false", () => {
    expect(() => run('cidr("not-a-cidr").prefixLength() < 8')).toThrow(/parse error/);
  });
  it("decides whether a normalized rule admits a port", () => {
    const rdp = { protocol: "tcp", fromPort: 3389, toPort: 3389, ipv4: ["0.0.0.0/0"], ipv6: [] };
    expect(run('ruleAllowsPort(resource, "tcp", 3389)', rdp)).toBe(true);
    expect(run('ruleAllowsPort(resource, "udp", 3389)', rdp)).toBe(false);
    expect(run('ruleAllowsPort(resource, "tcp", 22)', rdp)).toBe(false);
    expect(run('ruleAllowsPort(resource, "udp", 53)', { protocol: "all", fromPort: 0, toPort: 65535 })).toBe(true);
    expect(run('ruleAllowsPort(resource, "tcp", 445)', { protocol: "tcp", fromPort: 135, toPort: 445 })).toBe(true);
  });
  it("recognizes the whole internet in IPv4 and IPv6 sources", () => {
    expect(run("ruleOpenToInternet(resource)", { ipv4: ["10.0.0.0/8"], ipv6: ["::/0"] })).toBe(true);
    expect(run("ruleOpenToInternet(resource)", { ipv4: ["10.0.0.0/8"], ipv6: [] })).toBe(false);
  });
  it("finds duplicates in linear time, once each", () => {
    expect(run('duplicates(["a", "b", "a", "c", "b", "a"])')).toEqual(["a", "b"]);
    expect(run("duplicates(resource.names.map(n, n.lowerAscii()))", { names: ["JDoe", "jdoe", "x"] })).toEqual(["jdoe"]);
  });
  it("exposes now as a timestamp", () => {
    expect(run('now > timestamp("2025-12-31T00:00:00Z")')).toBe(true);
  });
});
