/** `importToSecurityHub`: the `--security-hub` import as a function; the Security Hub SDK is loaded on the first call, never on import. */

import type { ScanReport } from "../findings/types.js";
import type { SecurityHubImportOptions, SecurityHubImportSummary } from "../security-hub/import-to-security-hub.js";

export type { SecurityHubImportOptions, SecurityHubImportSummary };

export async function importToSecurityHub(report: Readonly<ScanReport>, options: SecurityHubImportOptions = {}): Promise<SecurityHubImportSummary[]> {
  const { importToSecurityHub: run } = await import("../security-hub/import-to-security-hub.js");
  return run(report, options);
}
