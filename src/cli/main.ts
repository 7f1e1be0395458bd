/** The wsaudit command line: parses flags, calls the library, maps every outcome to a documented exit code. */

import { Command, CommanderError } from "commander";
import { InputError } from "../input-error.js";
import { PACKAGE_VERSION } from "../package-root.js";
// Only the error class: the collector itself (and the AWS SDK) loads when `collect` or `scan` runs.
import { CollectionAbortedError } from "../collect/collection-aborted-error.js";
import { registerAccounts } from "./commands/accounts.js";
import { registerCollect } from "./commands/collect.js";
import { registerEvaluate } from "./commands/evaluate.js";
import { registerFrameworks } from "./commands/frameworks.js";
import { registerPolicies } from "./commands/policies.js";
import { registerScan } from "./commands/scan.js";
import { EXIT } from "./exit-codes.js";
import { printable } from "./printable.js";

export function buildProgram(): Command {
  const program = new Command()
    .name("wsaudit")
    .description("Policy-as-code compliance scanner for Amazon WorkSpaces: collect an inventory, evaluate YAML + CEL policy packs, write SARIF, HTML, JSON, JUnit and text reports.")
    .version(PACKAGE_VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Exit codes:
  0  no failing result at or above --fail-on, and every policy could decide
  1  at least one failing result at or above --fail-on
  2  usage or input error (the message names the file and the place); nothing was written
  3  evaluation incomplete: some results are "error" (data not collected, or an expression failed)
  4  operational failure (e.g. no AWS credentials, an output folder that cannot be written)`,
    );
  registerCollect(program);
  registerAccounts(program);
  registerEvaluate(program);
  registerScan(program);
  registerPolicies(program);
  registerFrameworks(program);
  program.exitOverride();
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; every other commander error is a usage error.
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help" ? EXIT.ok : EXIT.input;
    }
    if (error instanceof InputError) {
      process.stderr.write(`wsaudit: error: ${printable(error.message)}\n`);
      return EXIT.input;
    }
    if (error instanceof CollectionAbortedError) {
      process.stderr.write(`wsaudit: error: ${printable(error.message)}\n`);
      return EXIT.operational;
    }
    const e = error as NodeJS.ErrnoException;
    process.stderr.write(`wsaudit: error: ${printable(`${e.code !== undefined ? `${e.code}: ` : ""}${e.message.split("\n")[0] ?? "unexpected failure"}`)}\n`);
    return EXIT.operational;
  }
}

// `wsaudit policies list | head` closes stdout early; that is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
