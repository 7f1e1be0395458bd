/** The one registry of resource-type ids: each maps to its inventory collection and the relations resolved onto it. */

import type { CollectionName } from "./model.js";

export interface ResourceTypeInfo {
  /** The inventory collection holding entities of this type. */
  collection: CollectionName;
  /** Relation fields added by `resolveInventory`, each with the collection(s) it reads. */
  relations: Record<string, CollectionName | readonly CollectionName[]>;
  description: string;
}

export const RESOURCE_TYPES = {
  accountRegion: {
    collection: "accountRegions",
    relations: {
      trails: "trails",
      alarms: "alarms",
      eventRules: "eventRules",
      iamRoles: "iamRoles",
      directories: "directories",
      workspaces: "workspaces",
      ipGroups: "ipGroups",
      networkInterfaces: "networkInterfaces",
      images: "images",
    },
    description: "One account in one region, where region-level checks are decided: trails covering it, alarms, event rules, quotas, BYOL.",
  },
  alarm: {
    collection: "alarms",
    relations: {},
    description: "A CloudWatch metric alarm.",
  },
  bundle: {
    collection: "bundles",
    relations: { image: "images" },
    description: "A WorkSpaces bundle referenced by WorkSpaces or owned by the account.",
  },
  dhcpOptions: {
    collection: "dhcpOptions",
    relations: {},
    description: "A VPC DHCP options set.",
  },
  eventRule: {
    collection: "eventRules",
    relations: {},
    description: "An EventBridge rule on the default bus, with its parsed event pattern.",
  },
  iamRole: {
    collection: "iamRoles",
    relations: {},
    description: "An IAM role WorkSpaces depends on (workspaces_DefaultRole).",
  },
  image: {
    collection: "images",
    relations: { bundles: "bundles" },
    description: "A WorkSpaces image and the accounts it is shared with.",
  },
  natGateway: {
    collection: "natGateways",
    relations: { subnet: "subnets" },
    description: "A NAT gateway in a WorkSpaces VPC.",
  },
  networkAcl: {
    collection: "networkAcls",
    relations: { vpc: "vpcs" },
    description: "A network ACL and its normalized entries.",
  },
  trail: {
    collection: "trails",
    relations: {},
    description: "A CloudTrail trail and its management-event selectors.",
  },
  vpcEndpoint: {
    collection: "vpcEndpoints",
    relations: { vpc: "vpcs" },
    description: "A VPC endpoint in a WorkSpaces VPC.",
  },
  directory: {
    collection: "directories",
    relations: {
      ipGroups: "ipGroups",
      subnets: "subnets",
      workspaceSecurityGroup: "securityGroups",
      customSecurityGroup: "securityGroups",
      controllerSecurityGroup: "securityGroups",
      workspaces: "workspaces",
      vpc: "vpcs",
      radiusInterfaces: "networkInterfaces",
    },
    description: "A WorkSpaces directory registration merged with its Directory Service description.",
  },
  ipGroup: {
    collection: "ipGroups",
    relations: { directories: "directories" },
    description: "An IP access control group and its rules.",
  },
  kmsKey: {
    collection: "kmsKeys",
    relations: { workspaces: "workspaces" },
    description: "A KMS key referenced by WorkSpaces volume encryption.",
  },
  networkInterface: {
    collection: "networkInterfaces",
    relations: { subnet: "subnets", securityGroups: "securityGroups", workspace: "workspaces" },
    description: "An elastic network interface in a WorkSpaces VPC.",
  },
  routeTable: {
    collection: "routeTables",
    relations: { vpc: "vpcs" },
    description: "A VPC route table with its normalized routes.",
  },
  securityGroup: {
    collection: "securityGroups",
    relations: { vpc: "vpcs", workspaces: ["workspaces", "networkInterfaces"] },
    description: "An EC2 security group with normalized ingress and egress rules.",
  },
  subnet: {
    collection: "subnets",
    relations: { vpc: "vpcs", routeTable: "routeTables", networkAcl: "networkAcls", workspaces: "workspaces" },
    description: "A VPC subnet; `routeTable` is the explicit association, otherwise the VPC's main table.",
  },
  vpc: {
    collection: "vpcs",
    relations: {
      dhcpOptions: "dhcpOptions",
      subnets: "subnets",
      routeTables: "routeTables",
      natGateways: "natGateways",
      vpcEndpoints: "vpcEndpoints",
      networkInterfaces: "networkInterfaces",
    },
    description: "A VPC.",
  },
  workspace: {
    collection: "workspaces",
    relations: {
      directory: "directories",
      subnet: "subnets",
      networkInterface: "networkInterfaces",
      securityGroups: ["networkInterfaces", "securityGroups"],
      kmsKey: "kmsKeys",
      bundle: "bundles",
    },
    description: "A WorkSpace with its connection status.",
  },
} as const satisfies Record<string, ResourceTypeInfo>;

export type ResourceType = keyof typeof RESOURCE_TYPES;

export const RESOURCE_TYPE_IDS = Object.keys(RESOURCE_TYPES).sort() as ResourceType[];

export function isResourceType(value: string): value is ResourceType {
  return Object.prototype.hasOwnProperty.call(RESOURCE_TYPES, value);
}
