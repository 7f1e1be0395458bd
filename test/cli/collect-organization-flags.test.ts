// Bad organization flags are usage errors (exit 2, one line naming the flag) caught before any AWS call.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

// An endpoint nothing listens on: reaching it would fail with exit 4, not 2.
const env = { AWS_ENDPOINT_URL: "http://127.0.0.1:9", AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" };

describe("collect --organization flags", () => {
  const cases: [string, string[], RegExp][] = [
    ["a shard index out of range", ["collect", "--organization", "--role-name", "r", "--out-dir", "x", "--shard", "2/2"], /--shard: 2\/2: the index is 0-based/],
    ["--organization without --out-dir", ["collect", "--organization", "--role-name", "r"], /--organization: writes one inventory per account: give --out-dir DIR/],
    ["--role-name without per-account output", ["collect", "--role-name", "r"], /--role-name: needs --organization or --out-dir/],
    ["--ou without --organization", ["collect", "--account", "111111111111", "--role-name", "r", "--out-dir", "x", "--ou", "ou-abcd-12345678"], /--ou: ou-abcd-12345678: needs --organization/],
    ["a malformed OU id", ["collect", "--organization", "--role-name", "r", "--out-dir", "x", "--ou", "sales"], /--ou: sales: not an organizational unit id/],
    ["-o with --out-dir", ["collect", "--organization", "--role-name", "r", "--out-dir", "x", "-o", "inv.json"], /--output: give either -o FILE/],
    ["no role", ["collect", "--organization", "--out-dir", "x"], /--role-name: name the role to assume/],
    ["`accounts` without --organization", ["accounts"], /--organization: required/],
  ];
  for (const [what, args, message] of cases) {
    it(`rejects ${what}`, () => {
      const run = runCli(args, env);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    });
  }
});
