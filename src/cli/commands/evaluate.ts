/** `wsaudit evaluate`: evaluates saved inventory files offline and writes the requested reports. */

import type { Command } from "commander";
import type { ScanReport } from "../../findings/types.js";
import type { EvaluationRequest } from "../../pipeline/run-evaluation.js";
import { parseSeverities, type PolicySelection } from "../../policy/select-policies.js";
import type { FedrampBaseline } from "../../policy/framework.js";
import { parseFrameworkSelector, type FrameworkSelector } from "../../policy/framework-selectors.js";
import { renderToString, REPORT_FILE_NAMES, reporters, type ReportFormat, type ReportOptions } from "../../report/index.js";
import { InputError } from "../../input-error.js";
import { exitCodeFor } from "../gate.js";
import { collect, parseFailOn, parseFedrampBaseline, parseFormats, parseNow, type FailOn } from "../options.js";
import { writeOutputs, type OutputContent } from "../write-outputs.js";
import { addSecurityHubOptions, checkSecurityHubFlags, importSecurityHubIfRequested, type SecurityHubFlags } from "../import-security-hub.js";

export interface ReportingFlags extends SecurityHubFlags {
  pack: string[];
  params?: string;
  policy: string[];
  skipPolicy: string[];
  severity?: string;
  waivers?: string;
  attestations?: string;
  baseline?: string;
  failOnNew?: boolean;
  fedrampBaseline?: string;
  framework: string[];
  format: string;
  outDir: string;
  failOn: string;
  now?: string;
  sarifLocation: string;
  sarifCategory?: string;
  sarifWaived: string;
  quiet?: boolean;
  includePassed?: boolean;
}

/** Adds the report and gating flags shared by `evaluate` and `scan`. */
export function addReportingOptions(command: Command): Command {
  return addSecurityHubOptions(command)
    .option("--pack <name|path>", "policy pack: a shipped pack name or a folder/file of policies (repeatable; default: workspaces-best-practices)", collect, [])
    .option("--params <file>", "YAML/JSON file of param overrides: POLICY-ID: {param: value}")
    .option("--policy <id|glob>", "evaluate only these policies (id, name or glob such as WS-SG-*; repeatable)", collect, [])
    .option("--skip-policy <id|glob>", "do not evaluate these policies (repeatable)", collect, [])
    .option("--severity <list>", "evaluate only policies of these severities, e.g. critical,high")
    .option("--framework <name>", "report a compliance view (repeatable): nist-800-53, fedramp-low|moderate|high, cis-aws-euc-1.2.0, aws-fsbp; see `wsaudit frameworks list`", collect, [])
    .option("--fedramp-baseline <level>", "alias of --framework fedramp-LEVEL (low, moderate, high): evaluate the policies giving evidence for the baseline and report its controls")
    .option("--waivers <file>", "YAML waivers: accepted exceptions with justification, owner and expiry")
    .option("--attestations <file>", "YAML attestations deciding manual controls")
    .option("--baseline <file>", "a previous run's wsaudit.json: mark failures new or unchanged, list fixed ones")
    .option("--fail-on-new", "with --baseline: exit 1 only for new failures at or above --fail-on")
    .option("--format <list>", "comma-separated report formats: text, json, sarif, html, junit, asff (Security Hub), ocsf (Security Lake, SIEMs), csv", "text,json,sarif")
    .option("--out-dir <dir>", "folder the reports are written to", "reports")
    .option("--fail-on <severity>", "exit 1 when a result at or above this severity fails: critical, high, medium, low, info, none", "info")
    .option("--now <iso-8601>", "evaluation time, for reproducible output (default: the clock)")
    .option("--sarif-location <mode>", "SARIF result location: policy (the policy's YAML line) or inventory", "policy")
    .option("--sarif-category <id>", "SARIF automationDetails category (default: the account ids)")
    .option("--sarif-waived <mode>", "waived results in SARIF: suppressed (kept, with the waiver as a suppression) or omit", "suppressed")
    .option("--include-passed", "list pass and not-applicable results in the reports too (without evidence); by default they are counted per policy, account and region")
    .option("-q, --quiet", "do not print the summary to stdout");
}

