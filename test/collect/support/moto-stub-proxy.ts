/**
 * STUB (clearly labelled): a local proxy in front of moto that answers only the WorkSpaces operations moto 5.2.1 does not
 * implement, and forwards every other request to moto unchanged. The integration test proves that moto lacks each one.
 */

import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type StubAnswer = (input: Record<string, unknown>) => unknown;

export interface StubProxy {
  url: string;
  /** Operations answered by the stub, with how many times each was called. */
  stubbedCalls: Record<string, number>;
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

/** `stubs` maps a WorkSpaces operation name (X-Amz-Target `WorkspacesService.<Operation>`) to its canned answer. */
export async function startStubProxy(motoUrl: string, stubs: Record<string, StubAnswer>): Promise<StubProxy> {
  const upstream = new URL(motoUrl);
  const stubbedCalls: Record<string, number> = {};
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const op = target.startsWith("WorkspacesService.") ? target.slice("WorkspacesService.".length) : undefined;
      const stub = op !== undefined ? stubs[op] : undefined;
      if (op !== undefined && stub) {
        stubbedCalls[op] = (stubbedCalls[op] ?? 0) + 1;
        const input = body.length > 0 ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {};
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify(stub(input)));
        return;
      }
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
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
    stubbedCalls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
