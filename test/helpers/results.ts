// Test helper: minimal Result values for governance and gating tests.
import { fingerprint } from "../../src/findings/fingerprint.js";
import type { Result, Severity, Status } from "../../src/findings/types.js";

export function result(policyId: string, resourceId: string, status: Status, severity: Severity = "high", region = "us-east-1"): Result {
  return {
    policyId,
    status,
    severity,
    resourceType: "workspace",
    resourceId,
    accountId: "123456789012",
    region,
    directoryId: "d-1",
    message: `${policyId} ${status} on ${resourceId}`,
    evidence: {},
    fingerprint: fingerprint(policyId, "123456789012", region, resourceId),
  };
}