export interface ParsedReporting {
  formats: ReportFormat[];
  failOn: FailOn;
  failOnNew: boolean;
  selection: PolicySelection;
  fedrampBaseline?: FedrampBaseline;
  frameworks: FrameworkSelector[];
  now: Date;
  reportOptions: ReportOptions;
}

export function parseReportingFlags(flags: ReportingFlags): ParsedReporting {
  checkSecurityHubFlags(flags);
  if (flags.sarifLocation !== "policy" && flags.sarifLocation !== "inventory") {
    throw new InputError("--sarif-location", flags.sarifLocation, "expected policy or inventory");
  }
  if (flags.sarifWaived !== "suppressed" && flags.sarifWaived !== "omit") throw new InputError("--sarif-waived", flags.sarifWaived, "expected suppressed or omit");
  const reportOptions: ReportOptions = { sarifLocation: flags.sarifLocation, sarifWaived: flags.sarifWaived, color: process.stdout.isTTY };
  if (flags.sarifCategory !== undefined) reportOptions.sarifCategory = flags.sarifCategory;
  if (flags.failOnNew === true && flags.baseline === undefined) throw new InputError("--fail-on-new", "", "needs --baseline PREVIOUS.json to tell new failures from old ones");
  const selection: PolicySelection = { policies: flags.policy, skip: flags.skipPolicy };
  if (flags.severity !== undefined) selection.severities = parseSeverities(flags.severity);
  const frameworks = (flags.framework ?? []).map((name) => parseFrameworkSelector(name));
  const parsed: ParsedReporting = { formats: parseFormats(flags.format), failOn: parseFailOn(flags.failOn), failOnNew: flags.failOnNew === true, selection, frameworks, now: parseNow(flags.now), reportOptions };
  if (flags.fedrampBaseline !== undefined) parsed.fedrampBaseline = parseFedrampBaseline(flags.fedrampBaseline);
  return parsed;
}

/** The library request for the flags shared by `evaluate` and `scan`. */
export function evaluationRequest(inventoryFiles: string[], flags: ReportingFlags, parsed: ParsedReporting): EvaluationRequest {
  const request: EvaluationRequest = { inventoryFiles, packs: flags.pack, now: parsed.now, selection: parsed.selection };
  if (flags.params !== undefined) request.paramsFile = flags.params;
  if (flags.waivers !== undefined) request.waiversFile = flags.waivers;
  if (flags.attestations !== undefined) request.attestationsFile = flags.attestations;
  if (flags.baseline !== undefined) request.baselineFile = flags.baseline;
  if (parsed.fedrampBaseline !== undefined) request.fedrampBaseline = parsed.fedrampBaseline;
  if (flags.includePassed === true) request.includePassed = true;
  if (parsed.frameworks.length > 0) request.frameworks = parsed.frameworks;
  return request;
}

/** Streams every format to its temporary file, then replaces the set of reports as a whole; prints the summary; returns the exit code. */
export function emitReports(report: ScanReport, parsed: ParsedReporting, flags: ReportingFlags): number {
  const files: Record<string, OutputContent> = {};
  for (const format of parsed.formats) {
    files[REPORT_FILE_NAMES[format]] = (write) => reporters[format](report, { ...parsed.reportOptions, color: false }, { write });
  }
  const written = writeOutputs(flags.outDir, files);
  if (flags.quiet !== true) {
    process.stdout.write(renderToString(reporters.text, report, parsed.reportOptions));
    process.stdout.write(`\nReports: ${written.join(", ")}\n`);
  }
  return exitCodeFor(report, parsed.failOn, parsed.failOnNew);
}

export function registerEvaluate(program: Command): void {
  addReportingOptions(
    program
      .command("evaluate")
      .description("evaluate saved inventory files or folders of them (several evaluate as one) against policy packs, offline")
      .argument("<inventory...>", "inventory JSON files written by `wsaudit collect`, or folders of them (`collect --out-dir`: one file per account)"),
  ).action(async (inventoryFiles: string[], flags: ReportingFlags) => {
    const parsed = parseReportingFlags(flags);
    // The pipeline (Ajv, CEL, YAML) loads when a command needs it, so `--help` starts at once.
    const { runEvaluation } = await import("../../pipeline/run-evaluation.js");
    const report = runEvaluation(evaluationRequest(inventoryFiles, flags, parsed));
    process.exitCode = await importSecurityHubIfRequested(report, flags, emitReports(report, parsed, flags));
  });
}
