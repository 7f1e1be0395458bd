/** Plain-TypeScript equivalents of the account-region, key, image and endpoint policies added with schema 1.1 (monitoring, IAM, metadata, RADIUS reachability, key policies). */

import { allowsPort, cidrOf, containsIp, get, list, memo, obj, overlaps, regexes, strings, texts, type BaselineRule, type Params, type View } from "./baseline-helpers.js";

const MANAGEMENT_SOURCES = ["workspaces.amazonaws.com", "kms.amazonaws.com"];
const ROOT_PRINCIPAL = /^([0-9]{12}|arn:[^:]+:iam::[0-9]{12}:root)$/;
const CLOSED_ENDPOINT_STATES = ["deleted", "deleting", "rejected", "failed", "expired"];

const hasDirectories = (r: View): boolean => list(r, "directories").length > 0;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** A tag (as "key=value"), a description or a rule description matches a sensitive pattern. */
function tagsLeak(tags: Record<string, string>, patterns: RegExp[]): boolean {
  return Object.keys(tags).some((k) => {
    const text = `${k}=${tags[k] as string}`.toLowerCase();
    return patterns.some((re) => re.test(text));
  });
}
const textLeaks = (text: unknown, patterns: RegExp[]): boolean => text !== null && patterns.some((re) => re.test((text as string).toLowerCase()));

function trailCovers(t: View, region: string, allowWriteOnly: boolean): boolean {
  if (!((t["multiRegion"] === true || t["homeRegion"] === region) && t["isLogging"] === true)) return false;
  const m = t["management"] as View | null;
  if (m !== null) {
    return (
      m["included"] === true &&
      (m["readWriteType"] === "All" || (allowWriteOnly && m["readWriteType"] === "WriteOnly")) &&
      !(m["excludedSources"] as string[]).some((s) => MANAGEMENT_SOURCES.includes(s))
    );
  }
  const selectors = t["advancedSelectors"] as { fieldSelectors: { field: string; equals: string[]; notEquals: string[] }[] }[];
  return MANAGEMENT_SOURCES.every((src) =>
    selectors.some(
      (sel) =>
        sel.fieldSelectors.some((f) => f.field === "eventCategory" && f.equals.includes("Management")) &&
        !sel.fieldSelectors.some(
          (f) => f.field === "readOnly" && (f.equals.includes("true") || f.notEquals.includes("false") || (!allowWriteOnly && (f.equals.includes("false") || f.notEquals.includes("true")))),
        ) &&
        !sel.fieldSelectors.some((f) => f.field === "eventSource" && ((f.equals.length > 0 && !f.equals.includes(src)) || f.notEquals.includes(src))),
    ),
  );
}

/** WS-MON-002/003: an enabled alarm with actions on the metric, region-wide or for every directory. */
function alarmWatches(r: View, metric: string): boolean {
  const ok = list(r, "alarms").filter(
    (a) => a["namespace"] === "AWS/WorkSpaces" && a["metricName"] === metric && a["actionsEnabled"] === true && (a["alarmActions"] as string[]).length >= 1,
  );
  if (ok.some((a) => (a["dimensions"] as unknown[]).length === 0)) return true;
  return list(r, "directories").every((d) =>
    ok.some((a) => {
      const dims = a["dimensions"] as { name: string; value: string }[];
      return dims.length === 1 && dims[0]?.name === "DirectoryId" && dims[0].value === d["id"];
    }),
  );
}

interface Statement {
  p: string[];
  cond: boolean;
  grantOk: boolean;
  grant: boolean;
  adm: boolean;
  use: boolean;
}

/** The key policy's Allow statements reduced to principals and what they may do, as WS-ENC-009 reads them. */
function allowStatements(policy: View, p: Params): Statement[] {
  const actionMatches = (acts: string[], action: string): boolean => acts.some((a) => a === "*" || a === action || (a.endsWith("*") && action.startsWith(a.slice(0, -1))));
  return list(policy, "Statement")
    .filter((s) => s["Effect"] === "Allow")
    .map((s) => {
      const acts = (!("Action" in s) ? ["*"] : asList(s["Action"])).map((a) => (a as string).toLowerCase());
      const principal = s["Principal"];
      const pr = principal as Record<string, unknown> | undefined;
      const principals =
        !("Principal" in s)
          ? ["*"]
          : typeof principal === "string"
            ? [principal]
            : [...(pr && "AWS" in pr ? asList(pr["AWS"]) : []), ...(pr && "Service" in pr ? asList(pr["Service"]) : []), ...(pr && "Federated" in pr ? asList(pr["Federated"]) : [])];
      const condition = s["Condition"] as Record<string, Record<string, unknown>> | undefined;
      const bool = condition?.["Bool"];
      const grantOk =
        bool !== undefined &&
        Object.keys(bool).some((k) => {
          const v = bool[k];
          return k.toLowerCase() === "kms:grantisforawsresource" && (Array.isArray(v) ? v.length > 0 && v.every((x) => String(x).toLowerCase() === "true") : String(v).toLowerCase() === "true");
        });
      return {
        p: principals as string[],
        cond: condition !== undefined && Object.keys(condition).length > 0,
        grantOk,
        grant: actionMatches(acts, "kms:creategrant"),
        adm: strings(p, "adminActions").some((c) => actionMatches(acts, c.toLowerCase())),
        use: strings(p, "useActions").some((c) => actionMatches(acts, c.toLowerCase())),
      };
    });
}

