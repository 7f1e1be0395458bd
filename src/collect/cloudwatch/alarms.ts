/** Lists the CloudWatch metric alarms on WorkSpaces metrics (DescribeAlarms) and normalizes them to `alarms`. */

import { paginateDescribeAlarms, type Dimension, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import type { Alarm } from "../../inventory/model.js";
import { defineCollector, type Where } from "../collector.js";
import { str } from "../normalize-helpers.js";

export const WORKSPACES_NAMESPACE = "AWS/WorkSpaces";

/** The WorkSpaces metric an alarm watches: its own metric, or the first WorkSpaces metric (or search) of its metric math. */
function workspacesMetric(a: MetricAlarm): { namespace: string; metricName: string | null; dimensions: Dimension[] } | undefined {
  if (a.Namespace === WORKSPACES_NAMESPACE) return { namespace: WORKSPACES_NAMESPACE, metricName: str(a.MetricName), dimensions: a.Dimensions ?? [] };
  for (const q of a.Metrics ?? []) {
    const m = q.MetricStat?.Metric;
    if (m?.Namespace === WORKSPACES_NAMESPACE) return { namespace: WORKSPACES_NAMESPACE, metricName: str(m.MetricName), dimensions: m.Dimensions ?? [] };
  }
  // A SEARCH expression names the namespace inside its text, e.g. SEARCH('{AWS/WorkSpaces,DirectoryId} Unhealthy', ...).
  if ((a.Metrics ?? []).some((q) => q.Expression?.includes(WORKSPACES_NAMESPACE) === true)) return { namespace: WORKSPACES_NAMESPACE, metricName: null, dimensions: [] };
  return undefined;
}

export function isWorkspacesAlarm(a: MetricAlarm): boolean {
  return workspacesMetric(a) !== undefined;
}

export function normalizeAlarm(raw: MetricAlarm, where: Where): Alarm {
  const metric = workspacesMetric(raw);
  return {
    id: raw.AlarmName ?? "",
    accountId: where.accountId,
    region: where.region,
    arn: str(raw.AlarmArn),
    namespace: metric?.namespace ?? str(raw.Namespace),
    metricName: metric?.metricName ?? str(raw.MetricName),
    dimensions: (metric?.dimensions ?? raw.Dimensions ?? []).map((d) => ({ name: d.Name ?? "", value: d.Value ?? "" })),
    actionsEnabled: raw.ActionsEnabled === true,
    alarmActions: [...(raw.AlarmActions ?? [])],
  };
}

export const alarmsCollector = defineCollector<"alarms", MetricAlarm[]>({
  id: "cloudwatch.DescribeAlarms",
  kind: "list",
  collection: "alarms",
  service: "cloudwatch",
  operation: "DescribeAlarms",
  permissions: ["cloudwatch:DescribeAlarms"],
  stage: 1,
  async fetch({ clients }) {
    const out: MetricAlarm[] = [];
    // DescribeAlarms cannot filter by namespace; every metric alarm is paged (100 a page) and filtered here.
    for await (const page of paginateDescribeAlarms({ client: clients.cloudwatch, pageSize: 100 }, { AlarmTypes: ["MetricAlarm"] })) {
      out.push(...(page.MetricAlarms ?? []).filter(isWorkspacesAlarm));
    }
    return out;
  },
  normalize: (raw, where) => raw.filter((a) => a.AlarmName).map((a) => normalizeAlarm(a, where)),
});
