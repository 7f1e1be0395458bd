// The JSON syntax-error locator agrees with JSON.parse on validity and points at the offending character.
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../../src/inventory/json-error-offset.js";

describe("jsonErrorOffset", () => {
  it.each(['{"a": [1, 2.5e3, -0, true, false, null, "x\\"y"]}', "[]", " {} ", '"s"'])("accepts valid JSON %s", (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(jsonErrorOffset(text)).toBe(-1);
  });
  it.each([
    ['{"a": [,]}', 7],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ["[1 2]", 3],
    ['{"a": tru}', 6],
    ['{"a": 01}', 7],
    ['{"a": 1', 7],
    ["{} x", 3],
  ])("points at the error in %s", (text, offset) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});
