/** Runs the test cases that sit beside each policy (`<policy>.test.yaml`), for `wsaudit policies test` and the vitest suite alike. */

import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../input-error.js";
import { validateInventoryData } from "../inventory/load-inventory.js";
import { createSchemaValidator, describeSchemaError, validateYamlData } from "../shared/schema-validator.js";
import { emptyInventory } from "../inventory/empty-inventory.js";
import type { Inventory } from "../inventory/model.js";
import { buildMissingIndex, resolveInventory, type EntityView, type ResolvedInventory } from "../inventory/resolve-inventory.js";
import { RESOURCE_TYPES, RESOURCE_TYPE_IDS, type ResourceType } from "../inventory/resource-types.js";
import type { Status } from "../findings/types.js";
import { evaluatePolicy } from "./evaluate.js";
import { checkParamOverrides } from "./load-params.js";
import type { CompiledPolicy } from "./policy.js";
import { parseYaml } from "../shared/read-yaml.js";
import { locateYamlPath } from "../shared/yaml-locate.js";

export const TEST_ACCOUNT = "123456789012";
export const TEST_REGION = "us-east-1";
const DEFAULT_NOW = "2026-01-01T00:00:00Z";

interface TestCase {
  name: string;
  resource?: Record<string, unknown>;
  inventory?: Record<string, unknown>;
  resourceId?: string;
  params?: Record<string, unknown>;
  now?: string;
  expect: Status;
  message?: string;
}

interface TestFile {
  policy: string;
  cases: TestCase[];
}

export interface CaseOutcome {
  policyId: string;
  file: string;
  name: string;
  expected: Status;
  actual: Status;
  message: string;
  ok: boolean;
  /** Why the case failed, when it did. */
  detail?: string;
}

export interface PolicyTestRun {
  outcomes: CaseOutcome[];
  /** Structural problems: missing or invalid test files, too few cases, unknown ids, duplicate case names. */
  problems: InputError[];
}

export const testFileOf = (policyFile: string): string => policyFile.replace(/\.ya?ml$/, ".test.yaml");

const emptyTestInventory = (): Inventory =>
  emptyInventory({ collectedAt: DEFAULT_NOW, tool: { name: "wsaudit", version: "test" }, scope: { partition: "aws", accounts: [TEST_ACCOUNT], regions: [TEST_REGION] } });

/** Completes an inventory fragment: defaults for the envelope, the account and the region. */
function completeFragment(fragment: Record<string, unknown>): Record<string, unknown> {
  const full: Record<string, unknown> = { ...emptyTestInventory(), ...fragment };
  for (const type of RESOURCE_TYPE_IDS) {
    const collection = RESOURCE_TYPES[type].collection;
    const list = full[collection];
    if (Array.isArray(list)) {
      full[collection] = list.map((e: unknown) => (typeof e === "object" && e !== null ? { accountId: TEST_ACCOUNT, region: TEST_REGION, ...e } : e));
    }
  }
  return full;
}

function singleResourceInventory(type: ResourceType, resource: Record<string, unknown>): { inventory: ResolvedInventory; view: EntityView } {
  const view = { id: "test-resource", accountId: TEST_ACCOUNT, region: TEST_REGION, ...resource } as EntityView;
  const entities = Object.fromEntries(RESOURCE_TYPE_IDS.map((t) => [t, t === type ? [view] : []])) as Record<ResourceType, EntityView[]>;
  return { inventory: { source: emptyTestInventory(), entities, missing: buildMissingIndex([]), unresolved: new WeakMap() }, view };
}

let testValidator: ReturnType<typeof createSchemaValidator<TestFile>> | undefined;

function readTestFile(file: string): { text: string; data: TestFile } {
  const text = readFileSync(file, "utf8");
  const data = parseYaml(text, file);
  testValidator ??= createSchemaValidator<TestFile>("policy-test.schema.json");
  return { text, data: validateYamlData(testValidator, data, file, "policy test file", (path) => locateYamlPath(text, path)) };
}

