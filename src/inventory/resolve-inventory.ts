/** Resolves every relation of the inventory once, with hash indexes, so policies read `workspace.directory.ipGroups` and never join by hand. */

import type { CollectionError, CollectionName, Inventory, KmsKey, NetworkInterface, RouteTable, Workspace } from "./model.js";
import { RESOURCE_TYPE_IDS, RESOURCE_TYPES, type ResourceType } from "./resource-types.js";

/** An entity as a policy sees it: its inventory fields plus resolved relation fields. */
export type EntityView = Record<string, unknown> & { id: string; accountId: string; region: string };

export interface ResolvedInventory {
  source: Inventory;
  entities: Record<ResourceType, EntityView[]>;
  /** Collection errors that cover a whole collection, by `collection|account|region`. */
  missing: MissingIndex;
  /** Ids an entity references that are not in the inventory, by relation field (for explaining `error` results). */
  unresolved: WeakMap<EntityView, Record<string, string[]>>;
}

export interface MissingIndex {
  /** Collections with at least one whole-collection error somewhere (a fast path: usually none). */
  collectionsWithErrors: ReadonlySet<CollectionName>;
  /** Errors that leave the collection incomplete for an account and region. */
  forCollection(collection: CollectionName, accountId: string, region: string): CollectionError[];
  /** Errors that name this resource id (e.g. DescribeKey denied for one key). */
  forResource(collection: CollectionName, resourceId: string): CollectionError[];
  /** Fields of a collection not collected in an account and region (an enrichment failed), with the errors that say why. */
  fieldsMissing(collection: CollectionName, accountId: string, region: string): ReadonlyMap<string, CollectionError[]>;
  /** True when some error is field-level (a fast path: usually none). */
  hasFieldErrors: boolean;
}

/** The fields an error names for one collection (`collection.field` entries); empty when the collection is missing whole. */
export function fieldsOf(error: CollectionError, collection: CollectionName): string[] {
  const prefix = `${collection}.`;
  return (error.fields ?? []).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
}

export function buildMissingIndex(errors: CollectionError[]): MissingIndex {
  const whole = new Map<string, CollectionError[]>();
  const byResource = new Map<string, CollectionError[]>();
  const byField = new Map<string, Map<string, CollectionError[]>>();
  const push = (map: Map<string, CollectionError[]>, key: string, error: CollectionError): void => {
    const list = map.get(key);
    if (list) list.push(error);
    else map.set(key, [error]);
  };
  for (const error of errors) {
    for (const collection of error.collections) {
      const fields = fieldsOf(error, collection);
      if (error.resourceIds && error.resourceIds.length > 0) {
        for (const id of error.resourceIds) push(byResource, `${collection}|${id}`, error);
      } else if (fields.length > 0) {
        const key = `${collection}|${error.accountId}|${error.region}`;
        let map = byField.get(key);
        if (!map) byField.set(key, (map = new Map<string, CollectionError[]>()));
        for (const f of fields) push(map, f, error);
      } else {
        push(whole, `${collection}|${error.accountId}|${error.region}`, error);
      }
    }
  }
  const collectionsWithErrors = new Set(errors.filter((e) => (e.resourceIds?.length ?? 0) === 0).flatMap((e) => e.collections.filter((c) => fieldsOf(e, c).length === 0)));
  const none: ReadonlyMap<string, CollectionError[]> = new Map();
  return {
    collectionsWithErrors,
    hasFieldErrors: byField.size > 0,
    fieldsMissing: (collection, accountId, region) => byField.get(`${collection}|${accountId}|${region}`) ?? none,
    forCollection: (collection, accountId, region) => whole.get(`${collection}|${accountId}|${region}`) ?? [],
    forResource: (collection, resourceId) => byResource.get(`${collection}|${resourceId}`) ?? [],
  };
}

const scoped = (accountId: string, region: string, id: string): string => `${accountId}/${region}/${id}`;

