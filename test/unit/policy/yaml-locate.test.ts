// Line lookup for load errors: a path into YAML text gives the line a user should look at.
import { describe, expect, it } from "vitest";
import { locateYamlPath } from "../../../src/shared/yaml-locate.js";

const text = [
  "id: X-1", // 1
  "params:", // 2
  "  minPrefix:", // 3
  "    default: 16", // 4
  "    description: smallest prefix", // 5
  "references:", // 6
  "  - title: first", // 7
  "  - title: second", // 8
  "    url: https://example.com", // 9
  "assert: |", // 10
  "  true", // 11
].join("\n");

describe("locateYamlPath", () => {
  it("finds top-level and nested keys", () => {
    expect(locateYamlPath(text, ["id"])).toBe(1);
    expect(locateYamlPath(text, ["params", "minPrefix", "description"])).toBe(5);
    expect(locateYamlPath(text, ["assert"])).toBe(10);
  });
  it("finds list items and keys inside them", () => {
    expect(locateYamlPath(text, ["references", 1])).toBe(8);
    expect(locateYamlPath(text, ["references", 1, "url"])).toBe(9);
  });
  it("falls back to the deepest match, or line 1", () => {
    expect(locateYamlPath(text, ["params", "nope"])).toBe(2);
    expect(locateYamlPath(text, ["nothing"])).toBe(1);
  });
  it("does not match a key of another block", () => {
    expect(locateYamlPath(text, ["references", "default"])).toBe(6);
  });
});
