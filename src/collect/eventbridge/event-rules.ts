/** Lists the default event bus's rules that match WorkSpaces events (EventBridge ListRules, ListTargetsByRule) and normalizes them to `eventRules`. */

import { ListRulesCommand, ListTargetsByRuleCommand, type Rule } from "@aws-sdk/client-eventbridge";
import type { EventRule } from "../../inventory/model.js";
import { paginateByNextToken } from "../aws/paginate-by-next-token.js";
import { defineCollector, type CollectContext, type Where } from "../collector.js";

export const WORKSPACES_EVENT_SOURCE = "aws.workspaces";
const BUS = "default";

export interface RawEventRule {
  rule: Rule;
  targetCount: number;
}

/** Scoping: a rule is kept when its event pattern mentions "aws.workspaces" anywhere (source, prefix, anything-but...). */
export function mentionsWorkspaces(rule: Rule): boolean {
  return typeof rule.EventPattern === "string" && rule.EventPattern.includes(WORKSPACES_EVENT_SOURCE);
}

export function normalizeEventRule(raw: RawEventRule, where: Where): EventRule {
  const { rule } = raw;
  const pattern: unknown = rule.EventPattern ? JSON.parse(rule.EventPattern) : null;
  return {
    id: rule.Arn ?? "",
    accountId: where.accountId,
    region: where.region,
    name: rule.Name ?? "",
    eventBus: rule.EventBusName ?? BUS,
    state: rule.State ?? "UNKNOWN",
    pattern: pattern !== null && typeof pattern === "object" && !Array.isArray(pattern) ? (pattern as Record<string, unknown>) : null,
    targetCount: raw.targetCount,
  };
}

async function fetchEventRules(ctx: CollectContext): Promise<RawEventRule[]> {
  const eb = ctx.clients.eventbridge;
  const rules: Rule[] = [];
  const listRules = (input: { NextToken?: string | undefined; EventBusName: string; Limit: number }) => eb.send(new ListRulesCommand(input));
  for await (const page of paginateByNextToken(listRules, { EventBusName: BUS, Limit: 100 })) rules.push(...(page.Rules ?? []).filter(mentionsWorkspaces));
  const out: RawEventRule[] = [];
  for (const rule of rules) {
    if (!rule.Arn || !rule.Name) continue;
    try {
      let targetCount = 0;
      const listTargets = (input: { NextToken?: string | undefined; Rule: string; EventBusName: string; Limit: number }) => eb.send(new ListTargetsByRuleCommand(input));
      for await (const page of paginateByNextToken(listTargets, { Rule: rule.Name, EventBusName: BUS, Limit: 100 })) targetCount += (page.Targets ?? []).length;
      out.push({ rule, targetCount });
    } catch (error) {
      // "Is some rule delivering WorkSpaces events?" reads the rules as a set: an uncounted rule leaves the region undecided.
      ctx.recordError("events", "ListTargetsByRule", error);
    }
  }
  return out;
}

export const eventRulesCollector = defineCollector<"eventRules", RawEventRule[]>({
  id: "events.ListRules",
  kind: "list",
  collection: "eventRules",
  service: "events",
  operation: "ListRules",
  permissions: ["events:ListRules", "events:ListTargetsByRule"],
  stage: 1,
  fetch: fetchEventRules,
  normalize: (raw, where) => raw.map((r) => normalizeEventRule(r, where)),
});
