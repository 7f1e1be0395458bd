/**
 * A pass-through proxy in front of moto that attributes every WorkSpaces call to the account whose credentials signed
 * it (it reads the access key of each AssumeRole answer), so a test can prove which accounts were called. STUB (clearly
 * labelled, the only one): moto's STS lets anyone assume any role, even one that does not exist, so the proxy answers
 * AssumeRole into the accounts listed in `denyAssumeRoleInto` with the AccessDenied error AWS STS returns.
 */

import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface AccountCallCounter {
  url: string;
  /** WorkSpaces calls per account id (the base credentials count as `baseAccount`). */
  workspacesCalls: Record<string, number>;
  /** AssumeRole requests per role ARN, denied ones included. */
  assumeRole: Record<string, number>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts)));
    req.on("error", reject);
  });
}

const accessKeyOf = (req: IncomingMessage): string | undefined => /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ""))?.[1];

export async function startAccountCallCounter(upstreamUrl: string, baseAccount: string, denyAssumeRoleInto: readonly string[] = []): Promise<AccountCallCounter> {
  const upstream = new URL(upstreamUrl);
  const accountOfKey = new Map<string, string>();
  const workspacesCalls: Record<string, number> = {};
  const assumeRole: Record<string, number> = {};
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const form = new URLSearchParams(body.toString("utf8"));
      const roleArn = form.get("Action") === "AssumeRole" ? (form.get("RoleArn") ?? "") : undefined;
      const roleAccount = roleArn?.split(":")[4];
      if (roleArn !== undefined) assumeRole[roleArn] = (assumeRole[roleArn] ?? 0) + 1;
      if (target.startsWith("WorkspacesService.")) {
        const account = accountOfKey.get(accessKeyOf(req) ?? "") ?? baseAccount;
        workspacesCalls[account] = (workspacesCalls[account] ?? 0) + 1;
      }
      if (roleAccount !== undefined && denyAssumeRoleInto.includes(roleAccount)) {
        // STUB: what AWS STS answers when the role's trust policy does not allow the caller (or the role does not exist).
        res.writeHead(403, { "content-type": "text/xml" });
        res.end(
          `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>` +
            `<Message>User: arn:aws:iam::${baseAccount}:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${roleArn ?? ""}</Message></Error><RequestId>stub</RequestId></ErrorResponse>`,
        );
        return;
      }
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        const parts: Buffer[] = [];
        up.on("data", (c: Buffer) => parts.push(c));
        up.on("end", () => {
          const answer = Buffer.concat(parts);
          const key = roleAccount !== undefined ? /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(answer.toString("utf8"))?.[1] : undefined;
          if (key !== undefined && roleAccount !== undefined) accountOfKey.set(key, roleAccount);
          res.writeHead(up.statusCode ?? 502, up.headers);
          res.end(answer);
        });
      });
      forward.on("error", (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    workspacesCalls,
    assumeRole,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
