/** A simulated AWS endpoint for tests and the benchmark: WorkSpaces with a 2/s-burst-5 style limit and latency, plus just enough DS, KMS, EC2, STS, CloudTrail, CloudWatch, EventBridge and IAM. */

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_ACCOUNT = "123456789012";
/** Secrets the fake returns so that tests can prove they never reach an inventory. */
export const FAKE_RADIUS_SECRET = "RADIUS-SHARED-SECRET-do-not-store";
export const FAKE_REGISTRATION_CODE = "SLiad+REGCODE-do-not-store";

export interface FakeAwsOptions {
  /** WorkSpaces generated per region. */
  workspacesByRegion: Record<string, number>;
  /** Server-side WorkSpaces limit per region; omitted = unlimited. */
  rateLimit?: { ratePerSecond: number; burst: number };
  /** Delay before each answer. */
  latencyMs?: number;
  /** Services (SigV4 names: workspaces, ds, kms, ec2, cloudtrail, monitoring, events, iam) that answer every call with access denied. */
  denyServices?: string[];
  /** Resource ids whose DescribeTags call is answered with access denied (a tag-based deny on one resource). */
  denyTagsFor?: string[];
  /** The Directory Service stage of every directory (default "Active"); "Impaired" makes WS-DIR-001 fail. */
  dsStage?: string;
}

export interface FakeAwsStats {
  /** Answered calls per "service.Operation". */
  calls: Record<string, number>;
  /** Calls refused with ThrottlingException. */
  throttled: number;
  /** WorkSpaces calls that reached the bucket (answered or throttled), per region. */
  workspacesCallsByRegion: Record<string, number>;
  /** WorkSpaces calls answered (not throttled), per region. */
  workspacesAnsweredByRegion: Record<string, number>;
  /** DescribeTags calls answered (tags or an error, not throttled), per ResourceId. */
  describeTagsByResource: Record<string, number>;
}

export interface FakeAws {
  url: string;
  stats: FakeAwsStats;
  close(): Promise<void>;
}

interface Bucket {
  tokens: number;
  last: number;
}

