/** Plain-TypeScript equivalents of the per-directory policies added with schema 1.1 (network ACLs, routes, DNS, trusts, host settings). */

import { allowsPort, cidrOf, containsCidr, containsIp, get, isIp, list, live, obj, openToInternet, overlaps, regexes, strings, texts, type BaselineRule, type View } from "./baseline-helpers.js";

const DS_DIRECTORY_TYPES = ["SIMPLE_AD", "AD_CONNECTOR"];
const RFC1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];
const NOT_PRIVATE_TARGETS = ["igw", "nat", "egress-only-igw"];
const HEALTHY_TRUST_STATES = ["Verified", "Created", "Updated"];

const hasSubnets = (r: View): boolean => texts(r, "subnetIds").length > 0;
const hasSubnetsAndDns = (r: View): boolean => hasSubnets(r) && texts(r, "dnsIps").length > 0;
const dsType = (r: View): unknown => get(r, "dsType");
const notListed = (name: string) => (r: View, p: Record<string, unknown>) => !strings(p, name).includes(r["id"] as string);

/** A route that sends 0.0.0.0/0 somewhere and is active. */
const defaultRoute = (route: View): boolean => get(route, "destination") === "0.0.0.0/0" && get(route, "state") === "active";

interface AclTraffic {
  egress: boolean;
  protocol: string;
  fromPort: number;
  toPort: number;
}

/** WS-NET-014 for one subnet's entries, one DNS server and one required range: every port boundary is allowed before any deny. */
function aclAllows(entries: View[], d: string, q: AclTraffic): boolean {
  const points = [q.fromPort];
  for (const e of entries) {
    const from = e["fromPort"] as number;
    if (from > q.fromPort && from <= q.toPort) points.push(from);
  }
  for (const e of entries) {
    const to = e["toPort"] as number;
    if (to >= q.fromPort && to < q.toPort) points.push(to + 1);
  }
  const reaches = (e: View, action: string, port: number): boolean =>
    e["egress"] === q.egress && e["action"] === action && allowsPort(e, q.protocol, port) && e["cidr"] !== null && containsIp(e["cidr"] as string, d);
  return points.every((port) =>
    entries.some((e) => reaches(e, "allow", port) && !entries.some((f) => (f["ruleNumber"] as number) < (e["ruleNumber"] as number) && reaches(f, "deny", port))),
  );
}

