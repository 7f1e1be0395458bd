/** The JUnit XML reporter: one test suite per policy, one test case per resource (waived and manual ones skipped with why), plus a suite for collection errors. */

import type { PolicyMeta, Result } from "../findings/types.js";
import type { Reporter } from "./types.js";
import { sortResults } from "../findings/sort-results.js";
import { describeCollectionError, sortCollectionErrors } from "./shared/describe-collection-error.js";
import { sortPolicies } from "./shared/policy-index.js";
import { xmlEscape as x } from "./shared/xml-escape.js";

const SKIPPED: ReadonlySet<Result["status"]> = new Set(["not_applicable", "waived", "manual"]);

/** Why a result is skipped: a waiver says who accepted it and why; a manual result still needs someone to attest. */
function skipReason(r: Result): string {
  if (r.status === "waived") {
    const w = r.waiver;
    return w !== undefined ? `waived by ${w.id} (owner ${w.owner}, until ${w.expires}): ${w.justification}` : `waived: ${r.message}`;
  }
  if (r.status === "manual") return `needs attestation: ${r.message}`;
  return `not applicable: ${r.message}`;
}

function testcase(r: Result, policy: PolicyMeta | undefined): string {
  const name = `${r.resourceId} (${r.accountId}/${r.region})`;
  const open = `    <testcase classname="${x(r.policyId)}" name="${x(name)}" time="0">`;
  const detail = [
    policy !== undefined ? `${policy.title}` : r.policyId,
    `Resource: ${r.resourceType} ${r.resourceId}, account ${r.accountId}, region ${r.region}`,
    `Message: ${r.message}`,
    policy !== undefined ? `Remediation: ${policy.remediation}` : undefined,
    `Evidence: ${JSON.stringify(r.evidence)}`,
    r.attestation !== undefined
      ? `Attestation: ${r.attestation.id} by ${r.attestation.attestedBy} on ${r.attestation.attestedAt}, evidence ${r.attestation.evidence}, expires ${r.attestation.expires}`
      : undefined,
    r.baselineState !== undefined ? `Baseline: ${r.baselineState}` : undefined,
  ]
    .filter((l) => l !== undefined)
    .join("\n");
  switch (r.status) {
    case "fail":
      return `${open}\n      <failure message="${x(r.message)}" type="${x(r.severity)}">${x(detail)}</failure>\n    </testcase>`;
    case "error":
      return `${open}\n      <error message="${x(r.message)}" type="evaluation-error">${x(detail)}</error>\n    </testcase>`;
    case "pass":
      return `${open}</testcase>`;
    default:
      return `${open}\n      <skipped message="${x(skipReason(r))}"/>\n    </testcase>`;
  }
}

function suite(name: string, results: readonly Result[], body: string[], timestamp: string): string {
  const count = (s: Result["status"][]): number => results.filter((r) => s.includes(r.status)).length;
  return [
    `  <testsuite name="${x(name)}" tests="${results.length}" failures="${count(["fail"])}" errors="${count(["error"])}" skipped="${count(["not_applicable", "waived", "manual"])}" time="0" timestamp="${x(timestamp)}">`,
    ...body,
    "  </testsuite>",
  ].join("\n");
}

export const junitReporter: Reporter = (report, _options, sink) => {
  const results = sortResults(report.results);
  const suites: string[] = [];
  const known = new Set(report.policies.map((p) => p.id));
  const ids = [...sortPolicies(report.policies).map((p) => p.id), ...[...new Set(results.map((r) => r.policyId))].filter((id) => !known.has(id)).sort()];
  const byId = new Map(report.policies.map((p) => [p.id, p]));
  for (const id of ids) {
    const policy = byId.get(id);
    const mine = results.filter((r) => r.policyId === id);
    const name = policy !== undefined ? `${id}: ${policy.title}` : id;
    suites.push(suite(name, mine, mine.map((r) => testcase(r, policy)), report.generatedAt));
  }
  const errors = sortCollectionErrors(report.inventory.errors);
  if (errors.length > 0) {
    const cases = errors.map((e) => {
      const text = describeCollectionError(e);
      return `    <testcase classname="wsaudit.collection" name="${x(`${e.service}:${e.operation} ${e.accountId}/${e.region}`)}" time="0">\n      <error message="${x(text)}" type="${x(e.code)}">${x(text)}</error>\n    </testcase>`;
    });
    suites.push(
      `  <testsuite name="wsaudit.collection" tests="${errors.length}" failures="0" errors="${errors.length}" skipped="0" time="0" timestamp="${x(report.generatedAt)}">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  const failures = results.filter((r) => r.status === "fail").length;
  const errorCount = results.filter((r) => r.status === "error").length + errors.length;
  const skipped = results.filter((r) => SKIPPED.has(r.status)).length;
  sink.write([
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(report.tool.name)}" tests="${results.length + errors.length}" failures="${failures}" errors="${errorCount}" skipped="${skipped}" time="0">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n"));
};
