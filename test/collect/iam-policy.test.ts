// The shipped IAM policy is exactly what the collectors declare, and read-only.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { COLLECTORS, requiredPermissions } from "../../src/collect/index.js";

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
