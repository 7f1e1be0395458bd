/** Region- and account-level entities of the synthetic inventory (account-regions, trails, alarms, event rules, bundles, images, IAM roles), compliant in some account-regions and not in others. */

import type { AccountRegion, Alarm, Bundle, EventRule, IamRole, Image, Trail } from "../src/inventory/model.js";

export const BENCH_ACCOUNTS = ["111111111111", "222222222222"] as const;
export const BENCH_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"] as const;

/** The account-region slots in the order directories fill them: directory d lives in slot d % 8. */
export const ACCOUNT_REGIONS: { accountId: string; region: string; index: number }[] = BENCH_REGIONS.flatMap((region, r) =>
  BENCH_ACCOUNTS.map((accountId, a) => ({ accountId, region, index: 2 * r + a })),
);

export const workspacesRoleId = (accountId: string): string => `AROA${accountId}WSDEFAULT`;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");

/** A region's bundle catalogue: the Amazon bundles and the account's own, whose images may be BYOL (dedicated). */
export interface RegionCatalogue {
  amazonBundleIds: string[];
  customBundleIds: string[];
  byolBundleIds: string[];
}

export interface RegionEntities {
  accountRegions: AccountRegion[];
  trails: Trail[];
  alarms: Alarm[];
  eventRules: EventRule[];
  iamRoles: IamRole[];
  bundles: Bundle[];
  images: Image[];
  catalogues: Map<string, RegionCatalogue>;
}

export const scopeKey = (accountId: string, region: string): string => `${accountId}/${region}`;

/**
 * The slot index decides compliance, so that at 1k WorkSpaces (two directories, slots 0 and 1) slot 0 passes the
 * monitoring policies and slot 1 fails them, and larger fleets see every variant.
 */
