/** `wsaudit scan`: collects a live inventory, keeps it beside the reports, then evaluates it exactly as `evaluate` would. */

import { join } from "node:path";
import type { Command } from "commander";
import { addCollectOptions, collectAndWrite, type CollectFlags } from "./collect.js";
import { addReportingOptions, emitReports, evaluationRequest, parseReportingFlags, type ReportingFlags } from "./evaluate.js";
import { importSecurityHubIfRequested } from "../import-security-hub.js";

export function registerScan(program: Command): void {
  addReportingOptions(
    addCollectOptions(
      program.command("scan").description("collect a live inventory (written to OUT-DIR/inventory.json), then evaluate it and write the reports"),
    ),
  )
    .option("-o, --output <path>", "inventory file to write (default: OUT-DIR/inventory.json)")
    .action(async (flags: CollectFlags & ReportingFlags, command: Command) => {
      // Flags are checked before any AWS call, so a typo never costs a collection run.
      const parsed = parseReportingFlags(flags);
      const output = flags.output ?? join(flags.outDir, "inventory.json");
      await collectAndWrite(flags, output, command.parent?.version() ?? "0.0.0");
      const { runEvaluation } = await import("../../pipeline/run-evaluation.js");
      const report = runEvaluation(evaluationRequest([output], flags, parsed));
      process.exitCode = await importSecurityHubIfRequested(report, flags, emitReports(report, parsed, flags), flags.endpointUrl);
    });
}
