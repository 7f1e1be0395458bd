/**
 * Seeds a realistic WorkSpaces account in moto through the SDK: a VPC with subnets in two AZs, a NAT gateway, DHCP
 * options, a custom network ACL and a WorkSpaces VPC endpoint; Simple AD, AD Connector and Managed Microsoft AD (with a
 * trust) registered; WorkSpaces encrypted and not; KMS keys enabled (rotating) and pending deletion; a custom image
 * shared with another account; two trails, WorkSpaces and EC2 alarms, WorkSpaces and other event rules, and the
 * WorkSpaces service role.
 */

import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { ConnectDirectoryCommand, CreateDirectoryCommand, CreateMicrosoftADCommand, CreateTrustCommand, DirectoryServiceClient } from "@aws-sdk/client-directory-service";
import {
  AllocateAddressCommand,
  AssociateDhcpOptionsCommand,
  CreateDhcpOptionsCommand,
  CreateNatGatewayCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateVpcEndpointCommand,
  DescribeNetworkAclsCommand,
  ReplaceNetworkAclAssociationCommand,
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
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from "@aws-sdk/client-eventbridge";
import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateAliasCommand, CreateKeyCommand, EnableKeyRotationCommand, KMSClient, ScheduleKeyDeletionCommand } from "@aws-sdk/client-kms";
import { CreateWorkspaceImageCommand, CreateWorkspacesCommand, RegisterWorkspaceDirectoryCommand, UpdateWorkspaceImagePermissionCommand, WorkSpacesClient } from "@aws-sdk/client-workspaces";
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
  managedAdId: string;
  trustId: string;
  natGatewayId: string;
  dhcpOptionsId: string;
  networkAclId: string;
  vpcEndpointId: string;
  image: { id: string; sharedWith: string };
  trails: { loggingArn: string; advancedArn: string };
  servicePolicyArn: string;
  enabledKey: { keyId: string; arn: string; alias: string };
  pendingKey: { keyId: string; arn: string };
  workspaces: { encryptedWithAlias: string; encryptedWithPendingKeyArn: string; unencrypted: string };
}

/** Test setup only: the trail needs a bucket and no S3 client is installed; moto accepts an unsigned path-style PUT. */
async function createBucket(endpoint: string, name: string): Promise<void> {
  const res = await fetch(`${endpoint}/${name}`, { method: "PUT" });
  if (!res.ok) throw new Error(`moto refused to create bucket ${name}: ${res.status}`);
}

