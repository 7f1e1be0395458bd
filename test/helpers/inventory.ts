// Test helper: a small, schema-valid inventory with one directory, one WorkSpace and everything it relates to.
import type { Inventory } from "../../src/inventory/model.js";

const A = "123456789012";
const R = "us-east-1";

export function smallInventory(): Inventory {
  return {
    schemaVersion: "1.0",
    collectedAt: "2026-01-01T00:00:00Z",
    tool: { name: "wsaudit", version: "test" },
    scope: { partition: "aws", accounts: [A], regions: [R] },
    errors: [],
    directories: [
      {
        id: "d-1", accountId: A, region: R, wsType: "AD_CONNECTOR", dsType: "ADConnector", wsState: "REGISTERED",
        subnetIds: ["subnet-a", "subnet-b"], dnsIps: ["10.0.0.10", "10.0.1.10"], ipGroupIds: ["wsipg-1", "wsipg-gone"],
        workspaceSecurityGroupId: "sg-members",
        creation: { enableInternetAccess: false, defaultOu: null, customSecurityGroupId: "sg-custom", userEnabledAsLocalAdministrator: false, enableMaintenanceMode: true },
      },
    ],
    workspaces: [
      { id: "ws-1", accountId: A, region: R, directoryId: "d-1", userName: "jdoe", state: "AVAILABLE", subnetId: "subnet-a", ipAddress: "10.0.0.50", rootVolumeEncrypted: true, userVolumeEncrypted: true, volumeEncryptionKey: "alias/ws" },
      { id: "ws-2", accountId: A, region: R, directoryId: "d-1", userName: "asmith", state: "AVAILABLE", subnetId: "subnet-b", ipAddress: "10.0.1.60", rootVolumeEncrypted: false, userVolumeEncrypted: false, volumeEncryptionKey: null },
    ],
    ipGroups: [{ id: "wsipg-1", accountId: A, region: R, name: "office", rules: [{ cidr: "203.0.113.0/24" }] }],
    securityGroups: [
      { id: "sg-members", accountId: A, region: R, name: "d-1_workspacesMembers", vpcId: "vpc-1", ingress: [], egress: [] },
      { id: "sg-custom", accountId: A, region: R, name: "custom", vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 3389, toPort: 3389, ipv4: ["0.0.0.0/0"], ipv6: [], prefixListIds: [], groupRefs: [] }], egress: [] },
    ],
    networkInterfaces: [
      { id: "eni-1", accountId: A, region: R, vpcId: "vpc-1", subnetId: "subnet-a", privateIps: ["10.0.0.50"], publicIp: null, groupIds: ["sg-members", "sg-custom"] },
      // Same IP in another subnet: the join must use the subnet too.
      { id: "eni-decoy", accountId: A, region: R, vpcId: "vpc-1", subnetId: "subnet-b", privateIps: ["10.0.0.50"], publicIp: null, groupIds: [] },
    ],
    subnets: [
      { id: "subnet-a", accountId: A, region: R, vpcId: "vpc-1", availabilityZone: "us-east-1a", cidr: "10.0.0.0/24", availableIps: 200 },
      { id: "subnet-b", accountId: A, region: R, vpcId: "vpc-1", availabilityZone: "us-east-1b", cidr: "10.0.1.0/24", availableIps: 100 },
    ],
    vpcs: [{ id: "vpc-1", accountId: A, region: R, cidrs: ["10.0.0.0/16"], isDefault: false }],
    routeTables: [
      { id: "rtb-main", accountId: A, region: R, vpcId: "vpc-1", isMain: true, subnetIds: [], routes: [{ destination: "10.0.0.0/16", destinationIpv6: null, targetType: "local", targetId: "local", state: "active" }] },
      { id: "rtb-a", accountId: A, region: R, vpcId: "vpc-1", isMain: false, subnetIds: ["subnet-a"], routes: [{ destination: "0.0.0.0/0", destinationIpv6: null, targetType: "nat", targetId: "nat-1", state: "active" }] },
    ],
    kmsKeys: [
      { id: "1111-2222", accountId: A, region: R, arn: `arn:aws:kms:${R}:${A}:key/1111-2222`, aliases: ["alias/ws"], keyManager: "CUSTOMER", keyState: "Enabled", enabled: true },
    ],
  };
}
