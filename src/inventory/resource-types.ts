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
    relations: { vpc: "vpcs", routeTable: "routeTables", workspaces: "workspaces" },
    description: "A VPC subnet; `routeTable` is the explicit association, otherwise the VPC's main table.",
  },
  vpc: {
    collection: "vpcs",
    relations: {},
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
    },
    description: "A WorkSpace with its connection status.",
  },
} as const satisfies Record<string, ResourceTypeInfo>;

export type ResourceType = keyof typeof RESOURCE_TYPES;

export const RESOURCE_TYPE_IDS = Object.keys(RESOURCE_TYPES).sort() as ResourceType[];

export function isResourceType(value: string): value is ResourceType {
  return Object.prototype.hasOwnProperty.call(RESOURCE_TYPES, value);
}
