/** A fault-injecting HTTP proxy for tests: sits in front of the fake endpoint (or moto) and, for the calls a rule matches, answers 500/503, throttles, resets, hangs, or rewrites the body. */

import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One call as the proxy sees it: the SigV4 service, the operation and (for JSON protocols) the parsed input. */
export interface ProxiedCall {
  service: string;
  operation: string;
  input: Record<string, unknown>;
}

export type Fault =
  | { kind: "status"; status: 500 | 503 }
  | { kind: "throttle" }
  /** Access denied, as an IAM deny answers a JSON-protocol call. */
  | { kind: "deny" }
  | { kind: "reset" }
  | { kind: "hang" }
  /** Replaces the upstream body with this text, keeping the status (a truncated or corrupt answer). */
  | { kind: "body"; text: string | ((upstream: string) => string) }
  /** Rewrites the upstream JSON answer (a wrong shape, a repeated token). */
  | { kind: "json"; rewrite: (answer: Record<string, unknown>, call: ProxiedCall) => unknown };

export interface FaultRule {
  service: string;
  operation: string;
  /** Which calls of the operation to hit; all of them by default. */
  when?: (call: ProxiedCall) => boolean;
  /** How many times the rule fires before it stops (e.g. 1 for a transient fault that a retry gets past); unlimited by default. */
  times?: number;
  fault: Fault;
}

export interface FaultProxy {
  url: string;
  /** How many times each rule fired, by index. */
  fired: number[];
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

function callOf(req: IncomingMessage, body: string): ProxiedCall {
  const m = /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(String(req.headers.authorization ?? ""));
  const target = String(req.headers["x-amz-target"] ?? "");
  const operation = target !== "" ? (target.split(".").pop() ?? "") : (new URLSearchParams(body).get("Action") ?? "");
  let input: Record<string, unknown> = {};
  if (target !== "" && body !== "") {
    try {
      input = JSON.parse(body) as Record<string, unknown>;
    } catch {
      input = {};
    }
  }
  return { service: m?.[1] ?? "unknown", operation, input };
}

export async function startFaultProxy(upstreamUrl: string, rules: FaultRule[]): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const fired = rules.map(() => 0);
  const hung = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; text: string }> =>
    new Promise((resolve, reject) => {
      const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string" && k !== "content-length" && k !== "transfer-encoding") headers[k] = v;
          resolve({ status: res.statusCode ?? 502, headers, text: Buffer.concat(parts).toString("utf8") });
        });
        res.on("error", reject);
      });
      up.on("error", reject);
      up.end(body);
    });

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const call = callOf(req, body.toString("utf8"));
      const index = rules.findIndex((r, i) => r.service === call.service && r.operation === call.operation && (r.times === undefined || fired[i]! < r.times) && (r.when?.(call) ?? true));
      const rule = index >= 0 ? rules[index] : undefined;
      if (rule) fired[index]!++;
      const fault = rule?.fault;
      if (fault?.kind === "hang") {
        hung.add(res);
        return;
      }
      if (fault?.kind === "reset") {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === "status") {
        res.writeHead(fault.status, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ __type: fault.status === 503 ? "ServiceUnavailableException" : "InternalServerError", message: "injected fault" }));
        return;
      }
      if (fault?.kind === "deny") {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ __type: "AccessDeniedException", message: `not authorized to perform: ${call.service}:${call.operation} (injected)` }));
        return;
      }
      if (fault?.kind === "throttle") {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded (injected)" }));
        return;
      }
      const answer = await forward(req, body);
      let text = answer.text;
      if (fault?.kind === "body") text = typeof fault.text === "string" ? fault.text : fault.text(answer.text);
      if (fault?.kind === "json") text = JSON.stringify(fault.rewrite(JSON.parse(answer.text) as Record<string, unknown>, call));
      res.writeHead(answer.status, answer.headers);
      res.end(text);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fired,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const s of sockets) s.destroy();
        hung.clear();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
