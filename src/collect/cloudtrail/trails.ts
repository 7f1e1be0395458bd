/** Lists the trails that log this region (CloudTrail DescribeTrails with shadow trails, GetTrailStatus, GetEventSelectors) and normalizes them to `trails`. */

import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type AdvancedEventSelector,
  type EventSelector,
  type Trail as AwsTrail,
} from "@aws-sdk/client-cloudtrail";
import type { Trail } from "../../inventory/model.js";
import { defineCollector, type CollectContext, type Where } from "../collector.js";

export interface RawTrail {
  trail: AwsTrail;
  isLogging: boolean | undefined;
  eventSelectors: EventSelector[];
  advancedEventSelectors: AdvancedEventSelector[];
}

/**
 * Reduces classic event selectors to management-event coverage. A selector includes management events unless it says
 * false (the API's default is true); read/write types combine (ReadOnly + WriteOnly = All); a source is excluded only
 * when every including selector excludes it.
 */
export function managementCoverage(selectors: readonly EventSelector[]): NonNullable<Trail["management"]> {
  const including = selectors.filter((s) => s.IncludeManagementEvents !== false);
  if (including.length === 0) return { included: false, readWriteType: "None", excludedSources: [] };
  const types = new Set(including.map((s) => s.ReadWriteType ?? "All"));
  const readWriteType = types.has("All") || (types.has("ReadOnly") && types.has("WriteOnly")) ? "All" : ([...types][0] ?? "All");
  const [first, ...rest] = including.map((s) => new Set(s.ExcludeManagementEventSources ?? []));
  const excluded = [...(first ?? [])].filter((source) => rest.every((set) => set.has(source))).sort();
  return { included: true, readWriteType, excludedSources: excluded };
}

export function normalizeAdvancedSelectors(selectors: readonly AdvancedEventSelector[]): Trail["advancedSelectors"] {
  // The model keeps equals/notEquals; StartsWith/EndsWith and their negations have no field in schema 1.1.
  return selectors.map((s) => ({
    name: s.Name ?? null,
    fieldSelectors: (s.FieldSelectors ?? []).map((f) => ({ field: f.Field ?? "", equals: [...(f.Equals ?? [])], notEquals: [...(f.NotEquals ?? [])] })),
  }));
}

export function normalizeTrail(raw: RawTrail, where: Where): Trail {
  const t = raw.trail;
  const advanced = raw.advancedEventSelectors.length > 0;
  return {
    id: t.TrailARN ?? "",
    accountId: where.accountId,
    // A multi-region trail is listed in every region it logs; each copy says what covers this region.
    region: where.region,
    name: t.Name ?? "",
    homeRegion: t.HomeRegion ?? where.region,
    multiRegion: t.IsMultiRegionTrail === true,
    organization: t.IsOrganizationTrail === true,
    isLogging: typeof raw.isLogging === "boolean" ? raw.isLogging : null,
    management: advanced ? null : managementCoverage(raw.eventSelectors),
    advancedSelectors: normalizeAdvancedSelectors(raw.advancedEventSelectors),
  };
}

async function fetchTrails(ctx: CollectContext): Promise<RawTrail[]> {
  const ct = ctx.clients.cloudtrail;
  // Shadow trails are the multi-region and organization trails whose home is elsewhere: they log this region too.
  const trails = (await ct.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
  const out: RawTrail[] = [];
  for (const trail of trails) {
    if (!trail.TrailARN) continue;
    try {
      // The ARN, not the name, reaches a shadow trail from outside its home region.
      const status = await ct.send(new GetTrailStatusCommand({ Name: trail.TrailARN }));
      const selectors = await ct.send(new GetEventSelectorsCommand({ TrailName: trail.TrailARN }));
      out.push({ trail, isLogging: status.IsLogging, eventSelectors: selectors.EventSelectors ?? [], advancedEventSelectors: selectors.AdvancedEventSelectors ?? [] });
    } catch (error) {
      // Region-level checks read the trails as a set, and one trail of unknown state can change their answer, so the
      // record covers the region's trails (no resourceIds) and the half-read trail is left out.
      ctx.recordError("cloudtrail", "GetTrailStatus", error);
    }
  }
  return out;
}

export const trailsCollector = defineCollector<"trails", RawTrail[]>({
  id: "cloudtrail.DescribeTrails",
  kind: "list",
  collection: "trails",
  service: "cloudtrail",
  operation: "DescribeTrails",
  permissions: ["cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors"],
  stage: 1,
  fetch: fetchTrails,
  normalize: (raw, where) => raw.map((t) => normalizeTrail(t, where)),
});
