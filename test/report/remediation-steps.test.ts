// Remediation text renders as steps and commands: the shipped format (fenced code) and the older "CLI: aws ..." steps.
import { describe, expect, it } from "vitest";
import { remediationBlocks } from "../../src/report/shared/remediation-steps.js";
import { buildRule } from "../../src/report/sarif/rules.js";
import type { PolicyMeta } from "../../src/findings/types.js";

const fenced = [
  "Volume encryption can only be set at launch.",
  "1. Console: WorkSpaces > Directories > select the directory > Actions >",
  "   Update Details > set Deny.",
  "2. CLI:",
  "",
  "   ```sh",
  "   aws workspaces modify-workspace-access-properties --resource-id d-xxxx \\",
  "     --workspace-access-properties DeviceTypeZeroClient=DENY",
  "   ```",
].join("\n");

const legacy = ["1. Console: do it.", "2. CLI: aws workspaces describe-workspaces --region <this region>", "     aws workspaces terminate-workspaces --region <this region>"].join("\n");

describe("remediationBlocks", () => {
  it("reads prose, numbered steps with continuation lines, and fenced commands under a step", () => {
    expect(remediationBlocks(fenced)).toEqual([
      { kind: "text", text: "Volume encryption can only be set at launch." },
      { kind: "step", text: "Console: WorkSpaces > Directories > select the directory > Actions > Update Details > set Deny.", code: [] },
      { kind: "step", text: "CLI:", code: ["aws workspaces modify-workspace-access-properties --resource-id d-xxxx \\\n  --workspace-access-properties DeviceTypeZeroClient=DENY"] },
    ]);
  });

  it("reads a step's `CLI: aws ...` lines as a command", () => {
    expect(remediationBlocks(legacy)[1]).toEqual({
      kind: "step",
      text: "CLI:",
      code: ["aws workspaces describe-workspaces --region <this region>\naws workspaces terminate-workspaces --region <this region>"],
    });
  });
});

describe("SARIF rule help", () => {
  const policy: PolicyMeta = {
    id: "WS-X-001", name: "x", title: "X", description: "d", severity: "high", resource: "workspace", remediation: legacy,
    references: [{ title: "Guide", section: "S", url: "https://docs.aws.amazon.com/workspaces/latest/adminguide/x.html" }], controls: [], pack: "p", source: { file: "p.yaml", line: 1 },
  };
  it("renders steps as an ordered list and commands as unescaped fenced code", () => {
    const help = buildRule(policy, []).help;
    expect(help?.markdown).toContain("**Remediation**\n\n1. Console: do it.\n2. CLI:\n\n   ```sh\n   aws workspaces describe-workspaces --region <this region>\n");
    expect(help?.text).toContain("Remediation:\n1. Console: do it.\n2. CLI:\n       aws workspaces describe-workspaces --region <this region>");
  });
});
