// Golden files for every report format from one fixed scan report, and byte-identical output on a second render.
import { describe, expect, it } from "vitest";
import { renderToString } from "../../src/report/render-to-string.js";
import { REPORT_FILE_NAMES, REPORT_FORMATS, isReportFormat, reporters } from "../../src/report/index.js";
import type { ReportFormat } from "../../src/report/index.js";
import { SCAN_REPORT } from "../fixtures/scan-report.js";

const GOLDEN: Record<ReportFormat, string> = {
  asff: "report.asff.json",
  csv: "report.csv",
  html: "report.html",
  json: "report.json",
  junit: "report.junit.xml",
  ocsf: "report.ocsf.json",
  sarif: "report.sarif",
  text: "report.txt",
};

describe("report formats", () => {
  it("registers every format with a file name and a golden file", () => {
    expect(REPORT_FORMATS).toEqual(["asff", "csv", "html", "json", "junit", "ocsf", "sarif", "text"]);
    for (const f of REPORT_FORMATS) {
      expect(REPORT_FILE_NAMES[f]).toMatch(/\S/);
      expect(GOLDEN[f]).toBeDefined();
    }
    expect(new Set(Object.values(REPORT_FILE_NAMES)).size).toBe(REPORT_FORMATS.length);
    expect(isReportFormat("sarif")).toBe(true);
    expect(isReportFormat("toString")).toBe(false);
    expect(isReportFormat("xml")).toBe(false);
  });

  for (const format of Object.keys(GOLDEN) as ReportFormat[]) {
    it(`${format} matches its golden file`, async () => {
      await expect(renderToString(reporters[format], SCAN_REPORT, {})).toMatchFileSnapshot(`../golden/${GOLDEN[format]}`);
    });

    it(`${format} is deterministic and does not depend on input order or mutate the report`, () => {
      const before = JSON.stringify(SCAN_REPORT);
      const first = renderToString(reporters[format], SCAN_REPORT, {});
      const shuffled = { ...SCAN_REPORT, results: [...SCAN_REPORT.results].reverse(), policies: [...SCAN_REPORT.policies].reverse() };
      expect(renderToString(reporters[format], SCAN_REPORT, {})).toBe(first);
      expect(renderToString(reporters[format], shuffled, {})).toBe(first);
      expect(JSON.stringify(SCAN_REPORT)).toBe(before);
    });
  }
});
