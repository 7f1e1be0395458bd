/** IPv4/IPv6 address and CIDR arithmetic on BigInt, the plain-TypeScript core of the CEL network helpers. */

export class IpAddress {
  constructor(
    readonly family: 4 | 6,
    readonly value: bigint,
  ) {}

  get bits(): number {
    return this.family === 4 ? 32 : 128;
  }

  toString(): string {
    if (this.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((this.value >> s) & 255n)).join(".");
    const groups = Array.from({ length: 8 }, (_, i) => ((this.value >> BigInt(112 - i * 16)) & 0xffffn).toString(16));
    // Compress the longest run of zero groups, as RFC 5952 asks.
    let best = { start: -1, len: 0 };
    for (let i = 0; i < 8; ) {
      if (groups[i] !== "0") { i++; continue; }
      let j = i;
      while (j < 8 && groups[j] === "0") j++;
      if (j - i > best.len && j - i > 1) best = { start: i, len: j - i };
      i = j;
    }
    if (best.start < 0) return groups.join(":");
    return `${groups.slice(0, best.start).join(":")}::${groups.slice(best.start + best.len).join(":")}`;
  }
}

export class Cidr {
  /** Precomputed once: CIDRs are cached and compared many times per evaluation. */
  private readonly maskBits: bigint;
  readonly network: bigint;
  readonly last: bigint;

  constructor(
    readonly address: IpAddress,
    readonly prefix: number,
  ) {
    const bits = BigInt(address.bits);
    const all = (1n << bits) - 1n;
    this.maskBits = all ^ ((1n << (bits - BigInt(prefix))) - 1n);
    this.network = address.value & this.maskBits;
    this.last = this.network | (all ^ this.maskBits);
  }

  containsIp(ip: IpAddress): boolean {
    return ip.family === this.address.family && (ip.value & this.maskBits) === this.network;
  }

  containsCidr(other: Cidr): boolean {
    return other.address.family === this.address.family && other.prefix >= this.prefix && this.containsIp(new IpAddress(other.address.family, other.network));
  }

  overlaps(other: Cidr): boolean {
    return other.address.family === this.address.family && this.network <= other.last && other.network <= this.last;
  }

  masked(): Cidr {
    return new Cidr(new IpAddress(this.address.family, this.network), this.prefix);
  }

  toString(): string {
    return `${this.address.toString()}/${this.prefix}`;
  }
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // Leading zeros are rejected, as in Go's netip and the Kubernetes CEL library: they are ambiguous (octal).
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || (text.match(/::/g) ?? []).length > 1) return null;
  let head = text;
  let tailV4: bigint | null = null;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".")) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === null) return null;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left = "", right] = head.split("::");
  const l = left === "" ? [] : left.split(":");
  const r = right === undefined || right === "" ? [] : right.split(":");
  const missing = 8 - l.length - r.length;
  if (right === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...l, ...Array<string>(right === undefined ? 0 : missing).fill("0"), ...r];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    value = (value << 16n) | BigInt(`0x${g}`);
  }
  if (tailV4 !== null) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

export function parseIp(text: string): IpAddress | null {
  if (text.includes(":")) {
    const v = parseIpv6(text);
    return v === null ? null : new IpAddress(6, v);
  }
  const v = parseIpv4(text);
  return v === null ? null : new IpAddress(4, v);
}

export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf("/");
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (ip === null || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix > ip.bits ? null : new Cidr(ip, prefix);
}

const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"].map((c) => parseCidr(c) as Cidr);
const LOOPBACK = ["127.0.0.0/8", "::1/128"].map((c) => parseCidr(c) as Cidr);
const LINK_LOCAL = ["169.254.0.0/16", "fe80::/10"].map((c) => parseCidr(c) as Cidr);
const MULTICAST = ["224.0.0.0/4", "ff00::/8"].map((c) => parseCidr(c) as Cidr);

export const isPrivateIp = (ip: IpAddress): boolean => PRIVATE_RANGES.some((r) => r.containsIp(ip));
export const isLoopbackIp = (ip: IpAddress): boolean => LOOPBACK.some((r) => r.containsIp(ip));
export const isUnspecifiedIp = (ip: IpAddress): boolean => ip.value === 0n;
export const isGlobalUnicastIp = (ip: IpAddress): boolean =>
  !isUnspecifiedIp(ip) && !isLoopbackIp(ip) && !LINK_LOCAL.some((r) => r.containsIp(ip)) && !MULTICAST.some((r) => r.containsIp(ip)) && !(ip.family === 4 && ip.value === 0xffffffffn);
