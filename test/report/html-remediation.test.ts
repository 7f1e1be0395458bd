// The HTML report shows a policy's remediation as steps in an ordered list with commands as code, and escapes it.
import { describe, expect, it } from "vitest";
import { htmlReporter } from "../../src/report/html/index.js";
import { renderToString } from "../../src/report/render-to-string.js";
import { SCAN_REPORT, XSS_SCRIPT } from "../fixtures/scan-report.js";

const REMEDIATION = `Encrypt the root volume.
1. Open the WorkSpaces console and rebuild the WorkSpace ${XSS_SCRIPT}.
2. Or from the command line:
   \`\`\`sh
   aws workspaces create-workspaces --workspaces RootVolumeEncryptionEnabled=true
   \`\`\``;

describe("HTML remediation", () => {
  const report = { ...SCAN_REPORT, policies: SCAN_REPORT.policies.map((p, i) => (i === 0 ? { ...p, remediation: REMEDIATION } : p)) };
  const html = renderToString(htmlReporter, report, {});

  it("renders numbered steps as an ordered list and commands as code", () => {
    expect(html).toContain("<p>Encrypt the root volume.</p><ol><li>Open the WorkSpaces console");
    expect(html).toContain("<li>Or from the command line:<pre><code>aws workspaces create-workspaces --workspaces RootVolumeEncryptionEnabled=true</code></pre></li></ol>");
  });

  it("escapes what the remediation holds", () => {
    expect(html).not.toContain(XSS_SCRIPT);
  });
});
