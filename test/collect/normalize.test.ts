// Pure normalize functions on recorded API responses (fixtures/<service>.<Operation>_<n>.json): no network, no SDK client.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { normalizeDsDirectories } from "../../src/collect/directory-service/ds-directories.js";
import { normalizeProtocol } from "../../src/collect/ec2/normalize-security-group-rule.js";
import { normalizeRouteTable } from "../../src/collect/ec2/route-tables.js";
import { routeTargetType } from "../../src/collect/ec2/route-target-type.js";
import { normalizeSecurityGroup } from "../../src/collect/ec2/security-groups.js";
import { normalizeKmsKeys, regionOfKeyRef, type RawKmsKeys } from "../../src/collect/kms/kms-keys.js";
import { normalizeConnectionStatuses } from "../../src/collect/workspaces/connection-status.js";
import { normalizeWorkspaceDirectory } from "../../src/collect/workspaces/workspace-directories.js";
import { normalizeWorkspace } from "../../src/collect/workspaces/workspaces.js";
import { workspacesCollector } from "../../src/collect/workspaces/workspaces.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are raw JSON in the API's own shape
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));
const where = { accountId: "123456789012", region: "us-east-1" };

describe("WorkSpaces directories", () => {
  const [adc, idc] = fixture("workspaces.DescribeWorkspaceDirectories_1").Directories;

  it("normalizes every field of a registered AD Connector directory and drops the registration code", () => {
    const d = normalizeWorkspaceDirectory(adc, where);
    expect(d).toEqual({
      id: "d-906734a1b2",
      ...where,
      alias: "corp-ws",
      name: "corp.example.com",
      wsType: "AD_CONNECTOR",
      wsState: "REGISTERED",
      workspaceType: "PERSONAL",
      subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
      dnsIps: ["10.0.1.10", "10.0.2.10"],
      customerUserName: "Administrator",
      iamRoleId: "arn:aws:iam::123456789012:role/workspaces_DefaultRole",
      workspaceSecurityGroupId: "sg-0a1b2c3d4e5f60001",
      ipGroupIds: ["wsipg-abc123def"],
      tenancy: "SHARED",
      endpointEncryptionMode: "FIPS_VALIDATED",
      saml: { status: "DISABLED" },
      certificateBasedAuth: { status: "DISABLED" },
      streaming: null,
      creation: { enableInternetAccess: true, defaultOu: "OU=WorkSpaces,DC=corp,DC=example,DC=com", customSecurityGroupId: "sg-0a1b2c3d4e5f60009", userEnabledAsLocalAdministrator: false, enableMaintenanceMode: true },
      // TRUST is kept as AWS sends it (enums are open at runtime).
      access: { windows: "ALLOW", osx: "TRUST", web: "DENY", ios: "ALLOW", android: "ALLOW", chromeOs: "ALLOW", zeroClient: "DENY", linux: "DENY", thinClient: "DENY" },
      selfService: { restartWorkspace: "ENABLED", increaseVolumeSize: "DISABLED", changeComputeType: "DISABLED", switchRunningMode: "DISABLED", rebuildWorkspace: "ENABLED" },
    });
    expect(JSON.stringify(d)).not.toContain("SLiad+ABCDEF");
  });

  it("marks what AWS reports as none with null and leaves unreported blocks absent", () => {
    const d = normalizeWorkspaceDirectory(idc, where);
    expect(d).toMatchObject({ wsType: "AWS_IAM_IDENTITY_CENTER", alias: null, endpointEncryptionMode: null, saml: null, ipGroupIds: [], dnsIps: [] });
    expect("access" in d).toBe(false);
    expect("creation" in d).toBe(false);
  });
});

describe("Directory Service directories", () => {
  const patches = normalizeDsDirectories(fixture("ds.DescribeDirectories_1").DirectoryDescriptions);

  it("keeps RADIUS settings without the shared secret", () => {
    const adc = patches.get("d-906734a1b2")!;
    expect(adc.radius).toEqual({ servers: ["10.0.9.9", "10.0.9.10"], port: 1812, timeout: 10, retries: 4, protocol: "MS-CHAPv2", status: "Completed" });
    expect(JSON.stringify([...patches.values()])).not.toContain("fixture-radius-secret-9f8e7d");
    expect(adc).toMatchObject({
      dsType: "ADConnector",
      dsStage: "Active",
      managedAd: null,
      adConnector: { vpcId: "vpc-0a1b2c3d4e5f60001", securityGroupId: "sg-0a1b2c3d4e5f60003", connectIps: ["10.0.1.20", "10.0.2.20"], customerUserName: "svc-adconnector", availabilityZones: ["us-east-1a", "us-east-1b"] },
    });
  });

  it("places a Managed AD in its VPC and keeps the stage reason", () => {
    expect(patches.get("d-90673400aa")).toMatchObject({
      dsType: "MicrosoftAD",
      edition: "Enterprise",
      size: null,
      dsStage: "Impaired",
      dsStageReason: "Domain controllers unreachable",
      radius: null,
      adConnector: null,
      managedAd: { vpcId: "vpc-0a1b2c3d4e5f60002", subnetIds: ["subnet-0a1b2c3d4e5f60005", "subnet-0a1b2c3d4e5f60006"], securityGroupId: "sg-0a1b2c3d4e5f60004", availabilityZones: ["us-east-1c", "us-east-1d"] },
    });
  });
});

