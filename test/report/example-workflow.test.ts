// The example GitHub workflow keeps the properties docs/github-code-scanning.md relies on.
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";

interface Step { uses?: string; run?: string; if?: string; with?: Record<string, unknown> }
interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; jobs: { scan: { strategy: { matrix: { account: string[] } }; steps: Step[] } } }

const wf = load(readFileSync(new URL("../../docs/examples/github-workflow.yml", import.meta.url), "utf8")) as Workflow;
const steps = wf.jobs.scan.steps;

describe("docs/examples/github-workflow.yml", () => {
  it("runs on a schedule with OIDC and code scanning permissions only", () => {
    expect(wf.on).toHaveProperty("schedule");
    expect(wf.permissions).toEqual({ contents: "read", "id-token": "write", "security-events": "write", actions: "read" });
  });

  it("assumes a role per account, uploads SARIF with a per-account category even when the scan fails, keeps the HTML", () => {
    expect(wf.jobs.scan.strategy.matrix.account.length).toBeGreaterThan(1);
    const creds = steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials"));
    expect(String(creds?.with?.["role-to-assume"])).toContain("${{ matrix.account }}");
    expect(steps.find((s) => s.run?.includes("wsaudit scan"))?.run).toContain("--format sarif,html");
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload?.with?.category).toBe("wsaudit/${{ matrix.account }}");
    expect(upload?.if).toContain("always()");
    const artifact = steps.find((s) => s.uses?.startsWith("actions/upload-artifact"));
    expect(String(artifact?.with?.path)).toContain("reports/wsaudit.html");
  });
});
