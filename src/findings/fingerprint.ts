/** The stable fingerprint of a finding, shared by SARIF partialFingerprints and baselines. */

/**
 * 128 bits of a non-cryptographic hash (four 32-bit FNV-1a lanes, each finished with the murmur3 mixer): it only has
 * to tell findings apart, never resist an adversary, and a SHA-256 per result cost a tenth of evaluation time at 100k.
 */
export function fingerprint(policyId: string, accountId: string, region: string, resourceId: string): string {
  const text = `${policyId}\u0000${accountId}\u0000${region}\u0000${resourceId}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let h3 = 0x9e3779b9;
  let h4 = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
  }
  return hex(h1) + hex(h2 ^ h1) + hex(h3 ^ h2) + hex(h4 ^ h3);
}

const hex = (h: number): string => (mix(h) >>> 0).toString(16).padStart(8, "0");

function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
