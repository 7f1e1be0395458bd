/** The `--security-hub` flags of `evaluate` and `scan`, and the import they run after the reports are written (the Security Hub SDK is loaded only then). */

import type { Command } from "commander";
import type { ScanReport } from "../findings/types.js";
import { InputError } from "../input-error.js";
import { EXIT } from "./exit-codes.js";

export interface SecurityHubFlags {
  securityHub?: boolean;
  securityHubRoleArn?: string;
  securityHubRegion?: string;
}

export function addSecurityHubOptions(command: Command): Command {
  return command
    .option("--security-hub", "import the findings into each account's AWS Security Hub (BatchImportFindings); resolves earlier ones that now pass")
    .option("--security-hub-role-arn <arn>", "with --security-hub: role assumed in each account for the import (its account id replaced by the account's)")
    .option("--security-hub-region <region>", "with --security-hub: region of findings about global resources (default: the first scanned region)");
}

/** Checked before any work is done, so a typo never costs an evaluation or a collection. */
export function checkSecurityHubFlags(flags: SecurityHubFlags): void {
  if (flags.securityHub !== true && (flags.securityHubRoleArn !== undefined || flags.securityHubRegion !== undefined)) {
    throw new InputError(flags.securityHubRoleArn !== undefined ? "--security-hub-role-arn" : "--security-hub-region", "", "needs --security-hub");
  }
  if (flags.securityHubRoleArn !== undefined && !/^arn:(aws|aws-us-gov|aws-cn):iam::\d{12}:role\/[\w+=,.@/-]+$/.test(flags.securityHubRoleArn)) {
    throw new InputError("--security-hub-role-arn", "", `"${flags.securityHubRoleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  }
  if (flags.securityHubRegion !== undefined && !/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/.test(flags.securityHubRegion)) {
    throw new InputError("--security-hub-region", "", `"${flags.securityHubRegion}" is not an AWS region name`);
  }
}

/** Runs the import when asked; returns the exit code to use: `code`, or 4 when an account's import failed. */
export async function importSecurityHubIfRequested(report: Readonly<ScanReport>, flags: SecurityHubFlags, code: number, endpointUrl?: string): Promise<number> {
  if (flags.securityHub !== true) return code;
  const { importToSecurityHub } = await import("../security-hub/import-to-security-hub.js");
  const endpoint = endpointUrl ?? (process.env["AWS_ENDPOINT_URL"] || undefined);
  const summaries = await importToSecurityHub(report, {
    ...(flags.securityHubRoleArn !== undefined ? { roleArn: flags.securityHubRoleArn } : {}),
    ...(flags.securityHubRegion !== undefined ? { securityHubRegion: flags.securityHubRegion } : {}),
    ...(endpoint !== undefined ? { endpointUrl: endpoint } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const failed = summaries.filter((s) => s.error !== undefined || s.failed.length > 0);
  for (const s of failed) for (const f of s.failed.slice(0, 5)) process.stderr.write(`security-hub: ${s.accountId} ${s.region}: rejected ${f.id}: ${f.code} ${f.message}\n`);
  return failed.length > 0 ? EXIT.operational : code;
}
