// Pure normalize functions of the schema 1.1 collections on recorded API responses (fixtures/<service>.<Operation>_<n>.json).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { isWorkspacesAlarm, normalizeAlarm } from "../../src/collect/cloudwatch/alarms.js";
import { managementCoverage, normalizeTrail, type RawTrail } from "../../src/collect/cloudtrail/trails.js";
import { normalizeTrusts } from "../../src/collect/directory-service/ds-trusts.js";
import { dhcpOptionsIdsOf, normalizeDhcpOptions } from "../../src/collect/ec2/dhcp-options.js";
import { normalizeNatGateway } from "../../src/collect/ec2/nat-gateways.js";
import { normalizeNetworkAcl } from "../../src/collect/ec2/network-acls.js";
import { normalizeVpcEndpoint } from "../../src/collect/ec2/vpc-endpoints.js";
import { mentionsWorkspaces, normalizeEventRule, type RawEventRule } from "../../src/collect/eventbridge/event-rules.js";
import { normalizeIamRole, type RawIamRole } from "../../src/collect/iam/iam-roles.js";
import { normalizeKmsKeys, type RawKmsKeys } from "../../src/collect/kms/kms-keys.js";
import { parsePolicyDocument } from "../../src/collect/normalize-helpers.js";
import { normalizeAccountRegion } from "../../src/collect/workspaces/account-regions.js";
import { normalizeBundle } from "../../src/collect/workspaces/bundles.js";
import { normalizeImages, type RawImages } from "../../src/collect/workspaces/images.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are raw JSON in the API's own shape
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));
const where = { accountId: "123456789012", region: "us-east-1" };

describe("account-regions", () => {
  it("carries the BYOL settings of DescribeAccount under the id <account>/<region>", () => {
    expect(normalizeAccountRegion(fixture("workspaces.DescribeAccount_1"), where)).toEqual({
      id: "123456789012/us-east-1",
      ...where,
      byol: { dedicatedTenancySupport: "ENABLED", managementCidrRange: "192.168.48.0/20", accountType: "SOURCE_ACCOUNT" },
    });
  });

  it("reports BYOL fields AWS leaves out as null, and leaves byol absent when DescribeAccount failed", () => {
    expect(normalizeAccountRegion({ DedicatedTenancySupport: "DISABLED" }, where).byol).toEqual({ dedicatedTenancySupport: "DISABLED", managementCidrRange: null, accountType: null });
    const failed = normalizeAccountRegion(undefined, where);
    expect(failed).toEqual({ id: "123456789012/us-east-1", ...where });
    expect("byol" in failed).toBe(false);
  });
});

