/**
 * The benchmark's simulated organization, run in its own process: AWS Organizations (ListAccounts, paged) and STS
 * (AssumeRole, GetCallerIdentity) for N accounts, each WorkSpaces call held to a token bucket per account and region
 * (throttled beyond it, as AWS does) and every answer delayed by the latency; the other services come from the
 * project's fake endpoint (test/collect/support/fake-aws.ts). Prints its URL, then serves until stdin closes.
 */

import { createServer, request, Agent, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startFakeAws } from "../test/collect/support/fake-aws.js";

const MANAGEMENT_ACCOUNT = "100000000000";
const memberAccount = (i: number): string => String(200000000000 + i);

interface Bucket {
  tokens: number;
  last: number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = "";
    req.setEncoding("utf8").on("data", (c: string) => (s += c));
    req.on("end", () => resolve(s));
    req.on("error", reject);
  });
}

async function main(): Promise<void> {
  const accounts = Number(process.argv[2] ?? 1000);
  const latencyMs = Number(process.argv[3] ?? 50);
  const ratePerSecond = Number(process.argv[4] ?? 2);
  const burst = Number(process.argv[5] ?? 5);
  const workspaces = Number(process.argv[6] ?? 3);
  const regions = (process.argv[7] ?? "us-east-1,us-west-2").split(",");
  const members = Array.from({ length: accounts - 1 }, (_, i) => memberAccount(i));
  const all = [MANAGEMENT_ACCOUNT, ...members];
  const fake = await startFakeAws({ workspacesByRegion: Object.fromEntries(regions.map((r) => [r, workspaces])) });
  const upstream = new URL(fake.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const buckets = new Map<string, Bucket>();
  const stats = { workspacesAnswered: {} as Record<string, number>, throttled: 0, assumeRole: 0, calls: 0 };

  const take = (key: string): boolean => {
    const now = performance.now();
    const b = buckets.get(key) ?? { tokens: burst, last: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.last) / 1000) * ratePerSecond);
    b.last = now;
    buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { "content-type": type });
    res.end(body);
  };
  const later = (): Promise<void> => new Promise((r) => setTimeout(r, latencyMs));

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      stats.calls++;
      if (req.url === "/__stats") return send(res, 200, "application/json", JSON.stringify(stats));
      const auth = String(req.headers.authorization ?? "");
      const key = /Credential=([^/]+)\//.exec(auth)?.[1] ?? "";
      const [, region = "us-east-1", service = ""] = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(auth) ?? [];
      // Assumed-role keys carry their account; the base credentials are the management account's.
      const account = key.startsWith("ASIA") ? key.slice(4) : MANAGEMENT_ACCOUNT;
      const target = String(req.headers["x-amz-target"] ?? "");
      if (service === "workspaces") {
        if (!take(`${account}/${region}`)) {
          stats.throttled++;
          await later();
          return send(res, 400, "application/x-amz-json-1.1", JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
        }
        stats.workspacesAnswered[`${account}/${region}`] = (stats.workspacesAnswered[`${account}/${region}`] ?? 0) + 1;
      }
      await later();
      if (target.startsWith("AWSOrganizationsV20161128.")) {
        const input = JSON.parse(body || "{}") as { NextToken?: string };
        const start = Number(input.NextToken ?? 0);
        const page = all.slice(start, start + 20).map((Id) => ({ Id, Name: `account-${Id}`, State: "ACTIVE", Status: "ACTIVE" }));
        const next = start + 20 < all.length ? { NextToken: String(start + 20) } : {};
        return send(res, 200, "application/x-amz-json-1.1", JSON.stringify({ Accounts: page, ...next }));
      }
      if (service === "sts") {
        const form = new URLSearchParams(body);
        const ns = `xmlns="https://sts.amazonaws.com/doc/2011-06-15/"`;
        if (form.get("Action") === "AssumeRole") {
          stats.assumeRole++;
          const id = (form.get("RoleArn") ?? "").split(":")[4] ?? "";
          return send(
            res,
            200,
            "text/xml",
            `<AssumeRoleResponse ${ns}><AssumeRoleResult><Credentials><AccessKeyId>ASIA${id}</AccessKeyId><SecretAccessKey>x</SecretAccessKey><SessionToken>x</SessionToken>` +
              `<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::${id}:assumed-role/audit/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>` +
              `</AssumeRoleResult><ResponseMetadata><RequestId>b</RequestId></ResponseMetadata></AssumeRoleResponse>`,
          );
        }
        return send(
          res,
          200,
          "text/xml",
          `<GetCallerIdentityResponse ${ns}><GetCallerIdentityResult><Arn>arn:aws:sts::${account}:assumed-role/audit/s</Arn><UserId>AROA:s</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>b</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      }
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      forward.on("error", (e) => send(res, 502, "text/plain", String(e)));
      forward.end(body);
    })().catch((error: unknown) => send(res, 500, "text/plain", String(error)));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => {
    server.closeAllConnections();
    server.close();
    void fake.close().then(() => process.exit(0));
  });
}

await main();
