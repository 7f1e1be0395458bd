/** The one CEL environment every policy compiles in: declared variables and the network helpers, modeled on the Kubernetes CEL IP/CIDR library. */

import { Environment } from "@marcbachmann/cel-js";
import { Cidr, IpAddress, isGlobalUnicastIp, isLoopbackIp, isPrivateIp, isUnspecifiedIp, parseCidr, parseIp } from "./net-address.js";

/** Thrown by a helper on bad input; the evaluator turns it into an `error` result. */
class NetError extends Error {}

// Parsed addresses are immutable and the same few CIDRs recur across thousands of rules and resources: parse each once.
const ipCache = new Map<string, IpAddress | null>();
const cidrCache = new Map<string, Cidr | null>();
const CACHE_LIMIT = 200_000;

function cached<T>(cache: Map<string, T | null>, text: string, parse: (s: string) => T | null): T | null {
  let value = cache.get(text);
  if (value === undefined) {
    value = parse(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, value);
  }
  return value;
}

function ip(text: string): IpAddress {
  const parsed = cached(ipCache, text, parseIp);
  if (parsed === null) throw new NetError(`IP Address '${text}' parse error`);
  return parsed;
}

function cidr(text: string): Cidr {
  const parsed = cached(cidrCache, text, parseCidr);
  if (parsed === null) throw new NetError(`network address '${text}' parse error`);
  return parsed;
}

const toPort = (value: unknown): number => (typeof value === "bigint" ? Number(value) : Number(value));

/** A normalized security-group rule as the inventory stores it. */
interface RuleLike {
  protocol?: unknown;
  fromPort?: unknown;
  toPort?: unknown;
  ipv4?: unknown;
  ipv6?: unknown;
}

const asRule = (value: unknown): RuleLike => {
  if (typeof value !== "object" || value === null) throw new NetError("expected a security group rule");
  return value;
};

/** True when the rule admits `protocol` traffic to `port`; protocol "all" admits everything. */
export function ruleAllowsPort(rawRule: unknown, protocol: string, port: unknown): boolean {
  const rule = asRule(rawRule);
  const p = toPort(port);
  if (rule.protocol === "all") return true;
  if (rule.protocol !== protocol.toLowerCase()) return false;
  return toPort(rule.fromPort) <= p && p <= toPort(rule.toPort);
}

const INTERNET = new Set(["0.0.0.0/0", "::/0"]);

/** True when any IPv4 or IPv6 source (or destination) of the rule is the whole internet. */
export function ruleOpenToInternet(rawRule: unknown): boolean {
  const rule = asRule(rawRule);
  const all = [...((rule.ipv4 as string[] | undefined) ?? []), ...((rule.ipv6 as string[] | undefined) ?? [])];
  return all.some((c) => INTERNET.has(c) || cached(cidrCache, c, parseCidr)?.prefix === 0);
}

/** The values that occur more than once in a list, each once, in first-seen order (strings compared as given). */
export function duplicates(list: unknown[]): unknown[] {
  const seen = new Set<unknown>();
  const twice = new Set<unknown>();
  for (const item of list) {
    if (seen.has(item)) twice.add(item);
    else seen.add(item);
  }
  return [...twice];
}

function createEnvironment(): Environment {
  return (
    new Environment({ unlistedVariablesAreDyn: false, homogeneousAggregateLiterals: false })
      .registerVariable("resource", "dyn", { description: "The entity under evaluation, with its relations resolved." })
      .registerVariable("params", "map", { description: "The policy's params: defaults merged with the run's --params file." })
      .registerVariable("now", "google.protobuf.Timestamp", { description: "The evaluation time (--now, or the wall clock)." })
      .registerType("net.IP", IpAddress)
      .registerType("net.CIDR", Cidr)
      // Kubernetes CEL library: ip(), cidr(), isIP(), isCIDR() and their methods.
      .registerFunction("ip(string): net.IP", ip)
      .registerFunction("cidr(string): net.CIDR", cidr)
      .registerFunction("isIP(string): bool", (s: string) => cached(ipCache, s, parseIp) !== null)
      .registerFunction("isCIDR(string): bool", (s: string) => cached(cidrCache, s, parseCidr) !== null)
      .registerFunction("string(net.IP): string", (a: IpAddress) => a.toString())
      .registerFunction("string(net.CIDR): string", (c: Cidr) => c.toString())
      .registerFunction("net.IP.family(): int", (a: IpAddress) => BigInt(a.family))
      .registerFunction("net.IP.isLoopback(): bool", isLoopbackIp)
      .registerFunction("net.IP.isUnspecified(): bool", isUnspecifiedIp)
      .registerFunction("net.IP.isGlobalUnicast(): bool", isGlobalUnicastIp)
      .registerFunction("net.IP.isPrivate(): bool", isPrivateIp)
      .registerFunction("net.CIDR.containsIP(string): bool", (c: Cidr, s: string) => c.containsIp(ip(s)))
      .registerFunction("net.CIDR.containsIP(net.IP): bool", (c: Cidr, a: IpAddress) => c.containsIp(a))
      .registerFunction("net.CIDR.containsCIDR(string): bool", (c: Cidr, s: string) => c.containsCidr(cidr(s)))
      .registerFunction("net.CIDR.containsCIDR(net.CIDR): bool", (c: Cidr, o: Cidr) => c.containsCidr(o))
      .registerFunction("net.CIDR.overlaps(string): bool", (c: Cidr, s: string) => c.overlaps(cidr(s)))
      .registerFunction("net.CIDR.overlaps(net.CIDR): bool", (c: Cidr, o: Cidr) => c.overlaps(o))
      .registerFunction("net.CIDR.prefixLength(): int", (c: Cidr) => BigInt(c.prefix))
      .registerFunction("net.CIDR.ip(): net.IP", (c: Cidr) => c.address)
      .registerFunction("net.CIDR.masked(): net.CIDR", (c: Cidr) => c.masked())
      // Security-group helpers over normalized rules ({protocol, fromPort, toPort, ipv4[], ipv6[]}).
      .registerFunction("ruleAllowsPort(dyn, string, int): bool", ruleAllowsPort)
      .registerFunction("ruleAllowsPort(dyn, string, double): bool", ruleAllowsPort)
      .registerFunction("ruleOpenToInternet(dyn): bool", ruleOpenToInternet)
      // Aggregates a per-resource loop would make quadratic (e.g. duplicate user names in a directory of thousands).
      .registerFunction("duplicates(list): list", duplicates)
      .registerFunction("portInRange(int, dyn, dyn): bool", (p: bigint, from: unknown, to: unknown) => toPort(from) <= Number(p) && Number(p) <= toPort(to))
  );
}

let shared: Environment | undefined;

/** The shared environment, created on first use; registering after that is impossible by design. */
export function celEnvironment(): Environment {
  shared ??= createEnvironment();
  return shared;
}
