/** A small streaming JSON writer: the same text as JSON.stringify(value, null, 2), written to a sink item by item, so no report is one string. */

import type { ReportSink } from "../types.js";

const pad = (depth: number): string => "  ".repeat(depth);

/** What JSON.stringify would leave out of an object (and write as null in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === "function" || typeof v === "symbol";

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== "function";

/** One value rendered whole, indented to sit at `depth`. */
function whole(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return depth === 0 || !text.includes("\n") ? text : text.replace(/\n/g, `\n${pad(depth)}`);
}

/**
 * Writes `value` as JSON.stringify(value, null, 2) would. Arrays are written one element at a time at any depth, the
 * outer objects (down to `objectDepth`) one member at a time; everything below is small and rendered whole.
 */
export function writeJson(sink: ReportSink, value: unknown, depth = 0, objectDepth = 1): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      sink.write("[]");
      return;
    }
    sink.write("[");
    value.forEach((item: unknown, i) => {
      sink.write(`${i > 0 ? "," : ""}\n${pad(depth + 1)}`);
      if (omitted(item)) sink.write("null");
      else writeJson(sink, item, depth + 1, objectDepth);
    });
    sink.write(`\n${pad(depth)}]`);
    return;
  }
  if (depth <= objectDepth && isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => !omitted(value[k]));
    if (keys.length === 0) {
      sink.write("{}");
      return;
    }
    sink.write("{");
    keys.forEach((key, i) => {
      sink.write(`${i > 0 ? "," : ""}\n${pad(depth + 1)}${JSON.stringify(key)}: `);
      writeJson(sink, value[key], depth + 1, objectDepth);
    });
    sink.write(`\n${pad(depth)}}`);
    return;
  }
  sink.write(whole(value, depth));
}
