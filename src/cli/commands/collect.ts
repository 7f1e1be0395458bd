/** The `wsaudit collect` command: parses scope and credential flags, runs live collection with a progress display on stderr, and writes the inventory atomically. */

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import type { CollectOptions, CollectProgressEvent } from "../../collect/index.js";
import type { Inventory } from "../../inventory/model.js";
import { InputError } from "../../input-error.js";
import { EXIT } from "../exit-codes.js";
import { addAccountsOptions, collectAccountsFromFlags, rejectAccountsFlagsWithoutOutDir, wantsAccountsToDir, type AccountsFlags } from "./collect-accounts.js";

export interface CollectFlags {
  region: string[];
  allRegions?: boolean;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  account: string[];
  accountsFile?: string;
  endpointUrl?: string;
  fips?: boolean;
  tags?: boolean;
  output?: string;
  rate: number;
  burst: number;
  concurrency: number;
  connectTimeout?: number;
  requestTimeout?: number;
  deadline?: number;
  maxAttempts?: number;
}

const repeat = (value: string, previous: string[]): string[] => [...previous, value];

function positiveNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${flag} must be a positive number`);
    return n;
  };
}

/** Reads --accounts-file: one 12-digit account id per line; blank lines and `#` comments are ignored. */
export function readAccountsFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(path, "", `cannot read the accounts file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const out: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") return;
    if (!/^\d{12}$/.test(line)) throw new InputError(path, `line ${i + 1}`, `"${line}" is not a 12-digit AWS account id`);
    out.push(line);
  });
  return out;
}

/** Turns parsed flags into library options; the library validates the rest and throws InputError. */
export function collectOptionsFromFlags(flags: CollectFlags, env: NodeJS.ProcessEnv = process.env): CollectOptions {
  const accounts = [...flags.account, ...(flags.accountsFile !== undefined ? readAccountsFile(flags.accountsFile) : [])];
  const endpointUrl = flags.endpointUrl ?? (env["AWS_ENDPOINT_URL"] || undefined);
  const regions = flags.region.length > 0 || flags.allRegions === true ? flags.region : [env["AWS_REGION"] || env["AWS_DEFAULT_REGION"] || ""].filter((r) => r !== "");
  return {
    regions,
    allRegions: flags.allRegions === true,
    ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
    ...(flags.roleArn !== undefined ? { roleArn: flags.roleArn } : {}),
    ...(flags.externalId !== undefined ? { externalId: flags.externalId } : {}),
    accounts,
    ...(endpointUrl !== undefined ? { endpointUrl } : {}),
    fips: flags.fips === true,
    collectTags: flags.tags === true,
    rateLimit: { ratePerSecond: flags.rate, burst: flags.burst },
    concurrency: flags.concurrency,
    ...(flags.connectTimeout !== undefined ? { connectTimeoutSeconds: flags.connectTimeout } : {}),
    ...(flags.requestTimeout !== undefined ? { requestTimeoutSeconds: flags.requestTimeout } : {}),
    ...(flags.deadline !== undefined ? { deadlineSeconds: flags.deadline } : {}),
    ...(flags.maxAttempts !== undefined ? { maxAttempts: flags.maxAttempts } : {}),
  };
}

/** Progress on stderr: one live line on a terminal, plain lines (no per-call noise) otherwise. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): (event: CollectProgressEvent) => void {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  const line = (e: CollectProgressEvent): string => {
    const t = e.totals;
    return `collect: ${t.unitsDone}/${t.units} account-regions · ${t.calls} calls · ${t.throttles} throttled · ${t.errors} errors`;
  };
  return (event) => {
    if (tty) {
      const now = Date.now();
      if (event.type === "call" && now - lastDraw < 100) return;
      lastDraw = now;
      stream.write(`\r\x1b[2K${line(event)}${event.type === "done" ? "\n" : ""}`);
      return;
    }
    switch (event.type) {
      case "start":
        stream.write(`collect: ${event.accounts} account(s) × ${event.regions.length} region(s): ${event.regions.join(", ")}\n`);
        break;
      case "unit-done":
        stream.write(`collect: done ${event.accountId} ${event.region} (${event.totals.unitsDone}/${event.totals.units})\n`);
        break;
      case "error":
        stream.write(`collect: not collected: ${event.error.service}:${event.error.operation} in ${event.error.accountId} ${event.error.region}: ${event.error.code}\n`);
        break;
      case "done":
        stream.write(`${line(event)}\n`);
        break;
      default:
        break;
    }
  };
}

/** Adds the scope, credential and rate flags shared by `collect` and `scan`. */
export function addCollectOptions(command: Command): Command {
  return command
    .option("--region <region>", "region to collect (repeatable); defaults to AWS_REGION", repeat, [])
    .option("--all-regions", "every region where WorkSpaces is offered (commercial partition)")
    .option("--profile <name>", "named profile for the default credential chain")
    .option("--role-arn <arn>", "role to assume; with --account, the same role name in each member account")
    .option("--account <id>", "member account to collect through --role-arn (repeatable)", repeat, [])
    .option("--accounts-file <path>", "file with one member account id per line")
    .option("--endpoint-url <url>", "send every call to this endpoint (tests, moto); AWS_ENDPOINT_URL is honoured too")
    .option("--fips", "use FIPS endpoints (only us-east-1, us-west-2, us-gov-west-1 have them for WorkSpaces)")
    .option(
      "--tags",
      "also collect the tags of directories, WorkSpaces and IP groups (read by WS-DATA-001 and WS-OPS-005): one WorkSpaces call per resource, " +
        "about N/2 seconds per account and region at 2 calls/s (~83 min for 10,000 WorkSpaces); without it tags are not collected",
    )
    .addOption(new Option("--rate <n>", "WorkSpaces calls per second per account and region").default(2).argParser(positiveNumber("--rate")))
    .addOption(new Option("--burst <n>", "WorkSpaces burst per account and region").default(5).argParser(positiveNumber("--burst")))
    .addOption(new Option("--concurrency <n>", "account-regions collected at once (with --out-dir: accounts, each with its regions in parallel)").default(4).argParser(positiveNumber("--concurrency")))
    .addOption(new Option("--connect-timeout <s>", "seconds one attempt may wait for a connection (default 10); a timed-out attempt is retried").argParser(positiveNumber("--connect-timeout")))
    .addOption(new Option("--request-timeout <s>", "seconds one attempt may take, answer included (default 60); a timed-out attempt is retried").argParser(positiveNumber("--request-timeout")))
    .addOption(new Option("--max-attempts <n>", "attempts per call, retries of throttled, failed and timed-out attempts included (default 10)").argParser(positiveNumber("--max-attempts")))
    .addOption(
      new Option("--deadline <s>", "seconds all calls of one account and region may take (default 3600); later calls fail and are recorded in errors[]").argParser(
        positiveNumber("--deadline"),
      ),
    );
}

/** Collects and writes the inventory atomically; errors propagate to the caller's exit-code mapping. */
export async function collectAndWrite(flags: CollectFlags, output: string, version: string): Promise<Inventory> {
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
  const options = collectOptionsFromFlags(flags);
  // Loaded here, not at start: the AWS SDK clients cost about a second that no other command needs.
  const { collectInventory, writeInventoryAtomic } = await import("../../collect/index.js");
  const inventory = await collectInventory({ ...options, onProgress: progressReporter(), toolVersion: version });
  await writeInventoryAtomic(output, inventory);
  const missing = inventory.errors.filter((e) => e.collections.length > 0).length;
  process.stderr.write(
    `collect: wrote ${output}: ${inventory.workspaces.length} WorkSpaces, ${inventory.directories.length} directories` +
      (missing > 0 ? `; ${missing} call(s) failed, their data is marked not collected in errors[]\n` : "\n"),
  );
  return inventory;
}

export function registerCollect(program: Command): void {
  addAccountsOptions(
    addCollectOptions(
      program
        .command("collect")
        .description("collect a WorkSpaces inventory from live AWS accounts with read-only calls (see iam/wsaudit-readonly-policy.json)"),
    ),
  )
    .option("-o, --output <path>", "inventory file to write", "reports/inventory.json")
    .action(async (flags: CollectFlags & AccountsFlags, command: Command) => {
      if (wantsAccountsToDir(flags)) {
        if (command.getOptionValueSource("output") === "cli") throw new InputError("--output", "", "give either -o FILE (one inventory) or --out-dir DIR (one per account), not both");
        process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
        await collectAccountsFromFlags(flags, collectOptionsFromFlags(flags), command.parent?.version() ?? "0.0.0");
        process.exitCode = EXIT.ok;
        return;
      }
      rejectAccountsFlagsWithoutOutDir(flags);
      await collectAndWrite(flags, flags.output ?? "reports/inventory.json", command.parent?.version() ?? "0.0.0");
      process.exitCode = EXIT.ok;
    });
}
