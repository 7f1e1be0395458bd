/** `wsaudit policies list | show | validate | test`: inspect, check and test policy packs. */

import type { Command } from "commander";
import { InputError } from "../../input-error.js";
import { basename, dirname } from "node:path";
import type * as LoadPolicies from "../../policy/load-policies.js";
import type { CompiledPolicy } from "../../policy/policy.js";
import { EXIT } from "../exit-codes.js";
import { printable } from "../printable.js";
import { writeOutputs } from "../write-outputs.js";
import { collect } from "../options.js";

const pad = (s: string, n: number): string => s.padEnd(n);

// Policy loading (Ajv, CEL, YAML) is imported by the subcommand that runs, so `--help` starts at once.
const loadPolicySet = async (packs: string[]): Promise<CompiledPolicy[]> => (await import("../../pipeline/run-evaluation.js")).loadPolicySet(packs);
const policyLoader = async (): Promise<typeof LoadPolicies> => import("../../policy/load-policies.js");

async function listPolicies(flags: { pack: string[]; json?: boolean }): Promise<void> {
  const policies = await loadPolicySet(flags.pack);
  if (flags.json === true) {
    process.stdout.write(`${JSON.stringify(policies.map((p) => ({ ...p.meta, manual: p.doc.manual === true })), null, 2)}\n`);
    return;
  }
  for (const p of policies) {
    const kind = p.doc.manual === true ? "manual" : "auto";
    process.stdout.write(`${pad(p.doc.id, 12)} ${pad(p.doc.severity, 8)} ${pad(kind, 6)} ${pad(p.doc.resource, 16)} ${p.doc.title}\n`);
  }
  const manual = policies.filter((p) => p.doc.manual === true).length;
  process.stdout.write(`\n${policies.length} policies (${policies.length - manual} automated, ${manual} manual)\n`);
}

async function showPolicy(id: string, flags: { pack: string[] }): Promise<void> {
  const { dump } = await import("js-yaml");
  const policy = (await loadPolicySet(flags.pack)).find((p) => p.doc.id === id || p.doc.name === id);
  if (!policy) throw new InputError("policies show", id, "no policy with this id or name in the loaded packs; see `wsaudit policies list`");
  process.stdout.write(`# ${policy.meta.source.file}\n`);
  process.stdout.write(dump(policy.doc, { lineWidth: 120, noRefs: true }));
}

async function validatePolicies(paths: string[]): Promise<number> {
  const { loadPolicies, resolvePackLocations } = await policyLoader();
  const { policies, errors } = loadPolicies(resolvePackLocations(paths, "policies validate"));
  for (const e of errors) process.stderr.write(`wsaudit: ${printable(e.message)}\n`);
  if (errors.length > 0) return EXIT.input;
  process.stdout.write(`${policies.length} policies valid\n`);
  return EXIT.ok;
}

async function testPolicies(paths: string[], flags: { verbose?: boolean }): Promise<number> {
  const { loadPolicies, resolvePackLocations } = await policyLoader();
  const { runPolicyTests } = await import("../../policy/policy-tests.js");
  const { policies, errors } = loadPolicies(resolvePackLocations(paths, "policies test"));
  const run = runPolicyTests(policies);
  const problems = [...errors, ...run.problems];
  for (const outcome of run.outcomes) {
    if (!outcome.ok) process.stdout.write(`FAIL ${outcome.policyId} › ${outcome.name}\n     ${outcome.detail ?? ""}\n     (${outcome.file})\n`);
    else if (flags.verbose === true) process.stdout.write(`ok   ${outcome.policyId} › ${outcome.name}\n`);
  }
  for (const e of problems) process.stderr.write(`wsaudit: ${printable(e.message)}\n`);
  const failed = run.outcomes.filter((o) => !o.ok).length;
  process.stdout.write(`${policies.length} policies, ${run.outcomes.length} cases\n${run.outcomes.length - failed} passed, ${failed} failed\n`);
  if (problems.length > 0) return EXIT.input;
  return failed > 0 ? EXIT.findings : EXIT.ok;
}

async function writePolicyDocs(flags: { out?: string }): Promise<void> {
  const { renderPolicyCatalogue } = await import("../../policy/render-policy-catalogue.js");
  const text = renderPolicyCatalogue(await loadPolicySet([]));
  if (flags.out === undefined) process.stdout.write(text);
  else writeOutputs(dirname(flags.out), { [basename(flags.out)]: text });
}

export function registerPolicies(program: Command): void {
  const policies = program.command("policies").description("list, show, validate and test policy packs");
  policies
    .command("list")
    .description("list the policies of the selected packs")
    .option("--pack <name|path>", "pack name or path (repeatable; default: every shipped pack)", collect, [])
    .option("--json", "print the policy metadata as JSON")
    .action(async (flags: { pack: string[]; json?: boolean }) => listPolicies(flags));
  policies
    .command("show")
    .description("print one policy (by id or name)")
    .argument("<id>", "policy id, e.g. WS-ENC-001, or name")
    .option("--pack <name|path>", "pack name or path (repeatable; default: every shipped pack)", collect, [])
    .action(async (id: string, flags: { pack: string[] }) => showPolicy(id, flags));
  policies
    .command("validate")
    .description("check policy files against the schema and compile their CEL; every error names file and line")
    .argument("[path...]", "pack names, folders or files (default: every shipped pack)")
    .action(async (paths: string[]) => {
      process.exitCode = await validatePolicies(paths);
    });
  policies
    .command("docs")
    .description("render the shipped policies as Markdown (docs/policies.md)")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (flags: { out?: string }) => writePolicyDocs(flags));
  policies
    .command("test")
    .description("run the test cases beside each policy (<policy>.test.yaml)")
    .argument("[path...]", "pack names, folders or files (default: every shipped pack)")
    .option("-v, --verbose", "list passing cases too")
    .action(async (paths: string[], flags: { verbose?: boolean }) => {
      process.exitCode = await testPolicies(paths, flags);
    });
}
