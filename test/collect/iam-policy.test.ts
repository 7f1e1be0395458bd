// The shipped IAM policy is exactly what the collectors declare, and read-only.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { COLLECTORS, requiredPermissions } from "../../src/collect/index.js";
import { ORGANIZATION_PERMISSIONS } from "../../src/collect/organization/organization-permissions.js";

const policy = JSON.parse(readFileSync(new URL("../../iam/wsaudit-readonly-policy.json", import.meta.url), "utf8")) as {
  Statement: { Effect: string; Action: string[]; Resource: string }[];
};
const actions = policy.Statement.flatMap((s) => s.Action);

describe("iam/wsaudit-readonly-policy.json", () => {
  it("allows every action a collector or the runner declares", () => {
    for (const action of requiredPermissions()) expect(actions, `missing ${action}`).toContain(action);
  });

  it("allows nothing the collectors do not declare", () => {
    expect([...actions].sort()).toEqual(requiredPermissions());
  });

  it("holds only Describe, List and Get actions, no wildcards, and only Allow statements", () => {
    for (const action of actions) expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get)[A-Za-z]+$/);
    expect(policy.Statement.every((s) => s.Effect === "Allow")).toBe(true);
  });

  it("every collector declares at least one permission, including its own operation", () => {
    for (const c of COLLECTORS) {
      expect(c.permissions.length, c.id).toBeGreaterThan(0);
      expect(c.permissions, c.id).toContain(`${c.service}:${c.operation}`);
    }
  });
});

describe("iam/wsaudit-organization-policy.json", () => {
  const org = JSON.parse(readFileSync(new URL("../../iam/wsaudit-organization-policy.json", import.meta.url), "utf8")) as {
    Statement: { Effect: string; Action: string[]; Resource: string }[];
  };

  it("allows exactly what organization discovery declares: listing accounts and OUs, and assuming the member role", () => {
    expect(org.Statement.flatMap((s) => s.Action).sort()).toEqual([...ORGANIZATION_PERMISSIONS].sort());
    expect(org.Statement.every((s) => s.Effect === "Allow")).toBe(true);
  });

  it("lets sts:AssumeRole reach only the member role, and lists nothing that writes", () => {
    const assume = org.Statement.find((s) => s.Action.includes("sts:AssumeRole"))!;
    expect(assume.Action).toEqual(["sts:AssumeRole"]);
    expect(assume.Resource).toMatch(/^arn:aws:iam::\*:role\/[\w+=,.@-]+$/);
    for (const action of org.Statement.flatMap((s) => s.Action).filter((a) => a !== "sts:AssumeRole")) expect(action).toMatch(/^organizations:List[A-Za-z]+$/);
  });
});
