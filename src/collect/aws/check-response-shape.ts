/** Checks every SDK answer against the shape a collector reads: each member typed as in the SDK's own model, and the ids every listed item must carry. */

import { NormalizedSchema } from "@smithy/core/schema";

/**
 * A 200 answer whose shape is not the model's (a list that is a string, an item without its id): the call failed.
 * The message names the place and the expected type only, never a value, so no answer text (or secret) leaks.
 */
export class MalformedResponseError extends Error {
  constructor(operation: string, detail: string) {
    super(`${operation} returned a malformed answer: ${detail}`);
    this.name = "MalformedResponse";
  }
}

/**
 * The id each item of a listed collection must carry, by `service:Operation` then list member. The SDK model marks no
 * output member required, so this table says what the collectors rely on: an item without its id cannot be matched,
 * and dropping it silently would shrink the inventory.
 */
export const REQUIRED_ITEM_IDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "workspaces:DescribeWorkspaces": { Workspaces: "WorkspaceId" },
  "workspaces:DescribeWorkspacesConnectionStatus": { WorkspacesConnectionStatus: "WorkspaceId" },
  "workspaces:DescribeWorkspaceDirectories": { Directories: "DirectoryId" },
  "workspaces:DescribeClientProperties": { ClientPropertiesList: "ResourceId" },
  "workspaces:DescribeIpGroups": { Result: "groupId" },
  "workspaces:DescribeWorkspaceBundles": { Bundles: "BundleId" },
  "workspaces:DescribeWorkspaceImages": { Images: "ImageId" },
  "ds:DescribeDirectories": { DirectoryDescriptions: "DirectoryId" },
  "ds:DescribeTrusts": { Trusts: "TrustId" },
  "ec2:DescribeVpcs": { Vpcs: "VpcId" },
  "ec2:DescribeSubnets": { Subnets: "SubnetId" },
  "ec2:DescribeSecurityGroups": { SecurityGroups: "GroupId" },
  "ec2:DescribeRouteTables": { RouteTables: "RouteTableId" },
  "ec2:DescribeNetworkInterfaces": { NetworkInterfaces: "NetworkInterfaceId" },
  "ec2:DescribeNatGateways": { NatGateways: "NatGatewayId" },
  "ec2:DescribeNetworkAcls": { NetworkAcls: "NetworkAclId" },
  "ec2:DescribeVpcEndpoints": { VpcEndpoints: "VpcEndpointId" },
  "ec2:DescribeDhcpOptions": { DhcpOptions: "DhcpOptionsId" },
  "cloudtrail:DescribeTrails": { trailList: "TrailARN" },
  "cloudwatch:DescribeAlarms": { MetricAlarms: "AlarmName" },
  "events:ListRules": { Rules: "Name" },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);

/** Why `value` does not fit `schema` (the first problem, with its path), or undefined when it fits. Absent and null members fit. */
export function shapeProblem(schema: unknown, value: unknown, path = ""): string | undefined {
  if (value === undefined || value === null) return undefined;
  const ns = NormalizedSchema.of(schema as Parameters<typeof NormalizedSchema.of>[0]);
  const at = path === "" ? "the answer" : path;
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) return `${at}: expected a list, got ${kind(value)}`;
    const item = ns.getValueSchema();
    const sparse = ns.getMergedTraits().sparse === 1;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if ((v === null || v === undefined) && !sparse) return `${path}[${i}]: expected an item, got ${kind(v)}`;
      const problem = shapeProblem(item, v, `${path}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (ns.isMapSchema()) {
    if (!isPlainObject(value)) return `${at}: expected a map, got ${kind(value)}`;
    const member = ns.getValueSchema();
    for (const [k, v] of Object.entries(value)) {
      const problem = shapeProblem(member, v, `${path}[${JSON.stringify(k.slice(0, 40))}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (ns.isStructSchema()) {
    if (!isPlainObject(value)) return `${at}: expected an object, got ${kind(value)}`;
    for (const [name, member] of ns.structIterator()) {
      const problem = shapeProblem(member, value[name], path === "" ? name : `${path}.${name}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (ns.isStringSchema()) return typeof value === "string" ? undefined : `${at}: expected a string, got ${kind(value)}`;
  if (ns.isBooleanSchema()) return typeof value === "boolean" ? undefined : `${at}: expected a boolean, got ${kind(value)}`;
  if (ns.isNumericSchema()) return typeof value === "number" ? undefined : `${at}: expected a number, got ${kind(value)}`;
  if (ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) return typeof value === "number" || typeof value === "bigint" || typeof value === "object" ? undefined : `${at}: expected a number, got ${kind(value)}`;
  if (ns.isTimestampSchema()) return value instanceof Date && !Number.isNaN(value.getTime()) ? undefined : `${at}: expected a timestamp, got ${kind(value)}`;
  return undefined;
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : "a timestamp";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Checks the answer of `service:operation` against its SDK output schema and the required item ids; throws MalformedResponseError. */
export function checkResponseShape(service: string, operation: string, outputSchema: unknown, output: unknown): void {
  if (!isPlainObject(output)) throw new MalformedResponseError(operation, `the answer is ${kind(output)}, not an object`);
  const problem = outputSchema !== undefined ? shapeProblem(outputSchema, output) : undefined;
  if (problem !== undefined) throw new MalformedResponseError(operation, problem);
  const ids = REQUIRED_ITEM_IDS[`${service}:${operation}`];
  if (ids === undefined) return;
  for (const [listName, idName] of Object.entries(ids)) {
    const items = output[listName];
    if (items === undefined || items === null) continue;
    if (!Array.isArray(items)) throw new MalformedResponseError(operation, `${listName}: expected a list, got ${kind(items)}`);
    items.forEach((item: unknown, i) => {
      const id = isPlainObject(item) ? item[idName] : undefined;
      if (typeof id !== "string" || id === "") throw new MalformedResponseError(operation, `${listName}[${i}].${idName}: the item carries no id`);
    });
  }
}
