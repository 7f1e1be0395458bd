/** The stable fingerprint of a finding, shared by SARIF partialFingerprints and baselines. */

import { createHash } from "node:crypto";

export function fingerprint(policyId: string, accountId: string, region: string, resourceId: string): string {
  return createHash("sha256").update([policyId, accountId, region, resourceId].join("\u0000")).digest("hex").slice(0, 32);
}
