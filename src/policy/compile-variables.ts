/** Compiles a policy's `variables`: named CEL expressions, each typed against the ones before it, evaluated lazily at most once per resource. */

import { celEnvironment } from "./cel-environment.js";
import { compileExpression, ExpressionError, longestPaths } from "./compile-expression.js";
import type { CompiledExpression } from "./policy.js";

type Environment = ReturnType<typeof celEnvironment>;

/** A variable's value, or what its expression threw: either is computed once per resource and then replayed. */
type Slot = { value: unknown } | { error: unknown };

export interface PolicyVariables {
  names: readonly string[];
  /** Each variable compiled, its paths including those of the variables it reads (so memo keys and evidence see them). */
  expressions: readonly CompiledExpression[];
  /** The shared environment plus `variables` typed with every variable: where match, assert and messageExpression compile. */
  env: Environment;
  /** A fresh `variables` object for one resource's context; the caller stores it in the context as `variables`. */
  bind: (context: Record<string, unknown>) => object;
}

/** A variable that failed to compile: which one, and the CEL error (positions are inside its expression). */
export class VariableError extends Error {
  constructor(
    readonly index: number,
    readonly field: "name" | "expression",
    readonly expressionError: ExpressionError,
  ) {
    super(expressionError.message);
  }
}

/**
 * A class per policy whose getters evaluate on first read and cache per instance, so an unread variable costs nothing
 * and a read one runs once per resource. cel-js finds the declared type of an object by its constructor.
 */
function variablesClass(names: readonly string[], expressions: readonly CompiledExpression[]): new (context: Record<string, unknown>) => object {
  class Variables {
    readonly #context: Record<string, unknown>;
    readonly #slots: (Slot | undefined)[] = [];
    constructor(context: Record<string, unknown>) {
      this.#context = context;
    }
    // Static, so no variable name can shadow it.
    static read(self: Variables, index: number): unknown {
      let slot = self.#slots[index];
      if (slot === undefined) {
        try {
          slot = { value: expressions[index]?.evaluate(self.#context) };
        } catch (error) {
          slot = { error };
        }
        self.#slots[index] = slot;
      }
      if ("error" in slot) throw slot.error;
      return slot.value;
    }
  }
  names.forEach((name, index) => {
    Object.defineProperty(Variables.prototype, name, {
      get(this: Variables) {
        return Variables.read(this, index);
      },
    });
  });
  return Variables;
}

/** The shared environment plus `variables` declared with the given (name, type) fields. */
function environmentWith(ctor: new (context: Record<string, unknown>) => object, fields: Record<string, string>): Environment {
  return celEnvironment().clone().registerType("Variables", { ctor, fields }).registerVariable("variables", "Variables", {
    description: "The policy's variables, each evaluated at most once per resource.",
  });
}

/** Adds the paths of the variables an expression reads (transitively: theirs already include their own variables'). */
export function withVariablePaths(expression: CompiledExpression, byName: ReadonlyMap<string, CompiledExpression>): CompiledExpression {
  if (expression.variables.length === 0) return expression;
  const paths = new Set(expression.paths);
  const readPaths = new Set(expression.readPaths);
  for (const name of expression.variables) {
    const variable = byName.get(name);
    for (const p of variable?.paths ?? []) paths.add(p);
    for (const p of variable?.readPaths ?? []) readPaths.add(p);
  }
  return { ...expression, paths: longestPaths(paths), readPaths: [...readPaths].sort() };
}

/**
 * @throws VariableError for a duplicate or reserved name, a syntax or type error, or a read of a variable declared later
 */
export function compileVariables(specs: readonly { name: string; expression: string }[]): PolicyVariables {
  const names = specs.map((s) => s.name);
  const expressions: CompiledExpression[] = [];
  const byName = new Map<string, CompiledExpression>();
  const fields: Record<string, string> = {};
  specs.forEach((spec, index) => {
    if (names.indexOf(spec.name) !== index) throw new VariableError(index, "name", new ExpressionError("type", `duplicate variable name "${spec.name}"`, 1, 1));
    // A getter named like an Object.prototype member would shadow it (e.g. `constructor`, which cel-js reads).
    if (spec.name in Object.prototype) throw new VariableError(index, "name", new ExpressionError("type", `reserved variable name "${spec.name}"`, 1, 1));
  });
  const ctor = variablesClass(names, expressions);
  specs.forEach((spec, index) => {
    let compiled: CompiledExpression;
    try {
      compiled = compileExpression(spec.expression, "any", environmentWith(ctor, { ...fields }));
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const unknown = /^No such key: (\S+)/.exec(error.message)?.[1];
      const later = unknown !== undefined && names.indexOf(unknown, index) >= 0;
      const message = later ? `variables.${unknown} is declared at or after "${spec.name}"; a variable may read only the ones declared before it` : error.message;
      throw new VariableError(index, "expression", new ExpressionError(error.kind, message, error.line, error.column));
    }
    const expanded = withVariablePaths(compiled, byName);
    expressions.push(expanded);
    byName.set(spec.name, expanded);
    fields[spec.name] = compiled.type;
  });
  return { names, expressions, env: environmentWith(ctor, fields), bind: (context) => new ctor(context) };
}