/**
 * Views by account, region and id in nested maps: lookups reuse the strings already in the inventory (whose hashes V8
 * caches) instead of building a key string per lookup, which dominated resolution time on large fleets.
 */
export class ScopedIndex<V> {
  private readonly byAccount = new Map<string, Map<string, Map<string, V>>>();

  set(accountId: string, region: string, id: string, value: V): void {
    let regions = this.byAccount.get(accountId);
    if (!regions) this.byAccount.set(accountId, (regions = new Map<string, Map<string, V>>()));
    let ids = regions.get(region);
    if (!ids) regions.set(region, (ids = new Map<string, V>()));
    ids.set(id, value);
  }

  get(accountId: string, region: string, id: string): V | undefined {
    return this.byAccount.get(accountId)?.get(region)?.get(id);
  }
}

function indexViews(views: EntityView[]): ScopedIndex<EntityView> {
  const index = new ScopedIndex<EntityView>();
  for (const v of views) index.set(v.accountId, v.region, v.id, v);
  return index;
}

function groupBy<T>(items: T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const view = (entity: object): EntityView => ({ ...(entity as EntityView) });

/** Parses a KMS key reference (ARN, key id, alias name or alias ARN) into a lookup key. */
export function kmsReferenceKeys(ref: string, accountId: string, region: string): string[] {
  const arn = /^arn:[^:]+:kms:([^:]*):(\d{12}):(key|alias)\/(.+)$/.exec(ref);
  if (arn) {
    const [, r = region, a = accountId, kind, name = ""] = arn;
    return kind === "key" ? [`arn|${ref}`, `id|${a}/${r}/${name}`] : [`alias|${a}/${r}/alias/${name}`];
  }
  if (ref.startsWith("alias/")) return [`alias|${accountId}/${region}/${ref}`];
  return [`id|${accountId}/${region}/${ref}`];
}

export function resolveInventory(inventory: Inventory): ResolvedInventory {
  const missing = buildMissingIndex(inventory.errors);
  // A collection absent from the document (schema 1.0 files, or a collector that was not run) was not collected anywhere.
  const lacks = (collection: CollectionName, e: { accountId: string; region: string }): boolean =>
    inventory[collection] === undefined || (missing.collectionsWithErrors.has(collection) && missing.forCollection(collection, e.accountId, e.region).length > 0);

  // One list of views per resource type, from the registry; a collection absent from the document is an empty list here.
  const entities = Object.fromEntries(
    RESOURCE_TYPE_IDS.map((type) => [type, ((inventory[RESOURCE_TYPES[type].collection] as object[] | undefined) ?? []).map(view)]),
  ) as Record<ResourceType, EntityView[]>;
  const { directory: directories, workspace: workspaces, ipGroup: ipGroups, securityGroup: securityGroups, networkInterface: networkInterfaces } = entities;
  const { subnet: subnets, vpc: vpcs, routeTable: routeTables, kmsKey: kmsKeys, accountRegion: accountRegions, natGateway: natGateways } = entities;
  const { dhcpOptions, networkAcl: networkAcls, vpcEndpoint: vpcEndpoints, bundle: bundles, image: images, trail: trails, alarm: alarms } = entities;
  const { eventRule: eventRules, iamRole: iamRoles } = entities;

  const dirById = indexViews(directories);
  const ipgById = indexViews(ipGroups);
  const sgById = indexViews(securityGroups);
  const subnetById = indexViews(subnets);
  const vpcById = indexViews(vpcs);

  // Interfaces by subnet and private IP: the whitepaper's way of finding a WorkSpace's ENI.
  const eniBySubnetIp = new ScopedIndex<Map<string, EntityView>>();
  for (const eni of networkInterfaces) {
    const raw = eni as unknown as NetworkInterface;
    let byIp = eniBySubnetIp.get(raw.accountId, raw.region, raw.subnetId);
    if (!byIp) eniBySubnetIp.set(raw.accountId, raw.region, raw.subnetId, (byIp = new Map<string, EntityView>()));
    for (const ip of raw.privateIps) byIp.set(ip, eni);
  }

  const kmsByRef = new Map<string, EntityView>();
  for (const key of kmsKeys) {
    const raw = key as unknown as KmsKey;
    kmsByRef.set(`arn|${raw.arn}`, key);
    kmsByRef.set(`id|${raw.accountId}/${raw.region}/${raw.id}`, key);
    for (const alias of raw.aliases) kmsByRef.set(`alias|${raw.accountId}/${raw.region}/${alias}`, key);
  }

  // Route tables: explicit subnet associations first, else the VPC's main table.
  const rtbBySubnet = new ScopedIndex<EntityView>();
  const mainRtbByVpc = new ScopedIndex<EntityView>();
  for (const rtb of routeTables) {
    const raw = rtb as unknown as RouteTable;
    if (raw.isMain) mainRtbByVpc.set(raw.accountId, raw.region, raw.vpcId, rtb);
    for (const subnetId of raw.subnetIds) rtbBySubnet.set(raw.accountId, raw.region, subnetId, rtb);
    if (!lacks("vpcs", raw)) rtb["vpc"] = vpcById.get(raw.accountId, raw.region, raw.vpcId) ?? null;
  }

  const unresolved = new WeakMap<EntityView, Record<string, string[]>>();
  const noteUnresolved = (e: EntityView, field: string, id: string): void => {
    const notes = unresolved.get(e) ?? {};
    (notes[field] ??= []).push(id);
    unresolved.set(e, notes);
  };
  const find = (index: Lookupable, e: EntityView, id: unknown): EntityView | null =>
    typeof id === "string" && id !== "" ? (index.get(e.accountId, e.region, id) ?? null) : null;
  /** A to-one relation: null when there is no id, or when the id points at nothing (noted for error messages). */
  const lookup = (index: Lookupable, e: EntityView, id: unknown, field?: string): EntityView | null => {
    const found = find(index, e, id);
    if (found === null && field !== undefined && typeof id === "string" && id !== "") noteUnresolved(e, field, id);
    return found;
  };
  const lookupAll = (index: Lookupable, e: EntityView, ids: unknown): EntityView[] =>
    Array.isArray(ids) ? ids.flatMap((id) => find(index, e, id) ?? []) : [];
  /**
   * A to-many relation from an id list. When an id points at nothing, the list is left unset: a policy iterating it
   * must not pass on the members it cannot see.
   */
  const setList = (e: EntityView, field: string, index: Lookupable, ids: unknown): EntityView[] | undefined => {
    const list: EntityView[] = [];
    let complete = true;
    for (const id of Array.isArray(ids) ? (ids as unknown[]) : []) {
      const found = find(index, e, id);
      if (found) list.push(found);
      else {
        complete = false;
        noteUnresolved(e, field, String(id));
      }
    }
    if (complete) e[field] = list;
    return list;
  };

  // Reverse relations start empty only where their source collection was collected; otherwise they stay absent.
  const pushTo = (e: EntityView, field: string, item: EntityView): void => {
    (e[field] as EntityView[] | undefined)?.push(item);
  };
  for (const subnet of subnets) {
    if (!lacks("vpcs", subnet)) subnet["vpc"] = lookup(vpcById, subnet, subnet["vpcId"], "vpc");
    if (!lacks("routeTables", subnet)) {
      subnet["routeTable"] = rtbBySubnet.get(subnet.accountId, subnet.region, subnet.id) ?? lookup(mainRtbByVpc, subnet, subnet["vpcId"], "routeTable");
    }
    if (!lacks("workspaces", subnet)) subnet["workspaces"] = [];
  }
  for (const sg of securityGroups) {
    if (!lacks("vpcs", sg)) sg["vpc"] = lookup(vpcById, sg, sg["vpcId"], "vpc");
    if (!lacks("workspaces", sg) && !lacks("networkInterfaces", sg)) sg["workspaces"] = [];
  }
  for (const eni of networkInterfaces) {
    if (!lacks("subnets", eni)) eni["subnet"] = lookup(subnetById, eni, eni["subnetId"], "subnet");
    if (!lacks("securityGroups", eni)) setList(eni, "securityGroups", sgById, eni["groupIds"]);
    if (!lacks("workspaces", eni)) eni["workspace"] = null;
  }
  for (const key of kmsKeys) if (!lacks("workspaces", key)) key["workspaces"] = [];
  for (const group of ipGroups) if (!lacks("directories", group)) group["directories"] = [];

  const workspacesByDirectory = groupBy(workspaces, (w) => scoped(w.accountId, w.region, String(w["directoryId"])));

  // RADIUS servers that are interfaces of the account (in the same Region), found by private IP: the RADIUS
  // reachability check reads these few instead of scanning every interface of the Region for each server.
  const enisByIp = new ScopedIndex<EntityView[]>();
  for (const eni of networkInterfaces) {
    for (const ip of (eni["privateIps"] as string[] | undefined) ?? []) {
      const list = enisByIp.get(eni.accountId, eni.region, ip);
      if (list) list.push(eni);
      else enisByIp.set(eni.accountId, eni.region, ip, [eni]);
    }
  }

  for (const dir of directories) {
    const creation = dir["creation"] as { customSecurityGroupId?: string | null } | undefined;
    const placement = (dir["managedAd"] ?? dir["adConnector"]) as { securityGroupId?: string | null; vpcId?: string | null } | null | undefined;
    if (!lacks("ipGroups", dir)) {
      for (const g of setList(dir, "ipGroups", ipgById, dir["ipGroupIds"]) ?? []) pushTo(g, "directories", dir);
    }
    if (!lacks("subnets", dir)) setList(dir, "subnets", subnetById, dir["subnetIds"]);
    if (!lacks("securityGroups", dir)) {
      dir["workspaceSecurityGroup"] = lookup(sgById, dir, dir["workspaceSecurityGroupId"], "workspaceSecurityGroup");
      if (creation !== undefined) dir["customSecurityGroup"] = lookup(sgById, dir, creation.customSecurityGroupId, "customSecurityGroup");
      if (placement !== undefined) dir["controllerSecurityGroup"] = lookup(sgById, dir, placement?.securityGroupId, "controllerSecurityGroup");
    }
    if (!lacks("workspaces", dir)) dir["workspaces"] = workspacesByDirectory.get(scoped(dir.accountId, dir.region, dir.id)) ?? [];
    if (!lacks("networkInterfaces", dir)) {
      const servers = (dir["radius"] as { servers?: string[] } | null | undefined)?.servers ?? [];
      dir["radiusInterfaces"] = [...new Set(servers.flatMap((ip) => enisByIp.get(dir.accountId, dir.region, ip) ?? []))];
    }
    if (!lacks("vpcs", dir)) {
      const firstSubnet = lookupAll(subnetById, dir, dir["subnetIds"])[0];
      dir["vpc"] = lookup(vpcById, dir, firstSubnet?.["vpcId"] ?? placement?.vpcId);
    }
  }

  const bundleById = indexViews(bundles);
  const imageById = indexViews(images);
  for (const bundle of bundles) {
    if (!lacks("images", bundle)) bundle["image"] = lookup(imageById, bundle, bundle["imageId"], "image");
  }
  const bundlesByImage = groupBy(bundles, (b) => (typeof b["imageId"] === "string" ? scoped(b.accountId, b.region, b["imageId"]) : null));
  for (const image of images) if (!lacks("bundles", image)) image["bundles"] = bundlesByImage.get(scoped(image.accountId, image.region, image.id)) ?? [];

  for (const ws of workspaces) {
    const raw = ws as unknown as Workspace;
    if (!lacks("bundles", ws)) ws["bundle"] = lookup(bundleById, ws, raw.bundleId, "bundle");
    if (!lacks("directories", ws)) ws["directory"] = lookup(dirById, ws, raw.directoryId, "directory");
    if (!lacks("subnets", ws)) {
      const subnet = lookup(subnetById, ws, raw.subnetId, "subnet");
      ws["subnet"] = subnet;
      if (subnet) pushTo(subnet, "workspaces", ws);
    }
    if (!lacks("networkInterfaces", ws)) {
      const eni = raw.subnetId && raw.ipAddress ? (eniBySubnetIp.get(ws.accountId, ws.region, raw.subnetId)?.get(raw.ipAddress) ?? null) : null;
      ws["networkInterface"] = eni;
      if (eni) {
        if ("workspace" in eni) eni["workspace"] = ws;
        // Without the interface the attached groups are unknown: leave securityGroups absent so policies cannot pass on it.
        if (!lacks("securityGroups", ws)) {
          for (const g of setList(ws, "securityGroups", sgById, eni["groupIds"]) ?? []) pushTo(g, "workspaces", ws);
        }
      } else if (raw.subnetId && raw.ipAddress) {
        noteUnresolved(ws, "networkInterface", `${raw.subnetId}/${raw.ipAddress}`);
      }
    }
    const ref = raw.volumeEncryptionKey;
    if (ref === null || ref === undefined || ref === "") {
      ws["kmsKey"] = null;
    } else {
      const keys = kmsReferenceKeys(ref, ws.accountId, ws.region);
      const key = keys.map((k) => kmsByRef.get(k)).find((k) => k !== undefined);
      if (key) {
        ws["kmsKey"] = key;
        pushTo(key, "workspaces", ws);
      } else if (!lacks("kmsKeys", ws) && missing.forResource("kmsKeys", ref).length === 0) {
        ws["kmsKey"] = null;
        noteUnresolved(ws, "kmsKey", ref);
      }
    }
  }

  resolveNetworkExtras({ vpcs, subnets, routeTables, natGateways, dhcpOptions, networkAcls, vpcEndpoints, networkInterfaces }, lacks, lookup);
  resolveAccountRegions(accountRegions, { trails, alarms, eventRules, directories, workspaces, ipGroups, networkInterfaces, images }, iamRoles, lacks);

  return {
    source: inventory,
    missing,
    unresolved,
    entities,
  };
}

/** The collections a resource type's relation field depends on, for explaining `error` results. */
export function relationCollections(type: ResourceType, field: string): readonly CollectionName[] {
  const relations = RESOURCE_TYPES[type].relations as Record<string, CollectionName | readonly CollectionName[]>;
  const found = relations[field];
  return found === undefined ? [] : typeof found === "string" ? [found] : found;
}

interface Lookupable {
  get(accountId: string, region: string, id: string): EntityView | undefined;
}

type Lacks = (collection: CollectionName, e: { accountId: string; region: string }) => boolean;
type Lookup = (index: Lookupable, e: EntityView, id: unknown, field?: string) => EntityView | null;

/** VPC-level relations: DHCP options, NAT gateways, endpoints, network ACLs (explicit association, else the VPC default). */
function resolveNetworkExtras(
  c: Record<"vpcs" | "subnets" | "routeTables" | "natGateways" | "dhcpOptions" | "networkAcls" | "vpcEndpoints" | "networkInterfaces", EntityView[]>,
  lacks: Lacks,
  lookup: Lookup,
): void {
  const byVpc = (list: EntityView[]): Map<string, EntityView[]> => groupBy(list, (e) => (typeof e["vpcId"] === "string" ? scoped(e.accountId, e.region, e["vpcId"]) : null));
  const subnetsByVpc = byVpc(c.subnets);
  const rtbsByVpc = byVpc(c.routeTables);
  const natsByVpc = byVpc(c.natGateways);
  const endpointsByVpc = byVpc(c.vpcEndpoints);
  const enisByVpc = byVpc(c.networkInterfaces);
  const dhcpById = indexViews(c.dhcpOptions);
  const subnetById = indexViews(c.subnets);
  const vpcById = indexViews(c.vpcs);
  for (const vpc of c.vpcs) {
    const key = scoped(vpc.accountId, vpc.region, vpc.id);
    if (!lacks("dhcpOptions", vpc)) {
      // "default" is how EC2 reports a VPC with no DHCP options set.
      const id = vpc["dhcpOptionsId"];
      vpc["dhcpOptions"] = id === "default" ? null : lookup(dhcpById, vpc, id, "dhcpOptions");
    }
    if (!lacks("subnets", vpc)) vpc["subnets"] = subnetsByVpc.get(key) ?? [];
    if (!lacks("routeTables", vpc)) vpc["routeTables"] = rtbsByVpc.get(key) ?? [];
    if (!lacks("natGateways", vpc)) vpc["natGateways"] = natsByVpc.get(key) ?? [];
    if (!lacks("vpcEndpoints", vpc)) vpc["vpcEndpoints"] = endpointsByVpc.get(key) ?? [];
    if (!lacks("networkInterfaces", vpc)) vpc["networkInterfaces"] = enisByVpc.get(key) ?? [];
  }
  for (const nat of c.natGateways) if (!lacks("subnets", nat)) nat["subnet"] = lookup(subnetById, nat, nat["subnetId"], "subnet");
  for (const e of [...c.networkAcls, ...c.vpcEndpoints]) if (!lacks("vpcs", e)) e["vpc"] = lookup(vpcById, e, e["vpcId"], "vpc");
  const aclBySubnet = new Map<string, EntityView>();
  const defaultAclByVpc = new Map<string, EntityView>();
  for (const acl of c.networkAcls) {
    if (acl["isDefault"] === true && typeof acl["vpcId"] === "string") defaultAclByVpc.set(scoped(acl.accountId, acl.region, acl["vpcId"]), acl);
    for (const id of (acl["subnetIds"] as string[] | undefined) ?? []) aclBySubnet.set(scoped(acl.accountId, acl.region, id), acl);
  }
  for (const subnet of c.subnets) {
    if (lacks("networkAcls", subnet)) continue;
    subnet["networkAcl"] = aclBySubnet.get(scoped(subnet.accountId, subnet.region, subnet.id)) ?? defaultAclByVpc.get(scoped(subnet.accountId, subnet.region, String(subnet["vpcId"]))) ?? null;
  }
}

/** Region-level relations: everything in the same account and region (IAM roles: the same account, they are global). */
function resolveAccountRegions(
  accountRegions: EntityView[],
  regional: Record<"trails" | "alarms" | "eventRules" | "directories" | "workspaces" | "ipGroups" | "networkInterfaces" | "images", EntityView[]>,
  iamRoles: EntityView[],
  lacks: Lacks,
): void {
  const grouped = Object.fromEntries(
    Object.entries(regional).map(([name, list]) => [name, groupBy(list, (e) => `${e.accountId}/${e.region}`)]),
  ) as Record<keyof typeof regional, Map<string, EntityView[]>>;
  const rolesByAccount = groupBy(iamRoles, (r) => r.accountId);
  for (const ar of accountRegions) {
    const key = `${ar.accountId}/${ar.region}`;
    for (const name of Object.keys(regional) as (keyof typeof regional)[]) {
      if (!lacks(name, ar)) ar[name] = grouped[name].get(key) ?? [];
    }
    // IAM is global: its entities and errors carry the region "global".
    if (!lacks("iamRoles", { accountId: ar.accountId, region: "global" })) ar["iamRoles"] = rolesByAccount.get(ar.accountId) ?? [];
  }
}