const interfacesByIp = new WeakMap<object, Map<string, View[]>>();

/** The account-region's interfaces by private IP, built once per account-region as hand-written code would. */
function interfacesAt(r: View, ip: string): View[] {
  const index = memo(interfacesByIp, r, () => {
    const map = new Map<string, View[]>();
    for (const e of list(r, "networkInterfaces")) for (const address of e["privateIps"] as string[]) map.set(address, [...(map.get(address) ?? []), e]);
    return map;
  });
  return index.get(ip) ?? [];
}

/** WS-SG-013 for one directory and one in-account RADIUS interface: every source admitted on the RADIUS port. */
function radiusAdmits(d: View, e: View): boolean {
  const connector = get(d, "adConnector") as View | null;
  const managedAd = get(d, "managedAd") as View | null;
  const sources = connector !== null ? texts(connector, "connectIps") : texts(d, "dnsIps");
  const sourceGroup = (connector !== null ? get(connector, "securityGroupId") : managedAd !== null ? get(managedAd, "securityGroupId") : null) as string | null;
  const configured = get(obj(d, "radius"), "port");
  const port = configured === null ? 1812 : (configured as number);
  const groups = list(e, "securityGroups");
  return (
    sources.length > 0 &&
    sources.every((s) =>
      groups.some((g) =>
        list(g, "ingress").some((rule) => allowsPort(rule, "udp", port) && ((rule["ipv4"] as string[]).some((c) => containsIp(c, s)) || (sourceGroup !== null && (rule["groupRefs"] as string[]).includes(sourceGroup)))),
      ),
    )
  );
}

