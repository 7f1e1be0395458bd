// The layer allow-lists in eslint-layers.js cover every folder and module of src/ and reject an import against the flow.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importViolation, LAYERS, layerOf } from "../../eslint-layers.js";

const SRC = resolve(import.meta.dirname, "../../src");
const at = (layer: string, file = "x.ts"): string => join(SRC, layer, file);

describe("layer allow-lists", () => {
  it("name every folder and top-level module of src/, and nothing else", () => {
    const layers = readdirSync(SRC).map((name) => name.replace(/\.ts$/, "")).sort();
    expect(Object.keys(LAYERS).sort()).toEqual(layers);
  });

  it("only allow importing layers that exist", () => {
    for (const [layer, rules] of Object.entries(LAYERS)) for (const target of rules.imports) expect(LAYERS, `${layer} -> ${target}`).toHaveProperty(target);
  });

  it("allow the one-way flow and reject the way back", () => {
    expect(importViolation(at("policy"), "../inventory/model.js")).toBeNull();
    expect(importViolation(at("policy", "sub/y.ts"), "../evaluate.js")).toBeNull();
    expect(importViolation(at("inventory"), "../policy/evaluate.js")).toMatch(/src\/inventory may import only shared, input-error, package-root, not policy/);
    expect(importViolation(at("report"), "../cli/main.js")).toMatch(/not cli/);
    expect(importViolation(at("governance"), "../pipeline/run-evaluation.js")).toMatch(/not pipeline/);
    expect(importViolation(at("pipeline"), "../report/json.js")).toMatch(/not report/);
  });

  it("allow packages per layer: the SDK only in collect, CEL only in policy, no file system in reporters", () => {
    expect(importViolation(at("collect"), "@aws-sdk/client-ec2")).toBeNull();
    expect(importViolation(at("policy"), "@aws-sdk/client-ec2")).toMatch(/not "@aws-sdk\/client-ec2"/);
    expect(importViolation(at("policy"), "@marcbachmann/cel-js")).toBeNull();
    expect(importViolation(at("inventory"), "@marcbachmann/cel-js")).not.toBeNull();
    expect(importViolation(at("report"), "node:fs")).not.toBeNull();
    expect(importViolation(at("shared"), "ajv/dist/2020.js")).toBeNull();
  });

  it("reject a file in an undeclared folder", () => {
    expect(layerOf(at("newfolder"))).toBe("newfolder");
    expect(importViolation(at("newfolder"), "node:fs")).toMatch(/src\/newfolder is not in eslint-layers\.js/);
  });
});