describe("WorkSpaces", () => {
  const [alice, bob] = fixture("workspaces.DescribeWorkspaces_1").Workspaces;

  it("normalizes properties, modification states and the key reference as reported", () => {
    expect(normalizeWorkspace(alice, where)).toEqual({
      id: "ws-abc123def",
      ...where,
      directoryId: "d-906734a1b2",
      userName: "alice",
      state: "AVAILABLE",
      bundleId: "wsb-bh8rsxt14",
      subnetId: "subnet-0a1b2c3d4e5f60001",
      ipAddress: "10.0.1.55",
      computerName: "WSAMZN-ABC123",
      rootVolumeEncrypted: true,
      userVolumeEncrypted: true,
      volumeEncryptionKey: "arn:aws:kms:us-east-1:123456789012:alias/workspaces-volumes",
      properties: { runningMode: "AUTO_STOP", autoStopTimeoutMinutes: 60, rootVolumeSizeGib: 80, userVolumeSizeGib: 50, computeType: "STANDARD", protocols: ["WSP"], operatingSystemName: "WINDOWS_SERVER_2022" },
      modificationStates: [{ resource: "COMPUTE_TYPE", state: "UPDATE_IN_PROGRESS" }],
      error: null,
    });
  });

  it("keeps a WorkSpace's error and reads missing encryption flags as not encrypted", () => {
    const w = normalizeWorkspace(bob, where);
    expect(w).toMatchObject({ state: "ERROR", error: { code: "ResourceLimitExceeded", message: "Subnet has no free IP addresses" }, rootVolumeEncrypted: false, volumeEncryptionKey: null, subnetId: null });
    expect("properties" in w).toBe(false);
  });

  it("connection status timestamps become ISO 8601", () => {
    const m = normalizeConnectionStatuses(fixture("workspaces.DescribeWorkspacesConnectionStatus_1").WorkspacesConnectionStatus);
    expect(m.get("ws-abc123def")).toEqual({ connection: { state: "CONNECTED", checkedAt: "2026-01-01T00:00:00.000Z", lastUserConnectionAt: "2025-12-31T23:00:00.000Z" } });
    expect(m.get("ws-err000001")).toEqual({ connection: { state: "UNKNOWN", checkedAt: null, lastUserConnectionAt: null } });
  });

  it("the collector's list normalize skips records without an id", () => {
    expect(workspacesCollector.kind === "list" && workspacesCollector.normalize([{ UserName: "x" }, alice], where).map((w) => w.id)).toEqual(["ws-abc123def"]);
  });
});

describe("security groups", () => {
  const sg = normalizeSecurityGroup(fixture("ec2.DescribeSecurityGroups_1").SecurityGroups[0], where);

  it("names protocols, fills port ranges and flattens address lists", () => {
    expect(sg.ingress).toEqual([
      { protocol: "tcp", fromPort: 3389, toPort: 3389, ipv4: ["0.0.0.0/0"], ipv6: [], prefixListIds: [], groupRefs: [] },
      { protocol: "tcp", fromPort: 443, toPort: 443, ipv4: [], ipv6: ["::/0"], prefixListIds: ["pl-63a5400a"], groupRefs: [] },
      { protocol: "udp", fromPort: 4172, toPort: 4172, ipv4: ["10.0.0.0/8"], ipv6: [], prefixListIds: [], groupRefs: [] },
      { protocol: "icmp", fromPort: -1, toPort: -1, ipv4: ["10.0.0.0/8"], ipv6: [], prefixListIds: [], groupRefs: [] },
      { protocol: "icmpv6", fromPort: 128, toPort: 0, ipv4: [], ipv6: ["fd00::/8"], prefixListIds: [], groupRefs: [] },
      { protocol: "50", fromPort: 0, toPort: 65535, ipv4: ["192.0.2.0/24"], ipv6: [], prefixListIds: [], groupRefs: [] },
      { protocol: "all", fromPort: 0, toPort: 65535, ipv4: [], ipv6: [], prefixListIds: [], groupRefs: ["sg-0a1b2c3d4e5f60003"] },
    ]);
    expect(sg.egress).toEqual([{ protocol: "all", fromPort: 0, toPort: 65535, ipv4: ["0.0.0.0/0"], ipv6: [], prefixListIds: [], groupRefs: [] }]);
    expect(sg).toMatchObject({ name: "d-906734a1b2_workspacesMembers", vpcId: "vpc-0a1b2c3d4e5f60001", tags: { team: "euc" } });
  });

  it("maps protocol numbers and names both ways it may arrive", () => {
    expect(["-1", "6", "17", "1", "58", "TCP", "icmpv6", "47"].map(normalizeProtocol)).toEqual(["all", "tcp", "udp", "icmp", "icmpv6", "tcp", "icmpv6", "47"]);
  });
});