function runCase(policy: CompiledPolicy, testCase: TestCase, index: number, file: string, text: string): CaseOutcome {
  const where = (path: (string | number)[]): string => `line ${locateYamlPath(text, ["cases", index, ...path])}`;
  const params = checkParamOverrides(testCase.params ? { [policy.doc.id]: testCase.params } : {}, [policy], file, (p) => where(["params", ...p.slice(1)]));
  let inventory: ResolvedInventory;
  let resourceId: string;
  if (testCase.resource) {
    const single = singleResourceInventory(policy.resourceType, testCase.resource);
    inventory = single.inventory;
    resourceId = single.view.id;
  } else {
    const full = completeFragment(testCase.inventory ?? {});
    const invalid = validateInventoryData(full);
    if (invalid) {
      const { pointer, detail } = describeSchemaError(invalid);
      throw new InputError(file, `${where(["inventory"])} (${pointer})`, `test inventory does not match the inventory schema: ${detail}`);
    }
    inventory = resolveInventory(full as unknown as Inventory);
    resourceId = testCase.resourceId ?? "";
    if (!inventory.entities[policy.resourceType].some((e) => e.id === resourceId)) {
      throw new InputError(file, where(["resourceId"]), `no ${policy.resourceType} "${resourceId}" in the case's inventory`);
    }
  }
  const now = new Date(testCase.now ?? DEFAULT_NOW);
  const result = evaluatePolicy(policy, inventory, { params, now }).find((r) => r.resourceId === resourceId);
  const actual = result?.status ?? "error";
  const message = result?.message ?? "no result";
  let detail: string | undefined;
  if (actual !== testCase.expect) detail = `expected ${testCase.expect}, got ${actual}: ${message}`;
  else if (testCase.message !== undefined && !message.includes(testCase.message)) detail = `expected message to contain "${testCase.message}", got "${message}"`;
  const outcome: CaseOutcome = { policyId: policy.doc.id, file, name: testCase.name, expected: testCase.expect, actual, message, ok: detail === undefined };
  if (detail !== undefined) outcome.detail = detail;
  return outcome;
}

/** Runs the tests of the given policies; a policy without a test file, or without both a pass and a fail case, is a problem. */
export function runPolicyTests(policies: CompiledPolicy[]): PolicyTestRun {
  const outcomes: CaseOutcome[] = [];
  const problems: InputError[] = [];
  for (const policy of policies) {
    const file = testFileOf(policy.file);
    if (!existsSync(file)) {
      problems.push(new InputError(policy.file, "", `policy ${policy.doc.id} has no test file (expected ${file})`));
      continue;
    }
    try {
      const { text, data } = readTestFile(file);
      if (data.policy !== policy.doc.id) {
        throw new InputError(file, `line ${locateYamlPath(text, ["policy"])}`, `tests policy "${data.policy}", but the policy beside it is ${policy.doc.id}`);
      }
      const names = new Set<string>();
      data.cases.forEach((c, i) => {
        if (names.has(c.name)) throw new InputError(file, `line ${locateYamlPath(text, ["cases", i, "name"])}`, `duplicate case name "${c.name}"`);
        names.add(c.name);
      });
      const expects = new Set(data.cases.map((c) => c.expect));
      const required: Status[] = policy.doc.manual === true ? ["manual"] : ["pass", "fail"];
      const lacking = required.filter((s) => !expects.has(s));
      if (lacking.length > 0) throw new InputError(file, "", `policy ${policy.doc.id} needs at least one ${lacking.join(" and one ")} case`);
      data.cases.forEach((c, i) => outcomes.push(runCase(policy, c, i, file, text)));
    } catch (error) {
      if (error instanceof InputError) problems.push(error);
      else throw error;
    }
  }
  return { outcomes, problems };
}
