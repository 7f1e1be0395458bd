/** `collect --organization | --out-dir`: per-account inventories and a manifest, with discovery, shards and resume; the SDK-backed code is loaded only when it runs. */

import type { Command } from "commander";
import type { AccountsProgressEvent, AccountsToDirResult } from "../../collect/organization/index.js";
import type { CollectOptions } from "../../collect/collect-options.js";
import { InputError } from "../../input-error.js";
import { collect } from "../options.js";

export interface AccountsFlags {
  organization?: boolean;
  ou: string[];
  excludeAccount: string[];
  roleName?: string;
  externalId?: string;
  outDir?: string;
  resume?: boolean;
  shard?: string;
}

/** The organization, per-account output, shard and resume flags of `collect`. */
export function addAccountsOptions(command: Command): Command {
  return command
    .option("--organization", "discover the ACTIVE accounts through AWS Organizations (run with management or delegated-administrator credentials)")
    .option("--ou <id>", "with --organization: only the accounts under this OU or root, its whole subtree (repeatable)", collect, [])
    .option("--exclude-account <id>", "do not collect this account (repeatable)", collect, [])
    .option("--role-name <name>", "role to assume in each account: arn:<partition>:iam::<account>:role/<name> (the account running the scan uses its own credentials)")
    .option("--external-id <id>", "external id the role's trust policy requires")
    .option("--out-dir <dir>", "write one inventory per account, DIR/<account-id>.json, as each finishes, plus DIR/manifest.json")
    .option("--resume", "with --out-dir: skip accounts whose inventory is already complete (manifest, schema, account and regions checked)")
    .option("--shard <index/count>", "collect only this 0-based share of the sorted account list, e.g. 0/4 .. 3/4 (JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, a matrix index)");
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/** Progress on stderr: a live line with accounts done/total, errors and an ETA on a terminal; one line per account otherwise. */
export function accountsProgressReporter(stream: NodeJS.WriteStream = process.stderr, clock: () => number = Date.now): (event: AccountsProgressEvent) => void {
  const tty = stream.isTTY === true;
  const started = clock();
  let lastDraw = 0;
  const line = (e: AccountsProgressEvent): string => {
    const t = e.totals;
    const collected = t.done - t.resumed;
    const remaining = t.accounts - t.done;
    const eta = collected > 0 && remaining > 0 ? ` · ETA ${duration(((clock() - started) / collected) * remaining)}` : "";
    return `collect: ${t.done}/${t.accounts} accounts · ${t.failed} failed · ${t.callErrors} call errors${t.resumed > 0 ? ` · ${t.resumed} resumed` : ""}${eta}`;
  };
  return (event) => {
    if (tty) {
      const now = clock();
      if (event.type === "call" && now - lastDraw < 200) return;
      lastDraw = now;
      stream.write(`\r\x1b[2K${line(event)}${event.type === "done" ? "\n" : ""}`);
      return;
    }
    switch (event.type) {
      case "start":
        stream.write(
          `collect: ${event.totals.accounts} account(s)${event.shard ? ` in shard ${event.shard.index}/${event.shard.count}` : ""} × ${event.regions.length} region(s)` +
            `${event.totals.resumed > 0 ? `, ${event.totals.resumed} already complete (--resume)` : ""}\n`,
        );
        break;
      case "account-done": {
        const a = event.account;
        const what = a.status === "failed" ? `FAILED (${a.failure?.code ?? "error"}: ${a.failure?.message ?? ""})` : "done";
        stream.write(`collect: ${a.accountId} ${what} (${event.totals.done}/${event.totals.accounts})\n`);
        break;
      }
      case "done":
        stream.write(`${line(event)}\n`);
        break;
      default:
        break;
    }
  };
}

/** True when the flags ask for per-account output (and so for this code path rather than one inventory file). */
export const wantsAccountsToDir = (flags: AccountsFlags): boolean => flags.organization === true || flags.outDir !== undefined;

/** Without per-account output these flags would be silently ignored: refuse them instead. */
export function rejectAccountsFlagsWithoutOutDir(flags: AccountsFlags): void {
  const given: [string, boolean][] = [
    ["--role-name", flags.roleName !== undefined],
    ["--resume", flags.resume === true],
    ["--shard", flags.shard !== undefined],
    ["--ou", flags.ou.length > 0],
    ["--exclude-account", flags.excludeAccount.length > 0],
  ];
  const first = given.find(([, set]) => set);
  if (first) throw new InputError(first[0], "", "needs --organization or --out-dir DIR (one inventory per account)");
}

/**
 * Runs per-account collection: `base` is what `collectOptionsFromFlags` made of the shared flags (regions, accounts,
 * role ARN, rate...). The SDK-backed organization module is loaded only now, so `wsaudit --help` never pays for it.
 */
export async function collectAccountsFromFlags(flags: AccountsFlags, base: CollectOptions, version: string, onProgress = accountsProgressReporter()): Promise<AccountsToDirResult> {
  if (flags.outDir === undefined) throw new InputError("--organization", "", "writes one inventory per account: give --out-dir DIR");
  if (flags.ou.length > 0 && flags.organization !== true) throw new InputError("--ou", flags.ou[0] ?? "", "needs --organization");
  const { collectAccountsToDir, parseShard } = await import("../../collect/organization/index.js");
  const { roleArn, accounts, concurrency, ...shared } = base;
  return collectAccountsToDir({
    ...shared,
    ...(flags.organization === true ? { organization: { ous: flags.ou } } : { accounts: accounts ?? [] }),
    excludeAccounts: flags.excludeAccount,
    ...(flags.roleName !== undefined ? { roleName: flags.roleName } : {}),
    ...(roleArn !== undefined ? { roleArn } : {}),
    ...(flags.externalId !== undefined ? { externalId: flags.externalId } : {}),
    outDir: flags.outDir,
    resume: flags.resume === true,
    ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    toolVersion: version,
    onProgress,
  });
}
