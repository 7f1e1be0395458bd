/** `wsaudit frameworks list`: the compliance frameworks `--framework` can report, with their control counts. */

import type { Command } from "commander";

async function listFrameworks(flags: { json?: boolean }): Promise<void> {
  // The framework files are YAML: the parser loads when the command runs, so `--help` starts at once.
  const { FRAMEWORK_SELECTORS, loadFrameworkDefinition } = await import("../../policy/frameworks.js");
  const rows = FRAMEWORK_SELECTORS.map((s) => {
    const def = loadFrameworkDefinition(s.framework);
    const ids = Object.entries(def.controls).filter(([, c]) => (s.baseline === null ? true : c.baselines?.includes(s.baseline) === true));
    // nist-800-53 lists only the controls the evaluated policies map to; its file holds the FedRAMP catalogue subset.
    const controls = s.baseline === null && !def.complete ? null : ids.length;
    return { name: s.name, framework: def.id, title: def.title, baseline: s.baseline, controls, description: s.description };
  });
  if (flags.json === true) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const r of rows) process.stdout.write(`${r.name.padEnd(18)} ${String(r.controls ?? "mapped").padStart(6)}  ${r.description}\n`);
  process.stdout.write("\nUse: wsaudit evaluate INVENTORY --framework NAME (repeatable). Controls without automated evidence are reported as not assessed, never as passed.\n");
}

export function registerFrameworks(program: Command): void {
  const frameworks = program.command("frameworks").description("compliance frameworks the reports can map results to");
  frameworks.command("list").description("list the --framework names with their control counts").option("--json", "print JSON").action(listFrameworks);
}
