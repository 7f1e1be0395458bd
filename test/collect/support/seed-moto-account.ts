/** Seeds a realistic WorkSpaces account in moto through the SDK: a VPC with subnets in two AZs, Simple AD and AD Connector registered, WorkSpaces encrypted and not, KMS keys enabled and pending deletion. */

import { ConnectDirectoryCommand, CreateDirectoryCommand, DirectoryServiceClient } from "@aws-sdk/client-directory-service";
import {
  AuthorizeSecurityGroupIngressCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  AssociateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { CreateAliasCommand, CreateKeyCommand, KMSClient, ScheduleKeyDeletionCommand } from "@aws-sdk/client-kms";
import { CreateWorkspacesCommand, RegisterWorkspaceDirectoryCommand, WorkSpacesClient } from "@aws-sdk/client-workspaces";
import { FAKE_CREDENTIALS } from "./fake-credentials.js";

export interface SeededAccount {
  region: string;
  vpcId: string;
  subnetA: string;
  subnetB: string;
  rdpOpenSgId: string;
  routeTableId: string;
  igwId: string;
  simpleAdId: string;
  adConnectorId: string;
  enabledKey: { keyId: string; arn: string; alias: string };
  pendingKey: { keyId: string; arn: string };
  workspaces: { encryptedWithAlias: string; encryptedWithPendingKeyArn: string; unencrypted: string };
}

export async function seedMotoAccount(endpoint: string, region = "us-east-1"): Promise<SeededAccount> {
  const config = { region, endpoint, credentials: FAKE_CREDENTIALS };
  const ec2 = new EC2Client(config);
  const ds = new DirectoryServiceClient(config);
  const kms = new KMSClient(config);
  const ws = new WorkSpacesClient(config);
  try {
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.20.0.0/16" }))).Vpc!.VpcId!;
    const subnetA = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.20.1.0/24", AvailabilityZone: `${region}a` }))).Subnet!.SubnetId!;
    const subnetB = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.20.2.0/24", AvailabilityZone: `${region}b` }))).Subnet!.SubnetId!;
    const igwId = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
    const routeTableId = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: routeTableId, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId }));
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetA }));
    const rdpOpenSgId = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: "workspaces-rdp-open", Description: "RDP open to the world", VpcId: vpcId }))).GroupId!;
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: rdpOpenSgId,
        IpPermissions: [
          { IpProtocol: "tcp", FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] },
          { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: rdpOpenSgId }] },
        ],
      }),
    );

    const simpleAdId = (
      await ds.send(new CreateDirectoryCommand({ Name: "corp.example.com", ShortName: "CORP", Password: "Passw0rd!Example", Size: "Small", VpcSettings: { VpcId: vpcId, SubnetIds: [subnetA, subnetB] } }))
    ).DirectoryId!;
    const adConnectorId = (
      await ds.send(
        new ConnectDirectoryCommand({
          Name: "onprem.example.com",
          Password: "Passw0rd!Example",
          Size: "Small",
          ConnectSettings: { VpcId: vpcId, SubnetIds: [subnetA, subnetB], CustomerDnsIps: ["192.0.2.10", "192.0.2.11"], CustomerUserName: "svc-adconnector" },
        }),
      )
    ).DirectoryId!;
    await ws.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: simpleAdId, SubnetIds: [subnetA, subnetB], EnableSelfService: true, Tenancy: "SHARED" }));
    await ws.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: adConnectorId, SubnetIds: [subnetA, subnetB], EnableSelfService: false, Tenancy: "SHARED" }));

    const enabled = (await kms.send(new CreateKeyCommand({ Description: "workspaces volumes" }))).KeyMetadata!;
    await kms.send(new CreateAliasCommand({ AliasName: "alias/workspaces-volumes", TargetKeyId: enabled.KeyId! }));
    const pending = (await kms.send(new CreateKeyCommand({ Description: "retired workspaces key" }))).KeyMetadata!;
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: pending.KeyId!, PendingWindowInDays: 7 }));

    const created = await ws.send(
      new CreateWorkspacesCommand({
        Workspaces: [
          {
            DirectoryId: simpleAdId,
            UserName: "alice",
            BundleId: "wsb-bh8rsxt14",
            VolumeEncryptionKey: "alias/workspaces-volumes",
            RootVolumeEncryptionEnabled: true,
            UserVolumeEncryptionEnabled: true,
            WorkspaceProperties: { RunningMode: "AUTO_STOP", RunningModeAutoStopTimeoutInMinutes: 60, ComputeTypeName: "STANDARD", RootVolumeSizeGib: 80, UserVolumeSizeGib: 50 },
          },
          {
            DirectoryId: adConnectorId,
            UserName: "bob",
            BundleId: "wsb-bh8rsxt14",
            VolumeEncryptionKey: pending.Arn!,
            RootVolumeEncryptionEnabled: true,
            UserVolumeEncryptionEnabled: false,
            WorkspaceProperties: { RunningMode: "ALWAYS_ON", ComputeTypeName: "PERFORMANCE" },
          },
          { DirectoryId: simpleAdId, UserName: "carol", BundleId: "wsb-bh8rsxt14", RootVolumeEncryptionEnabled: false, UserVolumeEncryptionEnabled: false },
        ],
      }),
    );
    const pendingRequests = created.PendingRequests ?? [];
    if (pendingRequests.length !== 3) throw new Error(`moto created ${pendingRequests.length} of 3 WorkSpaces: ${JSON.stringify(created.FailedRequests)}`);
    const idOf = (user: string) => pendingRequests.find((w) => w.UserName === user)!.WorkspaceId!;
    return {
      region,
      vpcId,
      subnetA,
      subnetB,
      rdpOpenSgId,
      routeTableId,
      igwId,
      simpleAdId,
      adConnectorId,
      enabledKey: { keyId: enabled.KeyId!, arn: enabled.Arn!, alias: "alias/workspaces-volumes" },
      pendingKey: { keyId: pending.KeyId!, arn: pending.Arn! },
      workspaces: { encryptedWithAlias: idOf("alice"), encryptedWithPendingKeyArn: idOf("bob"), unencrypted: idOf("carol") },
    };
  } finally {
    for (const c of [ec2, ds, kms, ws]) c.destroy();
  }
}
