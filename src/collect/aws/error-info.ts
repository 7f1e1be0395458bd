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

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const e = error as Error & { Code?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
    const code =
      typeof e.Code === "string" ? e.Code
      : e.name && e.name !== "Error" ? e.name
      : typeof e.code === "string" ? e.code
      : "UnknownError";
    // Messages are AWS's own text; cut newlines and length so one error stays one line in reports.
    const message = (e.message || code).replace(/\s+/g, " ").slice(0, 500);
    return { code, message };
  }
  return { code: "UnknownError", message: String(error).slice(0, 500) };
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
