/** Maps wsaudit severities onto SARIF levels and GitHub's security-severity bands. */

import type { Severity } from "../../findings/types.js";

/**
 * GitHub bands: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. 9.5 rather than 9.0 because 9.0 falls in
 * the gap between the documented bands. `info` has no score: 0.0 would be read as "no security severity" anyway.
 */
export const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: undefined,
};

export const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};
