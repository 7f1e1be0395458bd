/** `wsaudit accounts --organization`: prints the accounts a `collect --organization` with the same flags would scan (a valid --accounts-file). */

import type { Command } from "commander";
import { InputError } from "../../input-error.js";
import { EXIT } from "../exit-codes.js";
import { collect } from "../options.js";

interface AccountsCommandFlags {
  organization?: boolean;
  ou: string[];
  excludeAccount: string[];
  shard?: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  json?: boolean;
}

export function registerAccounts(program: Command): void {
  program
    .command("accounts")
    .description("print the ACTIVE accounts of the AWS organization that `collect --organization` would scan, one per line (usable as --accounts-file)")
    .option("--organization", "list the accounts through AWS Organizations (required)")
    .option("--ou <id>", "only the accounts under this OU or root, its whole subtree (repeatable)", collect, [])
    .option("--exclude-account <id>", "leave this account out (repeatable)", collect, [])
    .option("--shard <index/count>", "only this 0-based share of the sorted list, e.g. 0/4")
    .option("--profile <name>", "named profile for the default credential chain")
    .option("--region <region>", "region for the API calls; defaults to AWS_REGION, then us-east-1")
    .option("--endpoint-url <url>", "send every call to this endpoint (tests, moto); AWS_ENDPOINT_URL is honoured too")
    .option("--json", "print a JSON array of {accountId, name} instead")
    .action(async (flags: AccountsCommandFlags) => {
      if (flags.organization !== true) throw new InputError("--organization", "", "required: the accounts are listed through AWS Organizations");
      for (const a of flags.excludeAccount) if (!/^\d{12}$/.test(a)) throw new InputError("--exclude-account", a, "not a 12-digit AWS account id");
      process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
      const { accountsOfShard, discoverAccounts, parseShard } = await import("../../collect/organization/index.js");
      const shard = flags.shard !== undefined ? parseShard(flags.shard) : undefined;
      const { fromNodeProviderChain } = await import("@aws-sdk/credential-providers");
      const endpointUrl = flags.endpointUrl ?? (process.env["AWS_ENDPOINT_URL"] || undefined);
      const listed = await discoverAccounts({
        credentials: fromNodeProviderChain(flags.profile !== undefined ? { profile: flags.profile } : {}),
        region: flags.region ?? (process.env["AWS_REGION"] || process.env["AWS_DEFAULT_REGION"] || "us-east-1"),
        endpointUrl,
        ous: flags.ou,
      });
      const excluded = new Set(flags.excludeAccount);
      const keep = new Set(accountsOfShard(listed.map((a) => a.accountId).filter((id) => !excluded.has(id)), shard));
      const accounts = listed.filter((a) => keep.has(a.accountId));
      // Names go after a `#`, which --accounts-file reads as a comment, so the output is a valid accounts file.
      process.stdout.write(
        flags.json === true ? `${JSON.stringify(accounts, null, 2)}\n` : accounts.map((a) => `${a.accountId}${a.name !== undefined ? `  # ${a.name.replace(/[\r\n]/g, " ")}` : ""}\n`).join(""),
      );
      process.exitCode = EXIT.ok;
    });
}
