/** Compiles one CEL expression in the shared environment, type-checks it, and lists the resource paths it reads. */

import { celEnvironment } from "./cel-environment.js";
import { instrumentComprehensions, withStepBudget } from "./cel-step-budget.js";
import type { CompiledExpression } from "./policy.js";

interface AstNode {
  op: string;
  args: unknown;
}

const isNode = (value: unknown): value is AstNode => typeof value === "object" && value !== null && "op" in value && "args" in value;

/** The dotted path of a member chain rooted at an identifier, or null when the chain starts elsewhere. */
function chain(node: AstNode): string | null {
  if (node.op === "id" && typeof node.args === "string") return node.args;
  if ((node.op === "." || node.op === ".?") && Array.isArray(node.args)) {
    const [target, field] = node.args as [unknown, unknown];
    if (isNode(target) && typeof field === "string") {
      const base = chain(target);
      return base === null ? null : `${base}.${field}`;
    }
  }
  return null;
}

/** Collects resource paths into `out` and the names of the policy variables read (`variables.NAME`) into `names`. */
function collectPaths(node: unknown, out: Set<string>, names: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectPaths(child, out, names);
    return;
  }
  if (!isNode(node)) return;
  const path = chain(node);
  if (path !== null && (path === "resource" || path.startsWith("resource."))) {
    out.add(path);
    return;
  }
  if (path !== null && path.startsWith("variables.")) {
    names.add(path.split(".")[1] ?? "");
    return;
  }
  collectPaths(node.args, out, names);
}

/** Keeps only the longest paths: "resource.a" is dropped when "resource.a.b" is read. */
export function longestPaths(paths: Iterable<string>): string[] {
  const all = [...paths].sort();
  return all.filter((p) => !all.some((q) => q !== p && q.startsWith(`${p}.`)));
}

export class ExpressionError extends Error {
  constructor(
    readonly kind: "syntax" | "type",
    message: string,
    /** 1-based line and column inside the expression, when cel-js reports one. */
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** cel-js errors end with a source excerpt and a caret; turn them into message + position. */
function toExpressionError(kind: "syntax" | "type", error: Error): ExpressionError {
  const lines = error.message.split("\n");
  const message = lines[0] ?? "invalid expression";
  const sourceIndex = lines.findIndex((l) => /^>\s+\d+ \| /.test(l));
  let line = 1;
  let column = 1;
  if (sourceIndex >= 0) {
    const sourceLine = lines[sourceIndex] ?? "";
    line = Number(/^>\s+(\d+)/.exec(sourceLine)?.[1] ?? "1");
    const prefix = sourceLine.indexOf("| ") + 2;
    const caret = (lines[sourceIndex + 1] ?? "").indexOf("^");
    if (caret >= prefix) column = caret - prefix + 1;
  }
  return new ExpressionError(kind, message, line, column);
}

/**
 * @param expected the result type the expression must have ("bool" for match/assert, "string" for messages); dyn is
 *   accepted; "any" for a policy variable, whose checked type is returned in `type`.
 * @param env the shared environment, or a clone of it declaring the policy's `variables` (compile-variables.ts)
 */
export function compileExpression(rawSource: string, expected: "bool" | "string" | "any", env = celEnvironment()): CompiledExpression {
  // Block scalars end with a newline; without it, an "unexpected end" error points at the last real line.
  const source = rawSource.trimEnd();
  let parsed: ReturnType<typeof env.parse>;
  try {
    parsed = env.parse(source);
  } catch (error) {
    throw toExpressionError("syntax", error as Error);
  }
  const checked = parsed.check();
  if (!checked.valid) throw toExpressionError("type", checked.error as Error);
  if (expected !== "any" && checked.type !== expected && checked.type !== "dyn") {
    throw new ExpressionError("type", `expression returns ${String(checked.type)}, expected ${expected}`, 1, 1);
  }
  const paths = new Set<string>();
  const variables = new Set<string>();
  collectPaths((parsed as unknown as { ast: unknown }).ast, paths, variables);
  instrumentComprehensions((parsed as unknown as { ast: unknown }).ast);
  return {
    source,
    evaluate: (context) => withStepBudget(() => parsed(context) as unknown),
    paths: longestPaths(paths),
    readPaths: [...paths].sort(),
    variables: [...variables].sort(),
    type: String(checked.type),
  };
}
