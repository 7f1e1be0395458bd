/** A step budget for one CEL evaluation: comprehensions (all, exists, exists_one, map, filter) count the items they iterate, so a runaway expression ends as an error instead of running for minutes or exhausting memory. */

/** Items all comprehensions of one evaluation may iterate, nested ones included (a second or two of work). */
export const MAX_COMPREHENSION_STEPS = 1_000_000;

export class CelStepBudgetExceeded extends Error {
  constructor() {
    super(`CEL evaluation stopped: more than ${MAX_COMPREHENSION_STEPS.toLocaleString("en-US")} comprehension steps (nested all/exists/map/filter over large lists)`);
    this.name = "CelStepBudgetExceeded";
  }
}

// Evaluation is synchronous, so one counter serves every expression: reset before each run, checked after.
let remaining = MAX_COMPREHENSION_STEPS;
let exceeded = false;

const sizeOf = (items: unknown): number =>
  Array.isArray(items) ? items.length
  : items instanceof Map ? items.size
  : typeof items === "object" && items !== null ? Object.keys(items).length
  : 0;

interface Node {
  op: string;
  args: unknown;
  handle?: (items: unknown, ...rest: unknown[]) => unknown;
  meta?: { alternate?: unknown; macro?: unknown };
}

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && "op" in v && "args" in v;

/**
 * Wraps the handler of every comprehension in a checked cel-js AST. cel-js keeps a macro's expansion in the call
 * node's `meta.alternate` and sets `handle` on the comprehension during `check()`, so this runs after checking.
 */
export function instrumentComprehensions(root: unknown): void {
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!isNode(value) || seen.has(value)) return;
    seen.add(value);
    const alternate = value.meta?.alternate;
    if (alternate !== undefined) visit(alternate);
    if (value.op === "comprehension" && typeof value.args === "object" && value.args !== null) {
      const inner = value.handle;
      if (typeof inner === "function") {
        value.handle = (items: unknown, ...rest: unknown[]) => {
          remaining -= sizeOf(items);
          if (remaining < 0) {
            exceeded = true;
            throw new CelStepBudgetExceeded();
          }
          return inner(items, ...rest);
        };
      }
      const args = value.args as Record<string, unknown>;
      for (const key of ["iterable", "init", "step"]) visit(args[key]);
      return;
    }
    visit(value.args);
  };
  visit(root);
}

/** Runs one evaluation under a fresh budget. A quantifier may swallow the budget error of a nested step, so it is re-raised here. */
export function withStepBudget<T>(run: () => T): T {
  remaining = MAX_COMPREHENSION_STEPS;
  exceeded = false;
  const value = run();
  if (exceeded) throw new CelStepBudgetExceeded();
  return value;
}
