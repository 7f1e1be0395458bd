// The shared collection helpers: token bucket pacing, the NextToken pager, id batching, option validation, the collect command's flag handling.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chunk } from "../../src/collect/aws/chunk.js";
import { paginateByNextToken } from "../../src/collect/aws/paginate-by-next-token.js";
import { TokenBucket } from "../../src/collect/aws/token-bucket.js";
import { resolveCollectOptions, roleArnForAccount } from "../../src/collect/index.js";
import { collectOptionsFromFlags, readAccountsFile, type CollectFlags } from "../../src/cli/commands/collect.js";
import { InputError } from "../../src/input-error.js";

describe("TokenBucket", () => {
  it("lets a burst through, then spaces calls at the rate, serving waiters in order", () => {
    let now = 0;
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 5 }, () => now);
    const waits = Array.from({ length: 8 }, () => bucket.reserve());
    expect(waits).toEqual([0, 0, 0, 0, 0, 500, 1000, 1500]);
    now = 10_000; // a long quiet period refills to the burst, never beyond
    expect(Array.from({ length: 6 }, () => bucket.reserve())).toEqual([0, 0, 0, 0, 0, 500]);
  });
});

describe("paginateByNextToken", () => {
  it("follows NextToken to the end and passes the input on every call", async () => {
    const seen: unknown[] = [];
    const pages: Record<string, { Items: number[]; NextToken?: string }> = { "": { Items: [1, 2], NextToken: "a" }, a: { Items: [3], NextToken: "b" }, b: { Items: [4] } };
    const send = (input: { NextToken?: string | undefined; MaxResults: number }) => {
      seen.push(input);
      return Promise.resolve(pages[input.NextToken ?? ""]!);
    };
    const items: number[] = [];
    for await (const page of paginateByNextToken(send, { MaxResults: 25 })) items.push(...page.Items);
    expect(items).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual([{ MaxResults: 25, NextToken: undefined }, { MaxResults: 25, NextToken: "a" }, { MaxResults: 25, NextToken: "b" }]);
  });

  it("stops with an error when an endpoint repeats a token instead of looping forever", async () => {
    const send = () => Promise.resolve({ NextToken: "same" });
    await expect(async () => {
      for await (const _ of paginateByNextToken(send, {})) void _;
    }).rejects.toThrow(/same NextToken twice/);
  });
});

describe("chunk", () => {
  it("batches ids to the API maximum", () => {
    const ids = Array.from({ length: 51 }, (_, i) => `d-${i}`);
    expect(chunk(ids, 25).map((b) => b.length)).toEqual([25, 25, 1]);
    expect(chunk([], 25)).toEqual([]);
  });
});

describe("collect options", () => {
  const bad = (o: Parameters<typeof resolveCollectOptions>[0], flag: string) => {
    try {
      resolveCollectOptions(o);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).file).toBe(flag);
      return;
    }
    throw new Error(`expected an InputError for ${flag}`);
  };

  it("rejects bad flags with an InputError naming the flag", () => {
    bad({}, "--region");
    bad({ regions: ["useast1"] }, "--region");
    bad({ regions: ["eu-west-1"], fips: true }, "--fips");
    bad({ regions: ["us-east-1"], accounts: ["123"] , roleArn: "arn:aws:iam::123456789012:role/Audit" }, "--account");
    bad({ regions: ["us-east-1"], accounts: ["210987654321"] }, "--account");
    bad({ regions: ["us-east-1"], roleArn: "Audit" }, "--role-arn");
    bad({ regions: ["us-east-1"], endpointUrl: "ftp://x" }, "--endpoint-url");
    bad({ regions: ["us-east-1"], rateLimit: { ratePerSecond: 0, burst: 5 } }, "--rate");
  });

  it("--all-regions uses the shipped list, and with --fips only regions that have a FIPS WorkSpaces endpoint", () => {
    expect(resolveCollectOptions({ allRegions: true }).regions).toContain("eu-west-1");
    expect(resolveCollectOptions({ allRegions: true, fips: true }).regions).toEqual(["us-east-1", "us-west-2"]);
    expect(resolveCollectOptions({ regions: ["us-gov-west-1"], fips: true }).regions).toEqual(["us-gov-west-1"]);
  });

  it("assumes the same role name in each member account", () => {
    expect(roleArnForAccount("arn:aws:iam::111111111111:role/org/WsAudit", "210987654321")).toBe("arn:aws:iam::210987654321:role/org/WsAudit");
  });
});

describe("collect command flags", () => {
  const flags = (over: Partial<CollectFlags>): CollectFlags => ({ region: [], account: [], output: "reports/inventory.json", rate: 2, burst: 5, concurrency: 4, ...over });

  it("honours AWS_ENDPOINT_URL and AWS_REGION when the flags are not given", () => {
    const o = collectOptionsFromFlags(flags({}), { AWS_ENDPOINT_URL: "http://127.0.0.1:5000", AWS_REGION: "eu-west-1" });
    expect(o).toMatchObject({ endpointUrl: "http://127.0.0.1:5000", regions: ["eu-west-1"], rateLimit: { ratePerSecond: 2, burst: 5 } });
  });

  it("reads member accounts from --account and --accounts-file, skipping comments", () => {
    const dir = mkdtempSync(join(tmpdir(), "wsaudit-accounts-"));
    const file = join(dir, "accounts.txt");
    writeFileSync(file, "# payroll\n210987654321\n\n111111111111  # sandbox\n");
    const o = collectOptionsFromFlags(flags({ region: ["us-east-1"], account: ["123456789012"], accountsFile: file, roleArn: "arn:aws:iam::123456789012:role/A" }), {});
    expect(o.accounts).toEqual(["123456789012", "210987654321", "111111111111"]);
    writeFileSync(file, "210987654321\nnot-an-account\n");
    expect(() => readAccountsFile(file)).toThrow(/line 2/);
  });
});
