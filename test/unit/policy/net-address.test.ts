// Unit tests of the address arithmetic behind the CEL network helpers.
import { describe, expect, it } from "vitest";
import { isGlobalUnicastIp, isPrivateIp, parseCidr, parseIp } from "../../../src/policy/net-address.js";

describe("parseIp", () => {
  it.each(["10.0.0.1", "255.255.255.255", "::1", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1", "::"])("accepts %s", (text) => {
    expect(parseIp(text)).not.toBeNull();
  });
  it.each(["1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "abc", ""])("rejects %s", (text) => {
    expect(parseIp(text)).toBeNull();
  });
  it("prints IPv6 in RFC 5952 form", () => {
    expect(parseIp("2001:0db8:0000:0000:0000:0000:0000:0001")?.toString()).toBe("2001:db8::1");
    expect(parseIp("10.1.2.3")?.toString()).toBe("10.1.2.3");
  });
});

describe("parseCidr", () => {
  it("contains addresses inside the prefix only", () => {
    const c = parseCidr("10.1.0.0/16")!;
    expect(c.containsIp(parseIp("10.1.255.255")!)).toBe(true);
    expect(c.containsIp(parseIp("10.2.0.0")!)).toBe(false);
    expect(c.containsIp(parseIp("::1")!)).toBe(false);
  });
  it("contains a narrower CIDR but not a wider one", () => {
    expect(parseCidr("10.0.0.0/8")!.containsCidr(parseCidr("10.3.0.0/16")!)).toBe(true);
    expect(parseCidr("10.3.0.0/16")!.containsCidr(parseCidr("10.0.0.0/8")!)).toBe(false);
  });
  it("detects overlap in both directions and disjoint ranges", () => {
    expect(parseCidr("192.168.0.0/16")!.overlaps(parseCidr("192.168.10.0/24")!)).toBe(true);
    expect(parseCidr("192.168.10.0/24")!.overlaps(parseCidr("192.168.0.0/16")!)).toBe(true);
    expect(parseCidr("172.31.0.0/16")!.overlaps(parseCidr("172.30.0.0/16")!)).toBe(false);
  });
  it("masks host bits", () => {
    expect(parseCidr("10.1.2.3/8")!.masked().toString()).toBe("10.0.0.0/8");
  });
  it.each(["10.0.0.0", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/08", "::/129", "x/8"])("rejects %s", (text) => {
    expect(parseCidr(text)).toBeNull();
  });
});

describe("address classes", () => {
  it("treats RFC 1918, CGNAT and ULA as private, public ranges as not", () => {
    for (const a of ["10.9.9.9", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "fd00::1"]) expect(isPrivateIp(parseIp(a)!), a).toBe(true);
    for (const a of ["172.32.0.1", "8.8.8.8", "203.0.113.5", "2001:db8::1"]) expect(isPrivateIp(parseIp(a)!), a).toBe(false);
  });
  it("excludes loopback, link-local, multicast and unspecified from global unicast", () => {
    for (const a of ["127.0.0.1", "169.254.169.254", "224.0.0.1", "0.0.0.0", "::1", "fe80::1"]) expect(isGlobalUnicastIp(parseIp(a)!), a).toBe(false);
    expect(isGlobalUnicastIp(parseIp("52.94.1.1")!)).toBe(true);
  });
});
