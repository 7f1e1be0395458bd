// Attestations decide manual controls while current; otherwise the result stays `manual`, never a pass.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyAttestations, loadAttestations, type Attestation } from "../../../src/governance/attestations.js";
import { result } from "../../helpers/results.js";
import { tempDir } from "../../helpers/temp-files.js";

const now = new Date("2026-06-01T00:00:00Z");
const a = (over: Partial<Attestation>): Attestation => ({ id: "A1", policy: "WS-FED-004", compliant: true, attestedBy: "jane@example.com", attestedAt: "2026-05-01", evidence: "https://wiki/clients", expires: "2026-11-01", ...over });

describe("applyAttestations", () => {
  it("turns a manual result into pass or fail per the attested outcome", () => {
    const rs = [result("WS-FED-004", "d-1", "manual"), result("WS-FED-004", "d-2", "manual")];
    const { results, entries } = applyAttestations(rs, [a({ resources: ["d-1"] }), a({ id: "A2", resources: ["d-2"], compliant: false })], now, () => undefined);
    expect(results.map((r) => r.status)).toEqual(["pass", "fail"]);
    expect(results[0]?.message).toBe("Attested compliant by jane@example.com on 2026-05-01 (evidence: https://wiki/clients; expires 2026-11-01)");
    expect(results[0]?.attestation?.id).toBe("A1");
    expect(entries.map((e) => e.state)).toEqual(["applied", "applied"]);
  });
  it("leaves the result manual when the attestation expired", () => {
    const { results, entries } = applyAttestations([result("WS-FED-004", "d-1", "manual")], [a({ expires: "2026-05-31" })], now, () => undefined);
    expect(results[0]?.status).toBe("manual");
    expect(entries[0]?.state).toBe("expired");
  });
  it("does not touch automated results", () => {
    const { results } = applyAttestations([result("WS-FED-004", "d-1", "fail")], [a({})], now, () => undefined);
    expect(results[0]?.status).toBe("fail");
  });
});

describe("loadAttestations", () => {
  it("rejects an attestation for an automated policy", () => {
    const file = join(tempDir({ "a.yaml": "attestations:\n  - id: A1\n    policy: WS-ENC-001\n    compliant: true\n    attestedBy: j\n    attestedAt: 2026-01-01\n    evidence: e\n    expires: 2027-01-01\n" }), "a.yaml");
    expect(() => loadAttestations(file, ["WS-ENC-001", "WS-FED-004"], ["WS-FED-004"])).toThrow(/a\.yaml: line 2: attestation "A1" names WS-ENC-001, which is not a manual policy/);
  });
});