describe("NAT gateways, DHCP options, network ACLs, VPC endpoints", () => {
  it("normalizes NAT gateways, keeping deleted ones with their state and defaulting the connectivity type", () => {
    const [pub, deleted, pending] = fixture("ec2.DescribeNatGateways_1").NatGateways.map((n: never) => normalizeNatGateway(n, where));
    expect(pub).toEqual({ id: "nat-0a1b2c3d4e5f60001", ...where, tags: { Name: "ws-egress-a" }, vpcId: "vpc-0a1b2c3d4e5f60001", subnetId: "subnet-0a1b2c3d4e5f60010", state: "available", connectivityType: "public" });
    expect(deleted).toMatchObject({ state: "deleted", connectivityType: "private", tags: {} });
    expect(pending).toMatchObject({ state: "pending", connectivityType: "public" });
  });

  it("maps DhcpConfigurations to the five string lists and ignores other keys", () => {
    const [corp, amazon] = fixture("ec2.DescribeDhcpOptions_1").DhcpOptions.map((d: never) => normalizeDhcpOptions(d, where));
    expect(corp).toEqual({
      id: "dopt-0a1b2c3d4e5f60001",
      ...where,
      tags: { Name: "corp-dns" },
      domainName: ["corp.example.com"],
      domainNameServers: ["10.0.1.10", "10.0.2.10"],
      ntpServers: ["169.254.169.123"],
      netbiosNameServers: ["10.0.1.10"],
      netbiosNodeType: ["2"],
    });
    expect(amazon).toMatchObject({ domainName: [], domainNameServers: ["AmazonProvidedDNS"], ntpServers: [], netbiosNameServers: [], netbiosNodeType: [] });
  });

  it("asks only for the option sets the VPCs use, never the 'default' placeholder", () => {
    expect(dhcpOptionsIdsOf([{ dhcpOptionsId: "dopt-2" }, { dhcpOptionsId: "default" }, { dhcpOptionsId: null }, { dhcpOptionsId: "dopt-1" }, { dhcpOptionsId: "dopt-2" }])).toEqual(["dopt-1", "dopt-2"]);
  });

  it("normalizes NACL entries like security-group rules, ordered by direction and rule number", () => {
    const [custom, dflt] = fixture("ec2.DescribeNetworkAcls_1").NetworkAcls.map((a: never) => normalizeNetworkAcl(a, where));
    expect(custom).toMatchObject({ id: "acl-0a1b2c3d4e5f60001", vpcId: "vpc-0a1b2c3d4e5f60001", isDefault: false, subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], tags: { Name: "ws-subnets" } });
    expect(custom.entries).toEqual([
      { ruleNumber: 90, egress: false, protocol: "tcp", fromPort: 3389, toPort: 3389, cidr: "0.0.0.0/0", ipv6Cidr: null, action: "deny" },
      { ruleNumber: 110, egress: false, protocol: "udp", fromPort: 4172, toPort: 4172, cidr: "10.0.0.0/8", ipv6Cidr: null, action: "allow" },
      // tcp without a PortRange covers every port.
      { ruleNumber: 120, egress: false, protocol: "tcp", fromPort: 0, toPort: 65535, cidr: "10.0.0.0/8", ipv6Cidr: null, action: "allow" },
      // icmp keeps type and code, as security-group rules do.
      { ruleNumber: 130, egress: false, protocol: "icmp", fromPort: 8, toPort: -1, cidr: "10.0.0.0/8", ipv6Cidr: null, action: "allow" },
      { ruleNumber: 140, egress: false, protocol: "icmpv6", fromPort: -1, toPort: -1, cidr: null, ipv6Cidr: "::/0", action: "allow" },
      // A protocol without a name stays a number.
      { ruleNumber: 150, egress: false, protocol: "47", fromPort: 0, toPort: 65535, cidr: "192.0.2.0/24", ipv6Cidr: null, action: "allow" },
      { ruleNumber: 32767, egress: false, protocol: "all", fromPort: 0, toPort: 65535, cidr: "0.0.0.0/0", ipv6Cidr: null, action: "deny" },
      { ruleNumber: 100, egress: true, protocol: "all", fromPort: 0, toPort: 65535, cidr: "0.0.0.0/0", ipv6Cidr: null, action: "allow" },
      { ruleNumber: 32767, egress: true, protocol: "all", fromPort: 0, toPort: 65535, cidr: "0.0.0.0/0", ipv6Cidr: null, action: "deny" },
    ]);
    expect(dflt).toMatchObject({ isDefault: true, subnetIds: [], tags: {} });
    expect(dflt.entries.map((e: { ipv6Cidr: string | null }) => e.ipv6Cidr)).toEqual([null, "::/0"]);
  });

  it("normalizes interface and gateway VPC endpoints", () => {
    const [iface, gateway] = fixture("ec2.DescribeVpcEndpoints_1").VpcEndpoints.map((e: never) => normalizeVpcEndpoint(e, where));
    expect(iface).toEqual({
      id: "vpce-0a1b2c3d4e5f60001",
      ...where,
      tags: { Name: "workspaces-api" },
      vpcId: "vpc-0a1b2c3d4e5f60001",
      serviceName: "com.amazonaws.us-east-1.workspaces",
      type: "Interface",
      state: "available",
      subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
    });
    expect(gateway).toMatchObject({ type: "Gateway", serviceName: "com.amazonaws.us-east-1.s3", subnetIds: [] });
  });
});

describe("bundles and images", () => {
  it("normalizes public and owned bundles; capacities become whole GiB or null", () => {
    const [amazon, corp, odd] = fixture("workspaces.DescribeWorkspaceBundles_1").Bundles.map((b: never) => normalizeBundle(b, where));
    expect(amazon).toEqual({ id: "wsb-bh8rsxt14", ...where, name: "Value with Windows 10 (Server 2019 based)", owner: "AMAZON", imageId: "wsi-bh8rsxt14", computeType: "VALUE", rootCapacityGib: 80, userCapacityGib: 10, state: "AVAILABLE" });
    expect(corp).toMatchObject({ owner: "123456789012", imageId: "wsi-0a1b2c3d4", computeType: "PERFORMANCE", rootCapacityGib: 175, userCapacityGib: 100, state: "PENDING" });
    expect(odd).toEqual({ id: "wsb-0a1b2c3d5", ...where, name: null, owner: "123456789012", imageId: null, computeType: null, rootCapacityGib: null, userCapacityGib: null, state: null });
  });

  it("normalizes images; sharedWith only where the permissions call answered", () => {
    const images = normalizeImages(fixture("workspaces.DescribeWorkspaceImages_1") as RawImages, where);
    const byId = Object.fromEntries(images.map((i) => [i.id, i]));
    expect(byId["wsi-0a1b2c3d4"]).toEqual({ id: "wsi-0a1b2c3d4", ...where, name: "corp-standard-2026-01", osType: "WINDOWS", state: "AVAILABLE", requiredTenancy: "DEFAULT", ownerAccountId: "123456789012", sharedWith: ["111122223333", "444455556666"] });
    expect(byId["wsi-0a1b2c3d5"]).toMatchObject({ requiredTenancy: "DEDICATED" });
    expect("sharedWith" in byId["wsi-0a1b2c3d5"]!).toBe(false);
    expect(byId["wsi-0f0f0f0f0"]).toMatchObject({ osType: "LINUX", state: "ERROR", ownerAccountId: "999999999999" });
    expect("sharedWith" in byId["wsi-0f0f0f0f0"]!).toBe(false);
  });
});