export function generateRegionEntities(): RegionEntities {
  const out: RegionEntities = { accountRegions: [], trails: [], alarms: [], eventRules: [], iamRoles: [], bundles: [], images: [], catalogues: new Map() };
  for (const { accountId, region, index } of ACCOUNT_REGIONS) {
    const byol =
      index % 4 === 1
        ? { dedicatedTenancySupport: "ENABLED", managementCidrRange: "198.18.0.0/16", accountType: "BYOL" }
        : index % 4 === 3
          ? // Collides with the VPC of directory `index` (10.<index>.0.0/16): WS-NET-008 fails there.
            { dedicatedTenancySupport: "ENABLED", managementCidrRange: `10.${index}.0.0/16`, accountType: "BYOL" }
          : null;
    out.accountRegions.push({ id: scopeKey(accountId, region), accountId, region, byol });

    const variant = index % 4;
    out.trails.push({
      id: `arn:aws:cloudtrail:${region}:${accountId}:trail/audit-${index}`,
      accountId,
      region,
      name: `audit-${index}`,
      homeRegion: region,
      multiRegion: variant !== 2,
      organization: false,
      isLogging: variant !== 1,
      management: variant === 2 ? null : { included: true, readWriteType: variant === 3 ? "WriteOnly" : "All", excludedSources: [] },
      advancedSelectors: variant === 2 ? [{ name: "management", fieldSelectors: [{ field: "eventCategory", equals: ["Management"], notEquals: [] }] }] : [],
    });

    const alarm = (name: string, metricName: string, dimensions: Alarm["dimensions"], actionsEnabled: boolean, namespace = "AWS/WorkSpaces"): Alarm => ({
      id: name,
      accountId,
      region,
      arn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`,
      namespace,
      metricName,
      dimensions,
      actionsEnabled,
      alarmActions: [`arn:aws:sns:${region}:${accountId}:ops-alerts`],
    });
    if (index % 4 === 0) out.alarms.push(alarm("ws-unhealthy", "Unhealthy", [], true));
    out.alarms.push(alarm("ws-connection-failure", "ConnectionFailure", [], index % 3 !== 1), alarm("ec2-cpu-high", "CPUUtilization", [{ name: "InstanceId", value: `i-${hex(index, 17)}` }], true, "AWS/EC2"));

    const accessRule = variant === 0 || variant === 2;
    out.eventRules.push(
      {
        id: `arn:aws:events:${region}:${accountId}:rule/workspaces-access`,
        accountId,
        region,
        name: "workspaces-access",
        eventBus: "default",
        state: variant === 1 ? "DISABLED" : "ENABLED",
        pattern: { source: ["aws.workspaces"], "detail-type": [accessRule || variant === 1 ? "WorkSpaces Access" : "WorkSpaces Session Change"] },
        targetCount: 1,
      },
      { id: `arn:aws:events:${region}:${accountId}:rule/ec2-state`, accountId, region, name: "ec2-state", eventBus: "default", state: "ENABLED", pattern: { source: ["aws.ec2"] }, targetCount: 1 },
    );

    // Four Amazon bundles and three of the account's own: a plain image, a BYOL (dedicated) image, and one shared with an outside account.
    const catalogue: RegionCatalogue = { amazonBundleIds: [], customBundleIds: [], byolBundleIds: [] };
    for (let k = 0; k < 7; k++) {
      const bundleId = `wsb-${hex(16 * index + k, 9)}`;
      const imageId = `wsi-${hex(16 * index + k, 9)}`;
      const amazon = k < 4;
      const dedicated = k === 5;
      out.images.push({
        id: imageId,
        accountId,
        region,
        name: amazon ? `Amazon WorkSpaces image ${k}` : `corp-golden-${k}`,
        osType: k === 3 ? "LINUX" : "WINDOWS",
        state: "AVAILABLE",
        requiredTenancy: dedicated ? "DEDICATED" : "DEFAULT",
        ownerAccountId: amazon ? "AMAZON" : accountId,
        ...(amazon ? {} : { sharedWith: k === 6 ? ["333333333333"] : [] }),
      });
      out.bundles.push({
        id: bundleId,
        accountId,
        region,
        name: amazon ? `Standard with Windows ${k}` : `corp-bundle-${k}`,
        owner: amazon ? "AMAZON" : accountId,
        imageId,
        computeType: k % 2 === 0 ? "STANDARD" : "PERFORMANCE",
        rootCapacityGib: 80,
        userCapacityGib: 50,
        state: "AVAILABLE",
      });
      (amazon ? catalogue.amazonBundleIds : dedicated ? catalogue.byolBundleIds : catalogue.customBundleIds).push(bundleId);
    }
    out.catalogues.set(scopeKey(accountId, region), catalogue);
  }

  // One workspaces_DefaultRole per account; the second account's lacks the self-service policy (WS-IAM-001 fails there).
  BENCH_ACCOUNTS.forEach((accountId, a) => {
    out.iamRoles.push({
      id: "workspaces_DefaultRole",
      accountId,
      region: "global",
      arn: `arn:aws:iam::${accountId}:role/workspaces_DefaultRole`,
      roleId: workspacesRoleId(accountId),
      trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "workspaces.amazonaws.com" }, Action: "sts:AssumeRole" }] },
      attachedPolicyArns: ["arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess", ...(a === 0 ? ["arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess"] : [])],
      permissionsBoundaryArn: null,
    });
  });
  return out;
}

/** A per-directory Unhealthy alarm, as teams that alarm per directory create them. */
export function unhealthyAlarm(accountId: string, region: string, directoryId: string): Alarm {
  const name = `ws-unhealthy-${directoryId}`;
  return {
    id: name,
    accountId,
    region,
    arn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`,
    namespace: "AWS/WorkSpaces",
    metricName: "Unhealthy",
    dimensions: [{ name: "DirectoryId", value: directoryId }],
    actionsEnabled: true,
    alarmActions: [`arn:aws:sns:${region}:${accountId}:ops-alerts`],
  };
}
