/** Shared pieces of the plain-TypeScript baseline rules: the rule type, CEL-strict field access, and cached network and regex helpers. */

import type { ResourceType } from "../src/inventory/resource-types.js";
import { parseCidr, parseIp, type Cidr, type IpAddress } from "../src/policy/net-address.js";

export type Params = Record<string, unknown>;
export type View = Record<string, unknown>;

export interface BaselineRule {
  id: string;
  resource: ResourceType;
  match?: (r: View, p: Params, now: Date) => boolean;
  assert: (r: View, p: Params, now: Date) => boolean;
  message?: (r: View) => string;
  /** A manual control: every matching resource is `manual`, as in the engine. */
  manual?: boolean;
}

class MissingField extends Error {}

/** Field access with CEL's strictness: reading an absent field (or a field of null) is an error, never a silent undefined. */
export function get(value: unknown, field: string): unknown {
  if (value === null || typeof value !== "object" || !(field in value)) throw new MissingField(`no such key: ${field}`);
  return (value as View)[field];
}
export const obj = (value: unknown, field: string): View => get(value, field) as View;
export const list = (value: unknown, field: string): View[] => {
  const items = get(value, field);
  if (!Array.isArray(items)) throw new MissingField(`${field} is not a list`);
  return items as View[];
};
export const texts = (value: unknown, field: string): string[] => list(value, field) as unknown as string[];
export const strings = (p: Params, name: string): string[] => p[name] as string[];

const LIVE_EXCLUDED = new Set(["TERMINATING", "TERMINATED"]);
const SETTLED_EXCLUDED = new Set(["PENDING", "TERMINATING", "TERMINATED"]);
/** Not terminating or terminated. */
export const live = (r: View): boolean => !LIVE_EXCLUDED.has(get(r, "state") as string);
/** Not pending, terminating or terminated. */
export const settled = (r: View): boolean => !SETTLED_EXCLUDED.has(get(r, "state") as string);

const cidrCache = new Map<string, Cidr>();
const ipCache = new Map<string, IpAddress>();

/** Parses like the CEL cidr() helper (bad input throws, which the runner turns into `error`), once per distinct text, as hand-written code would. */
export function cidrOf(text: string): Cidr {
  let parsed = cidrCache.get(text);
  if (parsed === undefined) {
    const fresh = parseCidr(text);
    if (fresh === null) throw new Error(`network address '${text}' parse error`);
    cidrCache.set(text, (parsed = fresh));
  }
  return parsed;
}

export function ipOf(text: string): IpAddress {
  let parsed = ipCache.get(text);
  if (parsed === undefined) {
    const fresh = parseIp(text);
    if (fresh === null) throw new Error(`IP Address '${text}' parse error`);
    ipCache.set(text, (parsed = fresh));
  }
  return parsed;
}

export const containsIp = (range: string, ip: string): boolean => cidrOf(range).containsIp(ipOf(ip));
export const containsCidr = (range: string, inner: string): boolean => cidrOf(range).containsCidr(cidrOf(inner));

/** The engine's ruleAllowsPort: protocol "all" admits everything, otherwise same protocol and port in range. */
export function allowsPort(rule: View, protocol: string, port: number): boolean {
  const p = rule["protocol"];
  if (p === "all") return true;
  return p === protocol && (rule["fromPort"] as number) <= port && port <= (rule["toPort"] as number);
}

/** The engine's ruleOpenToInternet: any IPv4 or IPv6 source is the whole internet. */
export function openToInternet(rule: View): boolean {
  const sources = [...(get(rule, "ipv4") as string[]), ...(get(rule, "ipv6") as string[])];
  return sources.some((c) => c === "0.0.0.0/0" || c === "::/0" || parseCidr(c)?.prefix === 0);
}

const regexCache = new WeakMap<string[], RegExp[]>();

/** Param regexes compiled once per run. */
export function regexes(p: Params, name: string): RegExp[] {
  const sources = strings(p, name);
  let compiled = regexCache.get(sources);
  if (!compiled) regexCache.set(sources, (compiled = sources.map((s) => new RegExp(s))));
  return compiled;
}

/** Memoizes a per-resource index (e.g. interfaces by IP in an account-region), built on first use. */
export function memo<T>(cache: WeakMap<object, T>, key: object, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = build()));
  return value;
}

