// Meta-tests that keep the catalogue honest: every catalogue control is a policy or says why not; ids, controls, sources and docs agree.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { load } from "js-yaml";
import { loadFramework } from "../../src/policy/framework.js";
import { loadPolicies, resolvePackLocations } from "../../src/policy/load-policies.js";
import { renderPolicyCatalogue } from "../../src/policy/render-policy-catalogue.js";
import { testFileOf } from "../../src/policy/policy-tests.js";

const { policies } = loadPolicies(resolvePackLocations([]));
const mapping = (load(readFileSync("frameworks/workspaces-control-mapping.yaml", "utf8")) as { mapping: Record<string, { nist: string[]; note?: string }> }).mapping;
const notAutomated = load(readFileSync("frameworks/not-automated.yaml", "utf8")) as Record<string, string>;
const framework = loadFramework();
/** Hosts whose pages anyone can open: AWS documentation and compliance pages, NIST, CIS. */
const PUBLIC_HOSTS = ["docs.aws.amazon.com", "aws.amazon.com", "nist.gov", "cisecurity.org"];
/** Copies of source documents (seeds/...), their bracketed ids ([002]) and line citations (L123) are not public. */
const INTERNAL_FILE = /seeds\/|\.txt\b|\[00\d\]|\(L\d+/;

describe("policy catalogue", () => {
  it("gives every catalogue control a policy, or a reason in frameworks/not-automated.yaml", () => {
    const shipped = new Set(policies.map((p) => p.doc.id));
    const missing = Object.keys(mapping).filter((id) => !shipped.has(id) && !(id in notAutomated));
    expect(missing).toEqual([]);
    for (const id of Object.keys(notAutomated)) expect(shipped.has(id), `${id} is listed as not automated but ships`).toBe(false);
  });

  it("ships at least 75 automated policies and the manual ones", () => {
    expect(policies.filter((p) => p.doc.manual !== true).length).toBeGreaterThanOrEqual(75);
    expect(policies.filter((p) => p.doc.manual === true).map((p) => p.doc.id)).toEqual(expect.arrayContaining(["WS-FED-004", "WS-ENC-011", "WS-DEV-005", "WS-SG-014"]));
  });

  for (const p of policies) {
    describe(p.doc.id, () => {
      it("maps exactly the NIST controls of the catalogue mapping, or explains an empty list", () => {
        const expected = mapping[p.doc.id]?.nist;
        if (expected !== undefined) expect([...p.doc.controls].sort()).toEqual([...expected].sort());
        if (p.doc.controls.length === 0) expect(p.doc.controlsNote ?? "", "controlsNote").not.toBe("");
        for (const c of p.doc.controls) expect(framework.controls[c], `${c} is not in frameworks/`).toBeDefined();
      });
      it("cites public documentation (https, allowed host, a section) and never an internal file, and gives a severity reason", () => {
        expect(p.doc.references.some((r) => r.url !== undefined && (r.section ?? "") !== "")).toBe(true);
        for (const r of p.doc.references) {
          expect(r.url, r.title).toBeDefined();
          const url = new URL(r.url ?? "");
          expect(url.protocol, r.url).toBe("https:");
          expect(PUBLIC_HOSTS.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`)), `${r.url} is not on a public AWS/NIST/CIS host`).toBe(true);
          for (const text of [r.title, r.document ?? "", r.section ?? "", r.url ?? ""]) expect(text, r.title).not.toMatch(INTERNAL_FILE);
        }
        // No text a report shows may name an internal file either.
        for (const text of [p.doc.title, p.doc.description, p.doc.remediation, p.doc.message ?? "", p.doc.controlsNote ?? ""]) expect(text).not.toMatch(INTERNAL_FILE);
        expect(p.doc.severityReason ?? "").not.toBe("");
      });
      it("is tested pass, fail, error on missing data, and not applicable when it has a match", () => {
        const cases = (load(readFileSync(testFileOf(p.file), "utf8")) as { cases: { expect: string }[] }).cases.map((c) => c.expect);
        const needed = p.doc.manual === true ? ["manual"] : ["pass", "fail", "error", ...(p.doc.match !== undefined ? ["not_applicable"] : [])];
        expect(needed.filter((e) => !cases.includes(e))).toEqual([]);
      });
      it("names its file after its id", () => {
        expect(p.file.split("/").pop()?.startsWith(`${p.doc.id.toLowerCase()}-`)).toBe(true);
      });
    });
  }

  it("keeps docs/policies.md current (regenerate: node bin/wsaudit.js policies docs --out docs/policies.md)", () => {
    expect(readFileSync("docs/policies.md", "utf8")).toBe(renderPolicyCatalogue(policies));
  });
});
