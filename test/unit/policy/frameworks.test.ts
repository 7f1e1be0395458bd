// The shipped framework files: complete titles and families, the CIS and FSBP ids, and mappings to policies that exist.
import { describe, expect, it } from "vitest";
import { loadPolicies, resolvePackLocations } from "../../../src/policy/load-policies.js";
import { FRAMEWORK_SELECTORS, loadFrameworkDefinition, parseFrameworkSelector } from "../../../src/policy/frameworks.js";

const shipped = new Set(loadPolicies(resolvePackLocations([])).policies.map((p) => p.doc.id));

describe("framework files", () => {
  it("give every NIST SP 800-53 Rev. 5 control a title and a family", () => {
    const nist = loadFrameworkDefinition("nist-800-53-r5");
    const untitled = Object.entries(nist.controls).filter(([, c]) => !c.title || !c.family).map(([id]) => id);
    expect(untitled).toEqual([]);
    expect(nist.controls["SC-28"]).toMatchObject({ title: "Protection of Information at Rest", family: "System and Communications Protection" });
  });

  it("list CIS AWS EUC v1.2.0 recommendations 2.1 to 2.18 in order, with 2.1 and 2.11 manual", () => {
    const cis = loadFrameworkDefinition("cis-aws-euc-1.2.0");
    expect(Object.keys(cis.controls)).toEqual(Array.from({ length: 18 }, (_, i) => `2.${i + 1}`));
    expect(Object.entries(cis.controls).filter(([, c]) => c.manual === true).map(([id]) => id)).toEqual(["2.1", "2.11"]);
    // Every recommendation without evidence says why.
    for (const [id, c] of Object.entries(cis.controls)) if ((c.policies ?? []).length === 0 && c.manual !== true) expect(c.note, id).toBeTruthy();
  });

  it("list the AWS FSBP WorkSpaces controls", () => {
    expect(Object.keys(loadFrameworkDefinition("aws-fsbp").controls)).toEqual(["WorkSpaces.1", "WorkSpaces.2"]);
  });

  it("map only policies that ship", () => {
    for (const id of ["cis-aws-euc-1.2.0", "aws-fsbp"]) {
      for (const [cid, c] of Object.entries(loadFrameworkDefinition(id).controls)) for (const p of c.policies ?? []) expect(shipped.has(p), `${id} ${cid} → ${p}`).toBe(true);
    }
  });

  it("resolve every --framework name, case-insensitively, and reject others", () => {
    for (const s of FRAMEWORK_SELECTORS) expect(loadFrameworkDefinition(s.framework).id).toBe(s.framework);
    expect(parseFrameworkSelector("FedRAMP-High").baseline).toBe("HIGH");
    expect(() => parseFrameworkSelector("pci")).toThrow(/unknown framework/);
  });
});