export const DIRECTORY_RULES: BaselineRule[] = [
  {
    id: "WS-AUTH-003",
    resource: "directory",
    match: (r) => get(r, "radius") !== null,
    assert: (r) => {
      const radius = obj(r, "radius");
      const inRange = (field: string, low: number, high: number): boolean => {
        const v = get(radius, field);
        return v !== null && (v as number) >= low && (v as number) <= high;
      };
      return inRange("timeout", 1, 20) && inRange("retries", 0, 10) && inRange("port", 1, 65535);
    },
  },
  {
    id: "WS-AUTH-004",
    resource: "directory",
    match: (r) => get(r, "radius") !== null,
    assert: (r, p) => {
      const servers = texts(obj(r, "radius"), "servers");
      const balancers = strings(p, "loadBalancers");
      return (servers.length >= 2 && servers.some((s) => s !== servers[0])) || (servers.length >= 1 && servers.every((s) => balancers.includes(s)));
    },
  },
  {
    id: "WS-AUTH-006",
    resource: "directory",
    match: (r) => dsType(r) === "ADConnector",
    assert: (r, p) => {
      const name = get(r, "customerUserName");
      return name !== null && !regexes(p, "adminNamePatterns").some((re) => re.test((name as string).toLowerCase()));
    },
  },
  {
    id: "WS-AUTH-007",
    resource: "directory",
    match: (r) => dsType(r) === "MicrosoftAD" && list(r, "trusts").length > 0,
    assert: (r, p) => {
      const oneWayOk = strings(p, "oneWayTrustDirectories").includes(r["id"] as string);
      return list(r, "trusts").every(
        (t) => (t["direction"] === "Two-Way" || (oneWayOk && t["direction"] === "One-Way: Outgoing")) && HEALTHY_TRUST_STATES.includes(t["state"] as string),
      );
    },
  },
  {
    id: "WS-DEV-004",
    resource: "directory",
    assert: (r, p) => {
      const access = obj(r, "access");
      const expected = p["expectedAccess"] as Record<string, string[]>;
      return Object.keys(access).every((t) => access[t] !== null && (expected[t] ?? ["DENY"]).includes(access[t] as string));
    },
  },
  {
    id: "WS-DIR-003",
    resource: "directory",
    match: (r) => DS_DIRECTORY_TYPES.includes(get(r, "wsType") as string),
    assert: (r) => {
      const ips = texts(r, "dnsIps");
      return ips.length >= 2 && ips.some((ip) => ip !== ips[0]);
    },
  },
  {
    id: "WS-DIR-004",
    resource: "directory",
    match: (r) => DS_DIRECTORY_TYPES.includes(get(r, "wsType") as string),
    assert: (r) => {
      const ou = get(obj(r, "creation"), "defaultOu") as string | null;
      return ou !== null && ou.trim() !== "" && !ou.trim().toLowerCase().startsWith("cn=computers,");
    },
  },
  { id: "WS-DIR-005", resource: "directory", assert: (r) => dsType(r) !== "SharedMicrosoftAD" },
  {
    id: "WS-DIR-007",
    resource: "directory",
    match: (r, p) => dsType(r) === "ADConnector" || (dsType(r) === "MicrosoftAD" && p["exemptRegisteredManagedAd"] !== true),
    assert: (r) => {
      if (dsType(r) === "MicrosoftAD") {
        const own = texts(r, "subnetIds");
        return !texts(obj(r, "managedAd"), "subnetIds").some((id) => own.includes(id));
      }
      const subnets = list(r, "subnets");
      return !texts(r, "dnsIps").some((ip) => isIp(ip) && subnets.some((s) => containsIp(s["cidr"] as string, ip)));
    },
  },
  {
    id: "WS-HOST-002",
    resource: "directory",
    match: notListed("costSelfServiceAllowedDirectories"),
    assert: (r) => {
      const s = obj(r, "selfService");
      return get(s, "increaseVolumeSize") === "DISABLED" && get(s, "changeComputeType") === "DISABLED" && get(s, "switchRunningMode") === "DISABLED";
    },
  },
  { id: "WS-HOST-003", resource: "directory", match: notListed("rebuildAllowedDirectories"), assert: (r) => get(obj(r, "selfService"), "rebuildWorkspace") === "DISABLED" },
  { id: "WS-HOST-004", resource: "directory", match: notListed("logUploadAllowedDirectories"), assert: (r) => get(obj(r, "clientProperties"), "logUpload") === "DISABLED" },
  {
    id: "WS-HOST-005",
    resource: "directory",
    match: (r) => get(r, "streaming") !== null,
    assert: (r, p) => {
      const settings = list(obj(r, "streaming"), "userSettings");
      return strings(p, "restrictedActions").every((a) => settings.some((u) => u["action"] === a && u["permission"] === "DISABLED"));
    },
  },
  {
    id: "WS-NET-004",
    resource: "directory",
    match: hasSubnets,
    assert: (r, p) => {
      const vpc = get(r, "vpc");
      if (get(vpc, "isDefault") !== false) return false;
      if (p["flagSharedVpc"] !== true) return true;
      const types = strings(p, "expectedInterfaceTypes");
      const prefixes = strings(p, "expectedDescriptionPrefixes");
      return !list(vpc, "networkInterfaces").some((e) => {
        const description = e["description"] as string | null;
        return get(e, "workspace") === null && !types.includes(e["interfaceType"] as string) && (description === null || !prefixes.some((x) => description.startsWith(x)));
      });
    },
  },
  {
    id: "WS-NET-005",
    resource: "directory",
    match: hasSubnets,
    assert: (r, p) =>
      list(r, "subnets").every((s) => {
        const free = s["availableIps"] as number;
        const inUse = list(s, "workspaces").filter((w) => w["state"] !== "TERMINATED").length;
        return free >= (p["minFree"] as number) && free >= (inUse * (p["pctHeadroom"] as number)) / 100;
      }),
  },
  { id: "WS-NET-006", resource: "directory", match: hasSubnets, assert: (r) => list(r, "subnets").every((s) => s["assignIpv6OnCreation"] !== true) },
  {
    id: "WS-NET-007",
    resource: "directory",
    match: (r, p) => hasSubnets(r) && (r["region"] as string) in (p["managementRanges"] as object),
    assert: (r, p) => {
      const ranges = (p["managementRanges"] as Record<string, string[]>)[r["region"] as string] as string[];
      if (texts(get(r, "vpc"), "cidrs").some((c) => ranges.some((m) => overlaps(m, c)))) return false;
      return !list(r, "subnets").some((s) => {
        const table = get(s, "routeTable");
        return (
          table !== null &&
          list(table, "routes").some((route) => {
            const destination = route["destination"] as string | null;
            return destination !== null && cidrOf(destination).prefix > 0 && ranges.some((m) => overlaps(m, destination));
          })
        );
      });
    },
  },
  {
    id: "WS-NET-009",
    resource: "directory",
    match: hasSubnets,
    assert: (r) => texts(get(r, "vpc"), "cidrs").every((c) => cidrOf(c).address.family !== 4 || RFC1918.some((range) => containsCidr(range, c))),
  },
  {
    id: "WS-NET-010",
    resource: "directory",
    match: hasSubnetsAndDns,
    assert: (r) => {
      const o = get(get(r, "vpc"), "dhcpOptions");
      if (o === null) return false;
      const servers = texts(o, "domainNameServers");
      const dnsIps = texts(r, "dnsIps");
      const name = get(r, "name") as string | null;
      const nodeType = texts(o, "netbiosNodeType");
      return (
        servers.length > 0 &&
        servers.every((s) => dnsIps.includes(s)) &&
        (name === null || texts(o, "domainName").includes(name)) &&
        nodeType.length === 1 &&
        nodeType[0] === "2" &&
        texts(o, "ntpServers").length === 0
      );
    },
  },
  {
    id: "WS-NET-011",
    resource: "directory",
    match: hasSubnetsAndDns,
    assert: (r) => {
      const dnsIps = texts(r, "dnsIps");
      return list(r, "subnets").every((s) =>
        dnsIps.every((d) => {
          if (texts(get(s, "vpc"), "cidrs").some((c) => containsIp(c, d))) return true;
          const table = get(s, "routeTable");
          if (table === null) return false;
          const routes = list(table, "routes");
          return routes.some((route) => {
            const destination = route["destination"] as string | null;
            if (destination === null || route["state"] !== "active" || NOT_PRIVATE_TARGETS.includes(route["targetType"] as string) || !containsIp(destination, d)) return false;
            const prefix = cidrOf(destination).prefix;
            return !routes.some((b) => {
              const hole = b["destination"] as string | null;
              return hole !== null && b["state"] === "blackhole" && containsIp(hole, d) && cidrOf(hole).prefix >= prefix;
            });
          });
        }),
      );
    },
  },
  {
    id: "WS-NET-012",
    resource: "directory",
    match: (r, p) =>
      hasSubnets(r) &&
      !strings(p, "excludedDirectories").includes(r["id"] as string) &&
      (strings(p, "internetEnabledDirectories").includes(r["id"] as string) ||
        (p["detectFromRoutes"] === true &&
          get(obj(r, "creation"), "enableInternetAccess") !== true &&
          list(r, "subnets").some((s) => {
            const table = get(s, "routeTable");
            return table !== null && list(table, "routes").some(defaultRoute);
          }))),
    assert: (r) =>
      list(r, "subnets").every((s) => {
        const table = get(s, "routeTable");
        if (table === null) return false;
        const nats = list(get(s, "vpc"), "natGateways");
        return list(table, "routes").some((route) => {
          if (!defaultRoute(route) || route["targetType"] !== "nat") return false;
          return nats.some((n) => {
            const subnet = get(n, "subnet");
            return n["id"] === route["targetId"] && n["state"] === "available" && subnet !== null && get(subnet, "availabilityZone") === s["availabilityZone"];
          });
        });
      }),
  },
  {
    id: "WS-NET-014",
    resource: "directory",
    match: hasSubnetsAndDns,
    assert: (r, p) => {
      const dnsIps = texts(r, "dnsIps");
      const required = p["requiredTraffic"] as AclTraffic[];
      return list(r, "subnets").every((s) => {
        const entries = list(get(s, "networkAcl"), "entries");
        return dnsIps.every((d) => required.every((q) => aclAllows(entries, d, q)));
      });
    },
  },
  {
    id: "WS-OPS-007",
    resource: "directory",
    assert: (r) => {
      const seen = new Set<string>();
      for (const w of list(r, "workspaces")) {
        if (!live(w)) continue;
        const name = (get(w, "userName") as string).toLowerCase();
        if (seen.has(name)) return false;
        seen.add(name);
      }
      return true;
    },
  },
  {
    id: "WS-OPS-010",
    resource: "directory",
    match: (r) => get(obj(r, "access"), "zeroClient") === "ALLOW",
    assert: (r) => list(r, "workspaces").some((w) => live(w) && texts(obj(w, "properties"), "protocols").includes("PCOIP")),
  },
  {
    id: "WS-SG-001",
    resource: "directory",
    match: (r) => get(r, "wsState") === "REGISTERED",
    assert: (r) => get(r, "workspaceSecurityGroupId") !== null && get(r, "workspaceSecurityGroup") !== null,
  },
  {
    id: "WS-SG-002",
    resource: "directory",
    match: (r, p) => hasSubnets(r) && (p["requireCustomSecurityGroup"] === true || get(obj(r, "creation"), "customSecurityGroupId") !== null),
    assert: (r) => {
      if (get(obj(r, "creation"), "customSecurityGroupId") === null) return false;
      const group = get(r, "customSecurityGroup");
      return group !== null && get(group, "vpcId") === get(get(r, "vpc"), "id");
    },
  },
  {
    id: "WS-SG-011",
    resource: "directory",
    match: (r) => dsType(r) === "SimpleAD" || dsType(r) === "MicrosoftAD",
    assert: (r, p) => {
      const allowed = [...list(r, "subnets").map((s) => s["cidr"] as string), ...strings(p, "allowedCidrs")];
      const lists = strings(p, "allowedPrefixLists");
      return list(get(r, "controllerSecurityGroup"), "ingress").every(
        (rule) =>
          !openToInternet(rule) &&
          [...(rule["ipv4"] as string[]), ...(rule["ipv6"] as string[])].every((c) => allowed.some((a) => containsCidr(a, c))) &&
          (rule["prefixListIds"] as string[]).every((l) => lists.includes(l)),
      );
    },
  },
  {
    id: "WS-SG-012",
    resource: "directory",
    match: (r) => dsType(r) === "ADConnector" && texts(r, "dnsIps").length > 0,
    assert: (r, p) => {
      const egress = list(get(r, "controllerSecurityGroup"), "egress");
      const dnsIps = texts(r, "dnsIps");
      return (p["requiredPorts"] as number[]).every((port) =>
        ["tcp", "udp"].every((proto) => dnsIps.every((d) => egress.some((rule) => allowsPort(rule, proto, port) && (rule["ipv4"] as string[]).some((c) => containsIp(c, d))))),
      );
    },
  },
];