describe("directory trusts", () => {
  it("patches Managed ADs with their trusts, other types with none, and leaves a failed directory unpatched", () => {
    const patches = normalizeTrusts({ trusts: { "d-90673400aa": fixture("ds.DescribeTrusts_1").Trusts, "d-90673400bb": [] }, none: ["d-906734a1b2"] });
    expect(patches.get("d-90673400aa")?.trusts).toEqual([
      { id: "t-9067157123", remoteDomainName: "onprem.example.org", direction: "Two-Way", type: "Forest", state: "Verified" },
      { id: "t-9067157124", remoteDomainName: "partner.example.net", direction: "One-Way: Incoming", type: "External", state: "Failed" },
    ]);
    expect(patches.get("d-90673400bb")).toEqual({ trusts: [] });
    expect(patches.get("d-906734a1b2")).toEqual({ trusts: [] });
    expect(patches.has("d-failed")).toBe(false);
  });
});

describe("KMS rotation period and key policy", () => {
  const keys = normalizeKmsKeys(fixture("kms.DescribeKey_1") as RawKmsKeys, where);
  const byId = Object.fromEntries(keys.map((k) => [k.id, k]));

  it("reads the rotation period while rotation is on; AWS managed keys rotate yearly; keys that cannot rotate have none", () => {
    expect(byId["aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"]).toMatchObject({ rotationEnabled: true, rotationPeriodDays: 180 });
    expect(byId["11111111-2222-3333-4444-555555555555"]).toMatchObject({ rotationEnabled: true, rotationPeriodDays: 365 });
    expect(byId["mrk-0a1b2c3d"]).toMatchObject({ rotationEnabled: false, rotationPeriodDays: null });
    expect(byId["cccccccc-bbbb-cccc-dddd-eeeeeeeeeeee"]).toMatchObject({ rotationEnabled: false, rotationPeriodDays: null, accountId: "999999999999" });
    expect("rotationPeriodDays" in byId["bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee"]!).toBe(false);
  });

  it("parses the key policy with Statement always a list; absent for other accounts' keys and failed calls", () => {
    expect(byId["aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"]?.policy).toEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }],
    });
    const awsManaged = byId["11111111-2222-3333-4444-555555555555"]?.policy;
    expect(awsManaged?.Statement).toHaveLength(2);
    expect(awsManaged?.Statement[0]).toMatchObject({ Condition: { StringEquals: { "kms:ViaService": "workspaces.us-east-1.amazonaws.com" } } });
    expect(byId["mrk-0a1b2c3d"]?.policy).toEqual({ Version: "2012-10-17", Statement: [] });
    expect("policy" in byId["cccccccc-bbbb-cccc-dddd-eeeeeeeeeeee"]!).toBe(false);
    expect("policy" in byId["bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee"]!).toBe(false);
  });

  it("parsePolicyDocument decodes IAM's URL-encoded documents and refuses non-objects", () => {
    expect(parsePolicyDocument("%7B%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%7D%7D")).toEqual({ Statement: [{ Effect: "Allow" }] });
    expect(parsePolicyDocument('{"Version":"2012-10-17"}')).toEqual({ Version: "2012-10-17", Statement: [] });
    expect(() => parsePolicyDocument("[]")).toThrow(SyntaxError);
    expect(() => parsePolicyDocument("not json")).toThrow(SyntaxError);
  });
});