export const REGION_RULES: BaselineRule[] = [
  {
    id: "WS-DATA-001",
    resource: "accountRegion",
    assert: (r, p) => {
      const patterns = regexes(p, "sensitivePatterns");
      if (list(r, "directories").some((d) => tagsLeak(obj(d, "tags") as Record<string, string>, patterns))) return false;
      if (list(r, "workspaces").some((w) => tagsLeak(obj(w, "tags") as Record<string, string>, patterns))) return false;
      return !list(r, "ipGroups").some(
        (g) =>
          tagsLeak(obj(g, "tags") as Record<string, string>, patterns) ||
          textLeaks(get(g, "description"), patterns) ||
          list(g, "rules").some((rule) => "description" in rule && textLeaks(rule["description"], patterns)),
      );
    },
  },
  {
    id: "WS-FED-002",
    resource: "accountRegion",
    match: (r) => hasDirectories(r) || list(r, "workspaces").length > 0,
    assert: (r, p) => strings(p, "fedrampRegions").includes(r["region"] as string),
  },
  {
    id: "WS-IAM-001",
    resource: "accountRegion",
    match: hasDirectories,
    assert: (r) =>
      list(r, "iamRoles").some((role) => {
        if (role["id"] !== "workspaces_DefaultRole") return false;
        const trust = get(role, "trustPolicy");
        if (trust === null) return false;
        const trusted = list(trust, "Statement").some((s) => {
          const action = s["Action"];
          const principal = s["Principal"] as Record<string, unknown> | undefined;
          if (s["Effect"] !== "Allow" || !(typeof action === "string" ? action === "sts:AssumeRole" : (action as string[]).includes("sts:AssumeRole"))) return false;
          if (principal === undefined || typeof principal !== "object" || !("Service" in principal)) return false;
          const service = principal["Service"];
          return typeof service === "string" ? service === "workspaces.amazonaws.com" : (service as string[]).includes("workspaces.amazonaws.com");
        });
        const attached = texts(role, "attachedPolicyArns");
        return (
          trusted &&
          attached.some((a) => a.endsWith("::aws:policy/AmazonWorkSpacesServiceAccess")) &&
          attached.some((a) => a.endsWith("::aws:policy/AmazonWorkSpacesSelfServiceAccess")) &&
          get(role, "permissionsBoundaryArn") === null
        );
      }),
  },
  {
    id: "WS-IPG-005",
    resource: "accountRegion",
    assert: (r, p) => {
      const groups = list(r, "ipGroups");
      return (
        groups.every((g) => list(g, "rules").length < (p["rulesPerGroupWarnAt"] as number)) &&
        list(r, "directories").every((d) => texts(d, "ipGroupIds").length < (p["groupsPerDirectoryWarnAt"] as number)) &&
        groups.length < (p["groupsPerRegionWarnAt"] as number)
      );
    },
  },
  { id: "WS-MON-001", resource: "accountRegion", match: hasDirectories, assert: (r, p) => list(r, "trails").some((t) => trailCovers(t, r["region"] as string, p["allowWriteOnly"] === true)) },
  { id: "WS-MON-002", resource: "accountRegion", match: hasDirectories, assert: (r) => alarmWatches(r, "Unhealthy") },
  { id: "WS-MON-003", resource: "accountRegion", match: hasDirectories, assert: (r) => alarmWatches(r, "ConnectionFailure") },
  {
    id: "WS-MON-004",
    resource: "accountRegion",
    match: hasDirectories,
    assert: (r) =>
      list(r, "eventRules").some((rule) => {
        const bus = rule["eventBus"] as string;
        const pattern = rule["pattern"] as Record<string, unknown> | null;
        if (rule["state"] !== "ENABLED" || (rule["targetCount"] as number) < 1 || !(bus === "default" || bus.endsWith(":event-bus/default")) || pattern === null) return false;
        const source = pattern["source"];
        if (!Array.isArray(source) || !source.some((s) => s === "aws.workspaces")) return false;
        const detailType = pattern["detail-type"];
        return !("detail-type" in pattern) || (Array.isArray(detailType) && detailType.some((d) => d === "WorkSpaces Access"));
      }),
  },
  {
    id: "WS-NET-008",
    resource: "accountRegion",
    match: (r) => {
      const byol = get(r, "byol");
      return byol !== null && get(byol, "dedicatedTenancySupport") === "ENABLED";
    },
    assert: (r, p) => {
      const mgmt = get(obj(r, "byol"), "managementCidrRange") as string | null;
      if (mgmt === null) return false;
      if (strings(p, "onPremisesCidrs").some((c) => overlaps(mgmt, c))) return false;
      return list(r, "directories").every((d) => {
        if (texts(d, "subnetIds").length === 0) return true;
        const vpc = get(d, "vpc");
        if (texts(vpc, "cidrs").some((c) => overlaps(mgmt, c))) return false;
        return !list(vpc, "routeTables").some((t) =>
          list(t, "routes").some((route) => {
            const destination = route["destination"] as string | null;
            return destination !== null && cidrOf(destination).prefix > 0 && overlaps(mgmt, destination);
          }),
        );
      });
    },
  },
  {
    id: "WS-NET-015",
    resource: "accountRegion",
    match: (r) => list(r, "workspaces").length > 0,
    assert: (r, p) => list(r, "networkInterfaces").length < ((p["eniQuota"] as number) * (p["maxPercent"] as number)) / 100,
  },
  {
    id: "WS-SG-013",
    resource: "accountRegion",
    match: (r) =>
      list(r, "directories").some((d) => {
        const radius = get(d, "radius");
        return radius !== null && texts(radius, "servers").some((ip) => interfacesAt(r, ip).length > 0);
      }),
    assert: (r) =>
      list(r, "directories").every((d) => {
        const radius = get(d, "radius");
        return radius === null || texts(radius, "servers").every((ip) => interfacesAt(r, ip).every((e) => radiusAdmits(d, e)));
      }),
  },
  {
    id: "WS-ENC-008",
    resource: "kmsKey",
    assert: (r, p) => list(r, "workspaces").filter((w) => w["state"] !== "TERMINATED").length < (p["warnAt"] as number),
  },
  {
    id: "WS-ENC-009",
    resource: "kmsKey",
    match: (r) => get(r, "keyManager") === "CUSTOMER",
    assert: (r, p) => {
      const stmts = allowStatements(obj(r, "policy"), p);
      const notRoot = (principal: string): boolean => !ROOT_PRINCIPAL.test(principal);
      if (stmts.some((x) => x.p.includes("*") && !x.cond)) return false;
      if (stmts.some((x) => x.grant && !x.grantOk && x.p.some(notRoot))) return false;
      return p["requireSeparation"] !== true || !stmts.some((x) => x.adm && x.p.some((principal) => notRoot(principal) && stmts.some((y) => y.use && y.p.includes(principal))));
    },
  },
  {
    id: "WS-IMG-001",
    resource: "image",
    match: (r) => {
      const owner = get(r, "ownerAccountId");
      return owner === null || owner === r["accountId"];
    },
    assert: (r, p) => texts(r, "sharedWith").every((a) => strings(p, "trustedAccounts").includes(a)),
  },
  {
    id: "WS-FED-006",
    resource: "vpcEndpoint",
    match: (r) => (get(r, "serviceName") as string).endsWith(".workspaces"),
    assert: (r) => {
      const state = get(r, "state");
      return state !== null && CLOSED_ENDPOINT_STATES.includes((state as string).toLowerCase());
    },
  },
];