export async function seedMotoAccount(endpoint: string, region = "us-east-1"): Promise<SeededAccount> {
  const config = { region, endpoint, credentials: FAKE_CREDENTIALS };
  const ec2 = new EC2Client(config);
  const ds = new DirectoryServiceClient(config);
  const kms = new KMSClient(config);
  const ws = new WorkSpacesClient(config);
  const ct = new CloudTrailClient(config);
  const cw = new CloudWatchClient(config);
  const eb = new EventBridgeClient(config);
  const iam = new IAMClient(config);
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

    const allocationId = (await ec2.send(new AllocateAddressCommand({ Domain: "vpc" }))).AllocationId!;
    const natGatewayId = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetA, AllocationId: allocationId }))).NatGateway!.NatGatewayId!;
    const dhcpOptionsId = (
      await ec2.send(
        new CreateDhcpOptionsCommand({
          DhcpConfigurations: [
            { Key: "domain-name", Values: ["corp.example.com"] },
            { Key: "domain-name-servers", Values: ["10.20.1.10", "10.20.2.10"] },
            { Key: "ntp-servers", Values: ["169.254.169.123"] },
          ],
        }),
      )
    ).DhcpOptions!.DhcpOptionsId!;
    await ec2.send(new AssociateDhcpOptionsCommand({ DhcpOptionsId: dhcpOptionsId, VpcId: vpcId }));
    const networkAclId = (await ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl!.NetworkAclId!;
    await ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: networkAclId, RuleNumber: 100, Protocol: "6", RuleAction: "deny", Egress: false, CidrBlock: "0.0.0.0/0", PortRange: { From: 3389, To: 3389 } }));
    await ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: networkAclId, RuleNumber: 110, Protocol: "-1", RuleAction: "allow", Egress: false, CidrBlock: "10.0.0.0/8" }));
    await ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: networkAclId, RuleNumber: 120, Protocol: "-1", RuleAction: "allow", Egress: true, Ipv6CidrBlock: "::/0" }));
    const defaultAcl = (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }, { Name: "default", Values: ["true"] }] }))).NetworkAcls![0]!;
    const subnetBAssociation = defaultAcl.Associations!.find((a) => a.SubnetId === subnetB)!.NetworkAclAssociationId!;
    await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: subnetBAssociation, NetworkAclId: networkAclId }));
    const vpcEndpointId = (
      await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpcId, ServiceName: `com.amazonaws.${region}.workspaces`, VpcEndpointType: "Interface", SubnetIds: [subnetA, subnetB] }))
    ).VpcEndpoint!.VpcEndpointId!;

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
    const managedAdId = (
      await ds.send(new CreateMicrosoftADCommand({ Name: "mad.example.com", Password: "Passw0rd!Example", Edition: "Standard", VpcSettings: { VpcId: vpcId, SubnetIds: [subnetA, subnetB] } }))
    ).DirectoryId!;
    const trustId = (
      await ds.send(
        new CreateTrustCommand({ DirectoryId: managedAdId, RemoteDomainName: "onprem.example.org", TrustPassword: "Trust!Passw0rd", TrustDirection: "One-Way: Outgoing", TrustType: "Forest", ConditionalForwarderIpAddrs: ["192.0.2.53"] }),
      )
    ).TrustId!;
    await ws.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: managedAdId, SubnetIds: [subnetA, subnetB], Tenancy: "SHARED" }));

    const enabled = (await kms.send(new CreateKeyCommand({ Description: "workspaces volumes" }))).KeyMetadata!;
    await kms.send(new EnableKeyRotationCommand({ KeyId: enabled.KeyId!, RotationPeriodInDays: 180 }));
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

    const imageId = (await ws.send(new CreateWorkspaceImageCommand({ Name: "corp-standard", Description: "from alice", WorkspaceId: idOf("alice") }))).ImageId!;
    await ws.send(new UpdateWorkspaceImagePermissionCommand({ ImageId: imageId, AllowCopyImage: true, SharedAccountId: "111122223333" }));

    await createBucket(endpoint, "wsaudit-seed-trail");
    const loggingArn = (await ct.send(new CreateTrailCommand({ Name: "org-trail", S3BucketName: "wsaudit-seed-trail", IsMultiRegionTrail: true }))).TrailARN!;
    await ct.send(new StartLoggingCommand({ Name: "org-trail" }));
    await ct.send(new PutEventSelectorsCommand({ TrailName: loggingArn, EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, ExcludeManagementEventSources: ["kms.amazonaws.com"] }] }));
    const advancedArn = (await ct.send(new CreateTrailCommand({ Name: "advanced-trail", S3BucketName: "wsaudit-seed-trail" }))).TrailARN!;
    await ct.send(
      new PutEventSelectorsCommand({
        TrailName: advancedArn,
        AdvancedEventSelectors: [{ Name: "management", FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }, { Field: "readOnly", Equals: ["false"] }] }],
      }),
    );

    const alarm = { Statistic: "Maximum" as const, Period: 300, EvaluationPeriods: 1, Threshold: 0, ComparisonOperator: "GreaterThanThreshold" as const };
    await cw.send(
      new PutMetricAlarmCommand({ ...alarm, AlarmName: "ws-unhealthy", Namespace: "AWS/WorkSpaces", MetricName: "Unhealthy", Dimensions: [{ Name: "DirectoryId", Value: simpleAdId }], AlarmActions: [`arn:aws:sns:${region}:123456789012:ops`] }),
    );
    await cw.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: "ec2-cpu", Namespace: "AWS/EC2", MetricName: "CPUUtilization" }));

    await eb.send(new PutRuleCommand({ Name: "workspaces-access", EventPattern: JSON.stringify({ source: ["aws.workspaces"], "detail-type": ["WorkSpaces Access"] }) }));
    await eb.send(new PutTargetsCommand({ Rule: "workspaces-access", Targets: [{ Id: "ops", Arn: `arn:aws:sns:${region}:123456789012:ops` }] }));
    await eb.send(new PutRuleCommand({ Name: "nightly", ScheduleExpression: "rate(1 day)" }));

    // moto does not ship the AWS managed WorkSpaces policies; a customer managed one stands in for them.
    const servicePolicyArn = (
      await iam.send(new CreatePolicyCommand({ PolicyName: "WorkSpacesServiceAccess", PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ec2:DescribeNetworkInterfaces", Resource: "*" }] }) }))
    ).Policy!.Arn!;
    await iam.send(
      new CreateRoleCommand({
        RoleName: "workspaces_DefaultRole",
        AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "workspaces.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
      }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: "workspaces_DefaultRole", PolicyArn: servicePolicyArn }));

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
      managedAdId,
      trustId,
      natGatewayId,
      dhcpOptionsId,
      networkAclId,
      vpcEndpointId,
      image: { id: imageId, sharedWith: "111122223333" },
      trails: { loggingArn, advancedArn },
      servicePolicyArn,
      enabledKey: { keyId: enabled.KeyId!, arn: enabled.Arn!, alias: "alias/workspaces-volumes" },
      pendingKey: { keyId: pending.KeyId!, arn: pending.Arn! },
      workspaces: { encryptedWithAlias: idOf("alice"), encryptedWithPendingKeyArn: idOf("bob"), unencrypted: idOf("carol") },
    };
  } finally {
    for (const c of [ec2, ds, kms, ws, ct, cw, eb, iam]) c.destroy();
  }
}
