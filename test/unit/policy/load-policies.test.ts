// Bad policy packs fail at load time with one line naming the file and the line; good ones compile once.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/input-error.js";
import { loadPolicies, resolvePackLocations } from "../../../src/policy/load-policies.js";
import { policyYaml } from "../../helpers/policy-text.js";
import { tempDir } from "../../helpers/temp-files.js";

function loadOne(text: string): { message: string; error: InputError | undefined } {
  const dir = tempDir({ "p.yaml": text });
  const { errors } = loadPolicies([dir], dir);
  return { message: errors[0]?.message ?? "", error: errors[0] };
}

describe("loadPolicies", () => {
  it("loads a valid policy with its metadata, params defaults and read paths", () => {
    const dir = tempDir({ "pack/p.yaml": policyYaml({ params: "\n  limit:\n    default: 3\n    description: a limit" }) });
    const { policies, errors } = loadPolicies([join(dir, "pack")], dir);
    expect(errors).toEqual([]);
    expect(policies[0]?.meta).toMatchObject({ id: "ACME-001", pack: "pack", source: { file: "pack/p.yaml", line: 1 } });
    expect(policies[0]?.params).toEqual({ limit: 3 });
    expect(policies[0]?.assert?.paths).toEqual(["resource.rootVolumeEncrypted"]);
  });

  it("rejects malformed YAML with line and column", () => {
    const { message, error } = loadOne("id: X-1\ntitle: [unclosed\nseverity: high\n");
    expect(error).toBeInstanceOf(InputError);
    expect(message).toMatch(/p\.yaml: line \d+ column \d+: malformed YAML/);
  });

  it("rejects an unknown key, naming it and its line", () => {
    const { message } = loadOne(policyYaml({ asert: "true" }));
    expect(message).toMatch(/p\.yaml: line 13 \(\/\): invalid policy: unknown property "asert"/);
  });

  it("rejects a missing required field", () => {
    const { message } = loadOne(policyYaml({ remediation: "" }));
    expect(message).toContain('missing required property "remediation"');
  });

  it("rejects a bad severity at its line", () => {
    const { message } = loadOne(policyYaml({ severity: "severe" }));
    expect(message).toMatch(/line 5 \(\/severity\)/);
  });

  it("rejects an unknown resource type, listing the known ones", () => {
    const { message } = loadOne(policyYaml({ resource: "desktop" }));
    expect(message).toMatch(/p\.yaml: line 6: unknown resource type "desktop"; known types: accountRegion, alarm, bundle, dhcpOptions/);
  });

  it("rejects a CEL syntax error with the line and column inside the file", () => {
    const { message } = loadOne(policyYaml({ assert: "resource.rootVolumeEncrypted ==" }));
    expect(message).toMatch(/p\.yaml: line 7 column \d+: CEL syntax error in assert:/);
  });

  it("counts lines inside a block scalar expression", () => {
    const { message } = loadOne(policyYaml({ assert: "|\n  resource.a == 1 &&\n  resource.b ==" }));
    expect(message).toMatch(/line 9 column \d+: CEL syntax error in assert/);
  });

  it("rejects an unknown CEL function at load time, not at evaluation", () => {
    const { message } = loadOne(policyYaml({ assert: "isCidr(resource.x)" }));
    expect(message).toMatch(/CEL type error in assert: .*isCidr/);
  });

  it("rejects an assert that cannot be a bool", () => {
    const { message } = loadOne(policyYaml({ assert: `"'yes'"` }));
    expect(message).toContain("expression returns string, expected bool");
  });

  it("rejects duplicate ids, naming both files", () => {
    const dir = tempDir({ "a.yaml": policyYaml(), "b.yaml": policyYaml({ name: "other" }) });
    const { errors } = loadPolicies([dir], dir);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/b\.yaml: line 1: duplicate policy id ACME-001, also defined in a\.yaml/)]);
  });

  it("loads the same folder given twice only once", () => {
    const dir = tempDir({ "a.yaml": policyYaml() });
    expect(loadPolicies([dir, dir], dir).errors).toEqual([]);
  });

  it("rejects an unknown pack name", () => {
    expect(() => resolvePackLocations(["no-such-pack"])).toThrow(/--pack: no-such-pack: no such pack or path; shipped packs: fedramp, workspaces-best-practices/);
  });
});

describe("pack manifests", () => {
  it("includes policies of another pack by id", () => {
    const dir = tempDir({
      "base/pack.yaml": "name: base\ntitle: Base\ndescription: Base pack\n",
      "base/a.yaml": policyYaml(),
      "base/b.yaml": policyYaml({ id: "ACME-002", name: "b" }),
      "mine/pack.yaml": "name: mine\ntitle: Mine\ndescription: Mine\ninclude:\n  - pack: ../base\n    policies: [ACME-002]\n",
      "mine/c.yaml": policyYaml({ id: "ACME-003", name: "c" }),
    });
    const { policies, errors } = loadPolicies([join(dir, "mine")], dir);
    expect(errors).toEqual([]);
    expect(policies.map((p) => [p.doc.id, p.meta.pack])).toEqual([["ACME-002", "base"], ["ACME-003", "mine"]]);
  });

  it("rejects an include of an id the other pack does not have, at its line", () => {
    const dir = tempDir({
      "base/pack.yaml": "name: base\ntitle: Base\ndescription: Base pack\n",
      "base/a.yaml": policyYaml(),
      "mine/pack.yaml": "name: mine\ntitle: Mine\ndescription: Mine\ninclude:\n  - pack: ../base\n    policies: [ACME-001, ACME-009]\n",
    });
    const { errors } = loadPolicies([join(dir, "mine")], dir);
    expect(errors[0]?.message).toMatch(/mine\/pack\.yaml: line \d+: pack "\.\.\/base" has no policy ACME-009/);
  });

  it("rejects an unknown key in pack.yaml", () => {
    const dir = tempDir({ "mine/pack.yaml": "name: mine\ntitle: Mine\ndescription: Mine\nincludes: []\n", "mine/a.yaml": policyYaml() });
    expect(loadPolicies([join(dir, "mine")], dir).errors[0]?.message).toMatch(/pack\.yaml: line 4 \(\/\): invalid pack manifest: unknown property "includes"/);
  });
});