describe("route tables", () => {
  const rt = normalizeRouteTable(fixture("ec2.DescribeRouteTables_1").RouteTables[0], where);

  it("types each route target from its id prefix", () => {
    expect(rt.routes.map((r) => [r.destination ?? r.destinationIpv6 ?? r.destinationPrefixListId, r.targetType, r.targetId, r.state])).toEqual([
      ["10.0.0.0/16", "local", "local", "active"],
      ["0.0.0.0/0", "nat", "nat-0a1b2c3d4e5f60001", "active"],
      ["::/0", "egress-only-igw", "eigw-0a1b2c3d4e5f60001", "active"],
      ["192.168.0.0/16", "tgw", "tgw-0a1b2c3d4e5f60001", "active"],
      ["172.16.0.0/16", "pcx", "pcx-0a1b2c3d4e5f60001", "blackhole"],
      ["172.17.0.0/16", "vgw", "vgw-0a1b2c3d4e5f60001", "active"],
      ["172.18.0.0/16", "instance", "i-0a1b2c3d4e5f60001", "active"],
      ["172.19.0.0/16", "eni", "eni-0a1b2c3d4e5f60008", "active"],
      ["pl-63a5400a", "vpce", "vpce-0a1b2c3d4e5f60001", "active"],
      ["0.0.0.0/1", "igw", "igw-0a1b2c3d4e5f60001", "active"],
    ]);
    expect(rt).toMatchObject({ isMain: true, subnetIds: ["subnet-0a1b2c3d4e5f60001"], vpcId: "vpc-0a1b2c3d4e5f60001" });
    expect(routeTargetType(null)).toBe("other");
    expect(routeTargetType("cagw-0123")).toBe("other");
  });
});

describe("KMS keys", () => {
  const keys = normalizeKmsKeys(fixture("kms.DescribeKey_1") as RawKmsKeys, where);
  const byId = Object.fromEntries(keys.map((k) => [k.id, k]));

  it("fills aliases, state, deletion date and rotation by key kind", () => {
    expect(byId["11111111-2222-3333-4444-555555555555"]).toMatchObject({ aliases: ["alias/aws/workspaces"], keyManager: "AWS", rotationEnabled: true, enabled: true, deletionDate: null });
    expect(byId["aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"]).toMatchObject({ aliases: ["alias/workspaces-volumes"], keyState: "PendingDeletion", enabled: false, deletionDate: "2026-01-08T00:00:00.000Z", rotationEnabled: true });
    // Imported key material cannot rotate automatically; the key lives in another region than the WorkSpace.
    expect(byId["mrk-0a1b2c3d"]).toMatchObject({ region: "eu-west-1", multiRegion: true, origin: "EXTERNAL", rotationEnabled: false });
  });

  it("leaves rotation absent when its status call failed", () => {
    expect("rotationEnabled" in byId["bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee"]!).toBe(false);
  });

  it("reads the region of key and alias ARNs only", () => {
    expect(regionOfKeyRef("arn:aws:kms:eu-west-1:123456789012:alias/x")).toBe("eu-west-1");
    expect(regionOfKeyRef("alias/aws/workspaces")).toBeUndefined();
    expect(regionOfKeyRef("11111111-2222-3333-4444-555555555555")).toBeUndefined();
  });
});

describe("directory streaming settings", () => {
  it("keeps clipboard and printing permissions, and null when the directory reports none", async () => {
    const { normalizeWorkspaceDirectory } = await import("../../src/collect/workspaces/workspace-directories.js");
    const where = { accountId: "123456789012", region: "us-east-1" };
    const dir = normalizeWorkspaceDirectory(
      { DirectoryId: "d-1", StreamingProperties: { UserSettings: [{ Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "DISABLED", MaximumLength: 20000 }, { Action: "PRINTING_TO_LOCAL_DEVICE", Permission: "ENABLED" }] } },
      where,
    );
    expect(dir.streaming).toEqual({
      userSettings: [
        { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "DISABLED", maximumLength: 20000 },
        { action: "PRINTING_TO_LOCAL_DEVICE", permission: "ENABLED", maximumLength: null },
      ],
    });
    expect(normalizeWorkspaceDirectory({ DirectoryId: "d-2" }, where).streaming).toBeNull();
  });
});
