// Every shipped JSON Schema is valid draft 2020-12: the product compiles them without the meta-schema check (it cost ~150 ms per start), so CI makes it.
import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";

const files = readdirSync("schemas").filter((f) => f.endsWith(".schema.json"));

describe("shipped schemas", () => {
  it("finds the schemas", () => expect(files).toEqual(expect.arrayContaining(["inventory.schema.json", "policy.schema.json"])));

  it.each(files)("%s is valid against the draft 2020-12 meta-schema", (file) => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
    const schema = JSON.parse(readFileSync(`schemas/${file}`, "utf8")) as object;
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
    // A broken schema is caught too: the check above can fail.
    expect(ajv.validateSchema({ ...schema, type: 42 })).toBe(false);
  });
});