describe("CloudTrail trails", () => {
  const raw = fixture("cloudtrail.DescribeTrails_1").trails as RawTrail[];
  const eu = { accountId: "123456789012", region: "eu-west-1" };
  const [org, advanced, dataOnly] = raw.map((t) => normalizeTrail(t, eu));

  it("lists a shadow multi-region organization trail in the region collected, with its home region", () => {
    expect(org).toEqual({
      id: "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail",
      ...eu,
      name: "org-trail",
      homeRegion: "us-east-1",
      multiRegion: true,
      organization: true,
      isLogging: true,
      // WriteOnly + ReadOnly = All; kms is excluded by both including selectors, rdsdata by one only.
      management: { included: true, readWriteType: "All", excludedSources: ["kms.amazonaws.com"] },
      advancedSelectors: [],
    });
  });

  it("sets management to null when advanced selectors are used, and keeps them normalized", () => {
    expect(advanced).toMatchObject({ isLogging: false, management: null, multiRegion: false, organization: false });
    expect(advanced!.advancedSelectors).toEqual([
      {
        name: "Management events except KMS",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Management"], notEquals: [] },
          { field: "eventSource", equals: [], notEquals: ["kms.amazonaws.com"] },
        ],
      },
      { name: null, fieldSelectors: [{ field: "eventCategory", equals: ["Data"], notEquals: [] }, { field: "resources.type", equals: ["AWS::S3::Object"], notEquals: [] }] },
    ]);
  });

  it("reports a trail that logs no management events, and an unknown logging state as null", () => {
    expect(dataOnly).toMatchObject({ management: { included: false, readWriteType: "None", excludedSources: [] }, isLogging: null, organization: false });
    expect(managementCoverage([{ ReadWriteType: "WriteOnly" }])).toEqual({ included: true, readWriteType: "WriteOnly", excludedSources: [] });
  });
});

describe("CloudWatch alarms", () => {
  const alarms = fixture("cloudwatch.DescribeAlarms_1").MetricAlarms;

  it("keeps alarms on WorkSpaces metrics, metric math and searches included, and drops the rest", () => {
    expect(alarms.map(isWorkspacesAlarm)).toEqual([true, true, true, false]);
    expect(alarms.filter(isWorkspacesAlarm).map((a: never) => normalizeAlarm(a, where).id)).toEqual(["ws-unhealthy-d-906734a1b2", "ws-connection-failure-ratio", "ws-any-unhealthy-search"]);
  });

  it("normalizes a metric alarm and a metric-math alarm by the WorkSpaces metric it reads", () => {
    expect(normalizeAlarm(alarms[0], where)).toEqual({
      id: "ws-unhealthy-d-906734a1b2",
      ...where,
      arn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:ws-unhealthy-d-906734a1b2",
      namespace: "AWS/WorkSpaces",
      metricName: "Unhealthy",
      dimensions: [{ name: "DirectoryId", value: "d-906734a1b2" }],
      actionsEnabled: true,
      alarmActions: ["arn:aws:sns:us-east-1:123456789012:ops-pager"],
    });
    expect(normalizeAlarm(alarms[1], where)).toMatchObject({ namespace: "AWS/WorkSpaces", metricName: "ConnectionFailure", dimensions: [{ name: "DirectoryId", value: "d-906734a1b2" }], actionsEnabled: false, alarmActions: [] });
    expect(normalizeAlarm(alarms[2], where)).toMatchObject({ arn: null, namespace: "AWS/WorkSpaces", metricName: null, dimensions: [] });
  });
});

describe("EventBridge rules", () => {
  const data = fixture("events.ListRules_1");

  it("keeps only rules whose pattern mentions aws.workspaces", () => {
    expect(data.rules.map((r: RawEventRule) => mentionsWorkspaces(r.rule))).toEqual([true, true]);
    expect(data.unscoped.map(mentionsWorkspaces)).toEqual([false, false]);
  });

  it("parses the pattern and counts targets; the bus defaults to 'default'", () => {
    const [active, disabled] = (data.rules as RawEventRule[]).map((r) => normalizeEventRule(r, where));
    expect(active).toEqual({
      id: "arn:aws:events:us-east-1:123456789012:rule/workspaces-state-changes",
      ...where,
      name: "workspaces-state-changes",
      eventBus: "default",
      state: "ENABLED",
      pattern: { source: ["aws.workspaces"], "detail-type": ["WorkSpaces Access"], detail: { directoryId: ["d-906734a1b2"] } },
      targetCount: 2,
    });
    expect(disabled).toMatchObject({ state: "DISABLED", eventBus: "default", pattern: { source: [{ prefix: "aws.workspaces" }] }, targetCount: 0 });
    expect(normalizeEventRule({ rule: data.unscoped[0], targetCount: 1 }, where).pattern).toBeNull();
  });
});

describe("IAM roles", () => {
  it("decodes the URL-encoded trust policy, sorts attached policies and keeps the boundary; region is global", () => {
    expect(normalizeIamRole(fixture("iam.GetRole_1") as RawIamRole, where)).toEqual({
      id: "workspaces_DefaultRole",
      accountId: "123456789012",
      region: "global",
      tags: { owner: "euc-team" },
      arn: "arn:aws:iam::123456789012:role/workspaces_DefaultRole",
      trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "workspaces.amazonaws.com" }, Action: "sts:AssumeRole" }] },
      attachedPolicyArns: ["arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess", "arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess"],
      permissionsBoundaryArn: "arn:aws:iam::123456789012:policy/ws-boundary",
      roleId: "AROAEXAMPLE0000000001",
    });
  });
});
