/** Keys for memoizing a policy's decision: the identities and values of everything its expressions can read. */

/**
 * A CEL expression is pure, and the resolved inventory does not change during evaluation, so its value is a function of
 * the values at the `resource` paths it reads (see compile-expression's `readPaths`; `params` and `now` are fixed per
 * run). Objects are keyed by identity, arrays by their elements, primitives by type and value. Thousands of WorkSpaces
 * sharing a directory and the same security groups then share one evaluation.
 */
export class MemoKeys {
  private readonly ids = new WeakMap<object, number>();
  private next = 0;

  private identity(value: object): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(value, id);
    }
    return id;
  }

  private part(value: unknown): string {
    if (value === undefined) return "u";
    if (value === null) return "n";
    switch (typeof value) {
      case "string":
        return `s${value.length}:${value}`;
      case "number":
      case "bigint":
      case "boolean":
        return `${(typeof value)[0] ?? ""}${String(value)}`;
      case "object":
        return Array.isArray(value) ? `[${(value as unknown[]).map((v) => this.part(v)).join(",")}]` : `o${this.identity(value)}`;
      default:
        // Functions and symbols never come out of an inventory; key them by identity to stay safe.
        return `x${this.identity(value)}`;
    }
  }

  /** @param segments each read path, split; an absent segment is distinct from null */
  key(context: Record<string, unknown>, segments: readonly (readonly string[])[]): string {
    const parts: string[] = [];
    for (const path of segments) {
      let current: unknown = context;
      let absent = false;
      for (const segment of path) {
        if (current === null || current === undefined || typeof current !== "object" || !(segment in current)) {
          absent = current !== null;
          current = undefined;
          break;
        }
        current = (current as Record<string, unknown>)[segment];
      }
      parts.push(absent ? "A" : this.part(current));
    }
    return parts.join("|");
  }
}