const PAGE = 25;
/** Bundles and images the fake knows: the AMAZON bundle every WorkSpace uses, and one bundle and image the account owns. */
export const FAKE_PUBLIC_BUNDLE = "wsb-fake00001";
export const FAKE_OWNED_BUNDLE = "wsb-owned0001";
export const FAKE_OWNED_IMAGE = "wsi-owned0001";
export const FAKE_TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${FAKE_ACCOUNT}:trail/org-trail`;
/** Tags DescribeTags reports: the directory and the IP group carry these; every fourth WorkSpace opts out of conversion; the rest have none. */
export const FAKE_DIRECTORY_TAGS = [{ Key: "Owner", Value: "it-ops@example.com" }, { Key: "CostCenter", Value: "4711" }];
export const FAKE_IP_GROUP_TAGS = [{ Key: "Purpose", Value: "office egress" }];
export const FAKE_WORKSPACE_TAGS = [{ Key: "Skip_Convert", Value: "true" }];
export const fakeWorkspaceIsTagged = (index: number): boolean => index % 4 === 0;

function bundleRecord(id: string): Record<string, unknown> | undefined {
  if (id === FAKE_PUBLIC_BUNDLE)
    return { BundleId: id, Name: "Standard with Windows 10", Owner: "AMAZON", ImageId: "wsi-amazon0001", RootStorage: { Capacity: "80" }, UserStorage: { Capacity: "50" }, ComputeType: { Name: "STANDARD" }, State: "AVAILABLE" };
  if (id === FAKE_OWNED_BUNDLE)
    return { BundleId: id, Name: "corp", Owner: FAKE_ACCOUNT, ImageId: FAKE_OWNED_IMAGE, RootStorage: { Capacity: "175" }, UserStorage: { Capacity: "100" }, ComputeType: { Name: "POWER" }, State: "AVAILABLE" };
  return undefined;
}

function workspaceRecord(region: string, i: number): Record<string, unknown> {
  const encrypted = i % 2 === 0;
  return {
    WorkspaceId: `ws-${region.replace(/-/g, "")}${String(i).padStart(6, "0")}`,
    DirectoryId: `d-${region.replace(/-/g, "").slice(0, 8)}01`,
    UserName: `user${i}`,
    IpAddress: `10.0.${Math.floor(i / 250) % 250}.${(i % 250) + 4}`,
    State: "AVAILABLE",
    BundleId: FAKE_PUBLIC_BUNDLE,
    SubnetId: "subnet-fake0001",
    ComputerName: `WSAMZN-${i}`,
    RootVolumeEncryptionEnabled: encrypted,
    UserVolumeEncryptionEnabled: encrypted,
    ...(encrypted ? { VolumeEncryptionKey: "alias/aws/workspaces" } : {}),
    WorkspaceProperties: { RunningMode: "AUTO_STOP", RunningModeAutoStopTimeoutInMinutes: 60, RootVolumeSizeGib: 80, UserVolumeSizeGib: 50, ComputeTypeName: "STANDARD", Protocols: ["WSP"] },
    ModificationStates: [],
  };
}

function directoryRecord(region: string): Record<string, unknown> {
  return {
    DirectoryId: `d-${region.replace(/-/g, "").slice(0, 8)}01`,
    Alias: "corp",
    DirectoryName: "corp.example.com",
    RegistrationCode: FAKE_REGISTRATION_CODE,
    SubnetIds: ["subnet-fake0001", "subnet-fake0002"],
    DnsIpAddresses: ["10.0.0.10", "10.0.1.10"],
    CustomerUserName: "Administrator",
    DirectoryType: "AD_CONNECTOR",
    WorkspaceSecurityGroupId: "sg-fake0001",
    State: "REGISTERED",
    ipGroupIds: ["wsipg-fake0001"],
    WorkspaceAccessProperties: { DeviceTypeWindows: "ALLOW", DeviceTypeWeb: "DENY" },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function scope(req: IncomingMessage): { region: string; service: string } {
  const m = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(String(req.headers.authorization ?? ""));
  return { region: m?.[1] ?? "us-east-1", service: m?.[2] ?? "unknown" };
}

export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  const stats: FakeAwsStats = { calls: {}, throttled: 0, workspacesCallsByRegion: {}, workspacesAnsweredByRegion: {}, describeTagsByResource: {} };
  const buckets = new Map<string, Bucket>();
  const latency = options.latencyMs ?? 0;
  const deny = new Set(options.denyServices ?? []);
  const denyTags = new Set(options.denyTagsFor ?? []);

  const take = (region: string): boolean => {
    const limit = options.rateLimit;
    if (!limit) return true;
    const now = performance.now();
    const b = buckets.get(region) ?? { tokens: limit.burst, last: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.last) / 1000) * limit.ratePerSecond);
    b.last = now;
    buckets.set(region, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
    res.end(JSON.stringify(body));
  };
  const xml = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { "content-type": "text/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
  };

  const workspacesOp = (region: string, op: string, input: Record<string, unknown>): [number, unknown] => {
    const count = options.workspacesByRegion[region] ?? 0;
    const offset = Number(input["NextToken"] ?? 0);
    const page = <T>(items: T[], size: number): { items: T[]; next?: string } => {
      const slice = items.slice(offset, offset + size);
      return offset + size < items.length ? { items: slice, next: String(offset + size) } : { items: slice };
    };
    const range = (n: number) => Array.from({ length: Math.min(PAGE, Math.max(0, n - offset)) }, (_, k) => offset + k);
    switch (op) {
      case "DescribeWorkspaces": {
        const limit = Number(input["Limit"] ?? PAGE);
        if (limit > PAGE) return [400, { __type: "ValidationException", message: "Limit must be <= 25" }];
        const ids = range(count);
        const next = offset + PAGE < count ? String(offset + PAGE) : undefined;
        return [200, { Workspaces: ids.map((i) => workspaceRecord(region, i)), ...(next ? { NextToken: next } : {}) }];
      }
      case "DescribeWorkspacesConnectionStatus": {
        const ids = range(count);
        const next = offset + PAGE < count ? String(offset + PAGE) : undefined;
        const statuses = ids.map((i) => ({
          WorkspaceId: (workspaceRecord(region, i)["WorkspaceId"] as string),
          ConnectionState: i % 3 === 0 ? "CONNECTED" : "DISCONNECTED",
          ConnectionStateCheckTimestamp: 1767225600,
          LastKnownUserConnectionTimestamp: 1767139200,
        }));
        return [200, { WorkspacesConnectionStatus: statuses, ...(next ? { NextToken: next } : {}) }];
      }
      case "DescribeWorkspaceDirectories": {
        const p = page(count > 0 ? [directoryRecord(region)] : [], PAGE);
        return [200, { Directories: p.items, ...(p.next ? { NextToken: p.next } : {}) }];
      }
      case "DescribeIpGroups": {
        if (Number(input["MaxResults"] ?? PAGE) > PAGE) return [400, { __type: "InvalidParameterValuesException", message: "MaxResults must be <= 25" }];
        const groups = count > 0 ? [{ groupId: "wsipg-fake0001", groupName: "office", groupDesc: "Office egress", userRules: [{ ipRule: "203.0.113.0/24", ruleDesc: "HQ" }] }] : [];
        return [200, { Result: groups }];
      }
      case "DescribeAccount":
        return [200, { DedicatedTenancySupport: "DISABLED" }];
      case "DescribeWorkspaceBundles": {
        const ids = input["BundleIds"] as string[] | undefined;
        if (ids !== undefined && (ids.length < 1 || ids.length > PAGE || input["Owner"] !== undefined)) return [400, { __type: "InvalidParameterValuesException", message: "BundleIds must hold 1-25 ids and not be combined with Owner" }];
        const bundles = ids !== undefined ? ids.map(bundleRecord).filter((b) => b !== undefined) : [bundleRecord(FAKE_OWNED_BUNDLE)];
        return [200, { Bundles: bundles }];
      }
      case "DescribeWorkspaceImages": {
        const ids = input["ImageIds"] as string[] | undefined;
        if (ids !== undefined && (ids.length < 1 || ids.length > PAGE)) return [400, { __type: "InvalidParameterValuesException", message: "ImageIds must hold 1-25 ids" }];
        const owned = { ImageId: FAKE_OWNED_IMAGE, Name: "corp-2026", OperatingSystem: { Type: "WINDOWS" }, State: "AVAILABLE", RequiredTenancy: "DEFAULT", OwnerAccountId: FAKE_ACCOUNT };
        const images = input["ImageType"] === "OWNED" || ids?.includes(FAKE_OWNED_IMAGE) ? [owned] : [];
        return [200, { Images: images }];
      }
      case "DescribeWorkspaceImagePermissions":
        return [200, { ImageId: input["ImageId"], ImagePermissions: input["ImageId"] === FAKE_OWNED_IMAGE ? [{ SharedAccountId: "444455556666" }] : [] }];
      case "DescribeClientProperties": {
        const ids = (input["ResourceIds"] as string[] | undefined) ?? [];
        if (ids.length < 1 || ids.length > PAGE) return [400, { __type: "InvalidParameterValuesException", message: "ResourceIds must hold 1-25 ids" }];
        return [200, { ClientPropertiesList: ids.map((id) => ({ ResourceId: id, ClientProperties: { ReconnectEnabled: "DISABLED", LogUploadEnabled: "ENABLED" } })) }];
      }
      case "DescribeTags": {
        const id = input["ResourceId"];
        if (typeof id !== "string" || id === "") return [400, { __type: "InvalidParameterValuesException", message: "ResourceId is required" }];
        stats.describeTagsByResource[id] = (stats.describeTagsByResource[id] ?? 0) + 1;
        if (denyTags.has(id)) return [400, { __type: "AccessDeniedException", message: `User: arn:aws:iam::${FAKE_ACCOUNT}:user/auditor is not authorized to perform: workspaces:DescribeTags on resource: ${id}` }];
        if (count > 0 && id === directoryRecord(region)["DirectoryId"]) return [200, { TagList: FAKE_DIRECTORY_TAGS }];
        if (count > 0 && id === "wsipg-fake0001") return [200, { TagList: FAKE_IP_GROUP_TAGS }];
        // WorkSpace ids are `ws-<region><6-digit index>` (workspaceRecord).
        const prefix = `ws-${region.replace(/-/g, "")}`;
        const index = id.startsWith(prefix) && /^\d{6}$/.test(id.slice(prefix.length)) ? Number(id.slice(prefix.length)) : -1;
        if (index < 0 || index >= count) return [400, { __type: "ResourceNotFoundException", message: `${id} not found` }];
        return [200, { TagList: fakeWorkspaceIsTagged(index) ? FAKE_WORKSPACE_TAGS : [] }];
      }
      default:
        return [400, { __type: "UnknownOperationException", message: `fake does not implement ${op}` }];
    }
  };

  const dsStage = options.dsStage ?? "Active";
  const dsOp = (region: string, op: string): [number, unknown] => {
    if (op === "DescribeTrusts") return [200, { Trusts: [] }];
    if (op !== "DescribeDirectories") return [400, { __type: "UnknownOperationException", message: op }];
    const count = options.workspacesByRegion[region] ?? 0;
    const dirs =
      count > 0
        ? [
            {
              DirectoryId: directoryRecord(region)["DirectoryId"],
              Name: "corp.example.com",
              Type: "ADConnector",
              Size: "Small",
              Stage: dsStage,
              DnsIpAddrs: ["10.0.0.10", "10.0.1.10"],
              ConnectSettings: { VpcId: "vpc-fake0001", SubnetIds: ["subnet-fake0001", "subnet-fake0002"], SecurityGroupId: "sg-fake0002", AvailabilityZones: [`${region}a`, `${region}b`], ConnectIps: ["10.0.0.20"], CustomerUserName: "svc-adc" },
              RadiusSettings: { RadiusServers: ["10.0.5.5"], RadiusPort: 1812, RadiusTimeout: 5, RadiusRetries: 3, SharedSecret: FAKE_RADIUS_SECRET, AuthenticationProtocol: "PAP" },
              RadiusStatus: "Completed",
            },
          ]
        : [];
    return [200, { DirectoryDescriptions: dirs }];
  };

  const kmsOp = (region: string, op: string, input: Record<string, unknown>): [number, unknown] => {
    const keyId = "0b7e1f5a-1111-4222-8333-444455556666";
    const arn = `arn:aws:kms:${region}:${FAKE_ACCOUNT}:key/${keyId}`;
    switch (op) {
      case "DescribeKey":
        return [200, { KeyMetadata: { KeyId: keyId, Arn: arn, AWSAccountId: FAKE_ACCOUNT, KeyManager: "AWS", KeyState: "Enabled", Enabled: true, KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "ENCRYPT_DECRYPT", Origin: "AWS_KMS", MultiRegion: false, _ref: input["KeyId"] } }];
      case "ListAliases":
        return [200, { Aliases: [{ AliasName: "alias/aws/workspaces", AliasArn: `arn:aws:kms:${region}:${FAKE_ACCOUNT}:alias/aws/workspaces`, TargetKeyId: keyId }], Truncated: false }];
      case "GetKeyRotationStatus":
        return [200, { KeyRotationEnabled: true }];
      case "GetKeyPolicy":
        return [200, { PolicyName: "default", Policy: JSON.stringify({ Version: "2012-10-17", Statement: { Sid: "root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${FAKE_ACCOUNT}:root` }, Action: "kms:*", Resource: "*" } }) }];
      default:
        return [400, { __type: "UnsupportedOperationException", message: op }];
    }
  };

  const cloudtrailOp = (op: string): [number, unknown] => {
    switch (op) {
      case "DescribeTrails":
        return [200, { trailList: [{ Name: "org-trail", TrailARN: FAKE_TRAIL_ARN, HomeRegion: "us-east-1", IsMultiRegionTrail: true, IsOrganizationTrail: false }] }];
      case "GetTrailStatus":
        return [200, { IsLogging: true }];
      case "GetEventSelectors":
        return [200, { TrailARN: FAKE_TRAIL_ARN, EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true }] }];
      default:
        return [400, { __type: "UnsupportedOperationException", message: op }];
    }
  };

  const cloudwatchOp = (region: string, op: string): [number, unknown] => {
    if (op !== "DescribeAlarms") return [400, { __type: "UnsupportedOperationException", message: op }];
    const alarm = (name: string, namespace: string, metric: string) => ({ AlarmName: name, AlarmArn: `arn:aws:cloudwatch:${region}:${FAKE_ACCOUNT}:alarm:${name}`, Namespace: namespace, MetricName: metric, Dimensions: [], ActionsEnabled: true, AlarmActions: [] });
    return [200, { MetricAlarms: [alarm("ws-unhealthy", "AWS/WorkSpaces", "Unhealthy"), alarm("cpu", "AWS/EC2", "CPUUtilization")] }];
  };

  const eventsOp = (region: string, op: string): [number, unknown] => {
    const rule = (name: string, pattern: unknown) => ({ Name: name, Arn: `arn:aws:events:${region}:${FAKE_ACCOUNT}:rule/${name}`, EventPattern: JSON.stringify(pattern), State: "ENABLED", EventBusName: "default" });
    if (op === "ListRules") return [200, { Rules: [rule("ws-events", { source: ["aws.workspaces"] }), rule("ec2-events", { source: ["aws.ec2"] })] }];
    if (op === "ListTargetsByRule") return [200, { Targets: [{ Id: "1", Arn: `arn:aws:sns:${region}:${FAKE_ACCOUNT}:ops` }] }];
    return [400, { __type: "UnsupportedOperationException", message: op }];
  };

  const iamXml = (op: string, form: URLSearchParams): string => {
    const wrap = (inner: string) => `<${op}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${op}Result>${inner}</${op}Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></${op}Response>`;
    if (op === "GetRole") {
      const trust = encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "workspaces.amazonaws.com" }, Action: "sts:AssumeRole" }] }));
      return wrap(`<Role><Path>/</Path><RoleName>${form.get("RoleName") ?? ""}</RoleName><RoleId>AROAFAKE</RoleId><Arn>arn:aws:iam::${FAKE_ACCOUNT}:role/${form.get("RoleName") ?? ""}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${trust}</AssumeRolePolicyDocument></Role>`);
    }
    return wrap(`<AttachedPolicies><member><PolicyName>AmazonWorkSpacesServiceAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated>`);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const { region, service } = scope(req);
      const target = String(req.headers["x-amz-target"] ?? "");
      const form = new URLSearchParams(body);
      // X-Amz-Target ends in the operation (WorkspacesService.X, AWSEvents.X, com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.X).
      const op = target ? (target.split(".").pop() ?? "") : (form.get("Action") ?? "");
      const input = target && body ? (JSON.parse(body) as Record<string, unknown>) : {};
      let status = 200;
      let payload: unknown;
      let xmlBody: string | undefined;
      if (service === "workspaces") {
        stats.workspacesCallsByRegion[region] = (stats.workspacesCallsByRegion[region] ?? 0) + 1;
        if (!take(region)) {
          stats.throttled++;
          // The limit is checked on arrival, as AWS does; the answer still takes the network latency.
          await new Promise((r) => setTimeout(r, latency));
          json(res, 400, { __type: "ThrottlingException", message: "Rate exceeded" });
          return;
        }
        stats.workspacesAnsweredByRegion[region] = (stats.workspacesAnsweredByRegion[region] ?? 0) + 1;
      }
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      if (deny.has(service)) {
        if (service === "ec2") xmlBody = `<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>fake</RequestID></Response>`;
        else if (service === "iam") xmlBody = `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::${FAKE_ACCOUNT}:user/auditor is not authorized to perform: iam:${op}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`;
        else payload = { __type: "AccessDeniedException", message: `User: arn:aws:iam::${FAKE_ACCOUNT}:user/auditor is not authorized to perform: ${service}:${op}` };
        status = service === "ec2" ? 403 : 400;
      } else if (service === "workspaces") [status, payload] = workspacesOp(region, op, input);
      else if (service === "ds") [status, payload] = dsOp(region, op);
      else if (service === "kms") [status, payload] = kmsOp(region, op, input);
      else if (service === "cloudtrail") [status, payload] = cloudtrailOp(op);
      else if (service === "monitoring") [status, payload] = cloudwatchOp(region, op);
      else if (service === "events") [status, payload] = eventsOp(region, op);
      else if (service === "iam") xmlBody = iamXml(op, form);
      else if (service === "sts") {
        xmlBody = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${FAKE_ACCOUNT}:user/auditor</Arn><UserId>AIDAFAKE</UserId><Account>${FAKE_ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
      } else if (service === "ec2") {
        // Empty answers: the fake has no EC2 resources, which the collector must read as "collected, none".
        xmlBody = `<${op}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>fake</requestId></${op}Response>`;
      } else {
        status = 400;
        payload = { __type: "UnknownServiceException", message: service };
      }
      if (status === 200) stats.calls[`${service}.${op}`] = (stats.calls[`${service}.${op}`] ?? 0) + 1;
      if (xmlBody !== undefined) xml(res, status, xmlBody);
      else json(res, status, payload);
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
