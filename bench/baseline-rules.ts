/**
 * A representative set of the shipped policies rewritten as plain TypeScript over the resolved views: the benchmark's
 * practical limit for the same decisions. It covers every resource type and the ten policies the engine spends most
 * time on (the bench names any of the ten it does not cover); a new policy needs no twin here.
 */

import { fingerprint } from "../src/findings/fingerprint.js";
import { STATUSES, type Status } from "../src/findings/types.js";
import type { ResolvedInventory } from "../src/inventory/resolve-inventory.js";
import type { Cidr } from "../src/policy/net-address.js";
import { DIRECTORY_RULES } from "./baseline-directory-rules.js";
import { cidrOf, get, list, live, obj, openToInternet, strings, type BaselineRule, type Params, type View } from "./baseline-helpers.js";
import { REGION_RULES } from "./baseline-region-rules.js";
import { WORKSPACE_RULES } from "./baseline-workspace-rules.js";

export type { BaselineRule } from "./baseline-helpers.js";

/** A baseline result: the fields a report needs, without the engine's evidence. */
export interface BaselineResult {
  policyId: string;
  status: Status;
  resourceId: string;
  accountId: string;
  region: string;
  message: string;
  fingerprint: string;
}

const parsedRanges = new WeakMap<string[], Cidr[]>();

/** Params are fixed for a run: parse their CIDRs once, as hand-written code would. */
function ranges(p: Params, name: string): Cidr[] {
  const texts = strings(p, name);
  let parsed = parsedRanges.get(texts);
  if (!parsed) parsedRanges.set(texts, (parsed = texts.map(cidrOf)));
  return parsed;
}

function allowsTcpPort(rule: View, port: number): boolean {
  const protocol = get(rule, "protocol");
  if (protocol === "all") return true;
  return protocol === "tcp" && (get(rule, "fromPort") as number) <= port && port <= (get(rule, "toPort") as number);
}

/** A WorkSpace security group admits `port` from a source outside the admin ranges or prefix lists. */
function adminPortOpenBeyond(r: View, p: Params, port: number): boolean {
  const adminCidrs = ranges(p, "adminCidrs");
  const adminPrefixLists = strings(p, "adminPrefixLists");
  return list(r, "securityGroups").some((g) =>
    list(g, "ingress").some((rule) => {
      if (!allowsTcpPort(rule, port)) return false;
      const sources = [...(get(rule, "ipv4") as string[]), ...(get(rule, "ipv6") as string[])];
      if (sources.some((c) => !adminCidrs.some((a) => a.containsCidr(cidrOf(c))))) return true;
      return (get(rule, "prefixListIds") as string[]).some((id) => !adminPrefixLists.includes(id));
    }),
  );
}

const CORE_RULES: BaselineRule[] = [
  {
    id: "WS-ENC-007",
    resource: "kmsKey",
    match: (r) => get(r, "keyManager") === "CUSTOMER",
    assert: (r) => get(r, "rotationEnabled") === true,
  },
  {
    id: "WS-AUTH-001",
    resource: "directory",
    assert: (r, p) => {
      const dsType = get(r, "dsType") as string | null;
      if ((dsType === "ADConnector" || dsType === "MicrosoftAD") && get(r, "radius") !== null && get(obj(r, "radius"), "status") === "Completed") return true;
      return p["acceptSamlAsMfa"] === true && get(r, "saml") !== null && get(obj(r, "saml"), "status") === "ENABLED";
    },
  },
  {
    id: "WS-NET-001",
    resource: "directory",
    match: (r) => list(r, "subnetIds").length > 0,
    assert: (r) =>
      list(r, "subnets").every((s) => {
        const table = get(s, "routeTable");
        if (table === null) return false;
        return !list(table, "routes").some(
          (route) => get(route, "targetType") === "igw" && get(route, "state") === "active" && (get(route, "destination") === "0.0.0.0/0" || get(route, "destinationIpv6") === "::/0"),
        );
      }),
  },
  {
    id: "WS-NET-003",
    resource: "workspace",
    match: (r) => live(r) && get(r, "ipAddress") !== null,
    assert: (r) => {
      const eni = get(r, "networkInterface");
      return eni !== null && get(eni, "publicIp") === null;
    },
  },
  {
    id: "WS-SG-004",
    resource: "workspace",
    match: live,
    assert: (r) => list(r, "securityGroups").every((g) => !list(g, "ingress").some(openToInternet)),
  },
  {
    id: "WS-SG-006",
    resource: "workspace",
    match: live,
    assert: (r, p) => !adminPortOpenBeyond(r, p, 22),
  },
];

export const BASELINE_RULES: BaselineRule[] = [...CORE_RULES, ...WORKSPACE_RULES, ...DIRECTORY_RULES, ...REGION_RULES];

export interface BaselineOptions {
  now: Date;
  /** Per-policy params (the shipped defaults), by policy id. */
  params: Record<string, Params>;
  /** Build report-ready results (message and fingerprint); false decides only. */
  results: boolean;
}

/** Runs the rules; with `results: false` only the status counts are kept, which is the floor of the work. */
export function runBaseline(rules: BaselineRule[], inventory: ResolvedInventory, options: BaselineOptions): { results: BaselineResult[]; counts: Map<string, Record<Status, number>> } {
  const results: BaselineResult[] = [];
  const counts = new Map<string, Record<Status, number>>();
  for (const rule of rules) {
    const params = options.params[rule.id] ?? {};
    const tally = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    counts.set(rule.id, tally);
    for (const resource of inventory.entities[rule.resource]) {
      let status: Status;
      try {
        if (rule.match && !rule.match(resource, params, options.now)) status = "not_applicable";
        else if (rule.manual === true) status = "manual";
        else status = rule.assert(resource, params, options.now) ? "pass" : "fail";
      } catch {
        status = "error";
      }
      tally[status] += 1;
      if (options.results) {
        const message = status === "fail" && rule.message ? rule.message(resource) : status;
        results.push({
          policyId: rule.id,
          status,
          resourceId: resource.id,
          accountId: resource.accountId,
          region: resource.region,
          message,
          fingerprint: fingerprint(rule.id, resource.accountId, resource.region, resource.id),
        });
      }
    }
  }
  return { results, counts };
}
