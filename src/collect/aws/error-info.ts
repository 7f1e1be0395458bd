/** Extracts a stable error code and a safe one-line message from whatever an SDK call threw. */

export interface ErrorInfo {
  code: string;
  message: string;
}

const THROTTLING_CODES = new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "SlowDown",
]);

export function isThrottlingError(error: unknown): boolean {
  return THROTTLING_CODES.has(errorInfo(error).code);
}

/** C0 and C1 control characters (ESC included) become visible escapes, so an endpoint's text cannot drive a terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controls = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * An answer the SDK could not parse. Its message quotes the body (V8's JSON errors show the text around the fault),
 * which may hold a secret such as a RADIUS shared secret, so it is replaced, never shortened.
 */
function isUnparsableAnswer(e: Error): boolean {
  return e.name === "SyntaxError" || e.message.includes("Deserialization error") || "$responseBodyText" in e;
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    if (isUnparsableAnswer(error)) return { code: "MalformedResponse", message: "the answer could not be parsed (truncated or not the protocol's JSON/XML); its text is not recorded" };
    const e = error as Error & { Code?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
    const code =
      typeof e.Code === "string" ? e.Code
      : e.name && e.name !== "Error" ? e.name
      : typeof e.code === "string" ? e.code
      : "UnknownError";
    // Messages are AWS's own text; cut newlines and length so one error stays one line in reports.
    const message = controls((e.message || code).replace(/\s+/g, " ").slice(0, 500));
    return { code: controls(code).slice(0, 100), message };
  }
  return { code: "UnknownError", message: controls(String(error).replace(/\s+/g, " ").slice(0, 500)) };
}

const OPERATION = Symbol("wsaudit.operation");

/** Remembers which API operation failed, so that an error record names the real call, not only the collector. */
export function tagOperation(error: unknown, operation: string): void {
  if (error !== null && typeof error === "object" && !(OPERATION in error)) Object.defineProperty(error, OPERATION, { value: operation });
}

export function operationOf(error: unknown): string | undefined {
  if (error !== null && typeof error === "object" && OPERATION in error) {
    const op = (error as Record<symbol, unknown>)[OPERATION];
    return typeof op === "string" ? op : undefined;
  }
  return undefined;
}
