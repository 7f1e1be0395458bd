/** Glob patterns for policy ids and resource ids in waivers, attestations and `--policy`: `*` any run, `?` one character. */

export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

export const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

export function matchesAny(patterns: readonly string[], value: string): boolean {
  return patterns.some((p) => (isGlob(p) ? globToRegExp(p).test(value) : p === value));
}
