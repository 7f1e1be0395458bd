/** Limits on parsed untrusted data (nesting depth, string length, YAML alias expansion and cycles), checked without recursion so no input can exhaust the stack or the heap. */

export interface DataLimits {
  /** Deepest nesting of lists and objects accepted. */
  maxDepth: number;
  /** Longest string accepted, in UTF-16 code units. */
  maxStringLength: number;
  /** Most values the document may hold once YAML aliases are expanded (an alias bomb shares nodes; every reader expands them). */
  maxNodes: number;
}

export const DEFAULT_DATA_LIMITS: DataLimits = { maxDepth: 100, maxStringLength: 65_536, maxNodes: 1_000_000 };

export interface LimitProblem {
  /** JSON pointer of the offending value. */
  pointer: string;
  detail: string;
}

interface Frame {
  node: object;
  keys: string[];
  next: number;
  total: number;
  key: string;
}

const escapeKey = (k: string): string => k.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Walks `data` once (shared nodes are counted by their expanded size but visited once) and returns the first limit
 * broken, or null. `aliases: false` (parsed JSON, which cannot share nodes) skips the bookkeeping that sharing needs.
 * A node that contains itself (a self-referencing YAML alias) is a problem too: no reader can expand it.
 */
export function checkDataLimits(data: unknown, limits: DataLimits = DEFAULT_DATA_LIMITS, aliases = true): LimitProblem | null {
  const sizes = new Map<object, number>();
  const onPath = new Set<object>();
  const stack: Frame[] = [];
  const pointer = (extra?: string): string => {
    const parts = stack.slice(1).map((f) => escapeKey(f.key));
    if (extra !== undefined) parts.push(escapeKey(extra));
    return parts.length === 0 ? "/" : `/${parts.join("/")}`;
  };
  /** Accounts for one child value of the top frame (or the root); returns a problem or pushes a frame. */
  const visit = (value: unknown, key: string): LimitProblem | null => {
    const parent = stack.at(-1);
    if (typeof value === "string") {
      if (value.length > limits.maxStringLength) return { pointer: pointer(parent ? key : undefined), detail: `a string of ${value.length} characters, longer than the limit of ${limits.maxStringLength}` };
      if (parent) parent.total += 1;
      return null;
    }
    if (typeof value !== "object" || value === null) {
      if (parent) parent.total += 1;
      return null;
    }
    if (aliases && onPath.has(value)) return { pointer: pointer(parent ? key : undefined), detail: "the value contains itself (a self-referencing alias)" };
    const known = aliases ? sizes.get(value) : undefined;
    if (known !== undefined) {
      if (parent) parent.total += known;
      return null;
    }
    if (stack.length >= limits.maxDepth) return { pointer: pointer(parent ? key : undefined), detail: `nested deeper than the limit of ${limits.maxDepth} levels` };
    if (aliases) onPath.add(value);
    stack.push({ node: value, keys: Array.isArray(value) ? [] : Object.keys(value), next: 0, total: 1, key });
    return null;
  };
  const first = visit(data, "");
  if (first) return first;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const isList = Array.isArray(frame.node);
    const length = isList ? (frame.node as unknown[]).length : frame.keys.length;
    if (frame.next < length) {
      const i = frame.next++;
      const key = isList ? String(i) : (frame.keys[i] as string);
      const value = isList ? (frame.node as unknown[])[i] : (frame.node as Record<string, unknown>)[key];
      const problem = visit(value, key);
      if (problem) return problem;
      if (frame.total > limits.maxNodes) return { pointer: pointer(), detail: `more than ${limits.maxNodes} values once aliases are expanded` };
      continue;
    }
    stack.pop();
    if (aliases) {
      onPath.delete(frame.node);
      sizes.set(frame.node, frame.total);
    }
    const parent = stack.at(-1);
    if (parent) {
      parent.total += frame.total;
      if (parent.total > limits.maxNodes) return { pointer: pointer(), detail: `more than ${limits.maxNodes} values once aliases are expanded` };
    }
  }
  return null;
}
