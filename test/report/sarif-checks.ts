// Shared SARIF checks for the report tests: the OASIS schema validator and GitHub code scanning's upload rules.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Log } from "sarif";

/** The OASIS SARIF 2.1.0 schema is JSON Schema draft 2020-12, hence Ajv2020. */
export function sarifSchemaValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL("../fixtures/sarif-2.1.0.schema.json", import.meta.url), "utf8"));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** The rules from github-sarif.md that reject an upload or break alert tracking. */
export function githubProblems(log: Log): string[] {
  const problems: string[] = [];
  if (log.version !== "2.1.0") problems.push("version");
  if (log.runs.length > 20) problems.push("more than 20 runs");
  for (const run of log.runs) {
    const rules = run.tool.driver.rules ?? [];
    if ((run.results ?? []).length > 25_000) problems.push("more than 25,000 results");
    for (const rule of rules) {
      if (!rule.shortDescription?.text || rule.shortDescription.text.length > 1024) problems.push(`${rule.id}: shortDescription`);
      if (!rule.fullDescription?.text || rule.fullDescription.text.length > 1024) problems.push(`${rule.id}: fullDescription`);
      if (!rule.help?.text) problems.push(`${rule.id}: help.text`);
      if ((rule.name ?? "").length > 255) problems.push(`${rule.id}: name`);
      if ((rule.properties?.tags ?? []).length > 20) problems.push(`${rule.id}: tags`);
      const score = rule.properties?.["security-severity"] as string | undefined;
      if (score !== undefined && !(Number(score) > 0 && Number(score) <= 10)) problems.push(`${rule.id}: security-severity ${score}`);
    }
    for (const r of run.results ?? []) {
      const loc = r.locations?.[0]?.physicalLocation;
      if (r.ruleIndex === undefined || rules[r.ruleIndex]?.id !== r.ruleId) problems.push(`${r.ruleId}: ruleIndex`);
      if (!r.level || !r.message.text) problems.push(`${r.ruleId}: level/message`);
      if (!loc?.artifactLocation?.uri || /^[a-z]+:\/\//i.test(loc.artifactLocation.uri) || loc.artifactLocation.uri.startsWith("/")) problems.push(`${r.ruleId}: uri`);
      if (!(loc?.region?.startLine !== undefined && loc.region.startLine >= 1)) problems.push(`${r.ruleId}: startLine`);
      if ((r.locations ?? []).length > 10) problems.push(`${r.ruleId}: locations`);
      if (!r.partialFingerprints?.primaryLocationLineHash) problems.push(`${r.ruleId}: fingerprint`);
    }
  }
  return problems;
}

