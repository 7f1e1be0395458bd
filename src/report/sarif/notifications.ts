/** Tool execution notifications: collection errors, undecided (`error`) results and results dropped to fit GitHub's limits. */

import type { Notification } from "sarif";
import type { Result } from "../../findings/types.js";
import type { CollectionError } from "../../inventory/model.js";
import { describeCollectionError, sortCollectionErrors } from "../shared/describe-collection-error.js";

const RESOURCES_PER_NOTIFICATION = 5;

export function collectionErrorNotifications(errors: readonly CollectionError[]): Notification[] {
  return sortCollectionErrors(errors).map((e) => ({
    level: "error",
    descriptor: { id: "wsaudit/collection-error" },
    message: { text: `Inventory incomplete: ${describeCollectionError(e)}` },
    properties: { ...e },
  }));
}

/** One notification per policy, so ten thousand undecided results do not become ten thousand notifications. */
export function evaluationErrorNotifications(errors: readonly Result[], ruleIndex: ReadonlyMap<string, number>): Notification[] {
  const byPolicy = new Map<string, Result[]>();
  for (const r of errors) {
    const list = byPolicy.get(r.policyId) ?? [];
    list.push(r);
    byPolicy.set(r.policyId, list);
  }
  return [...byPolicy].map(([policyId, items]) => {
    const shown = items
      .slice(0, RESOURCES_PER_NOTIFICATION)
      .map((r) => `${r.resourceId} in account ${r.accountId}, region ${r.region}: ${r.message}`);
    const more = items.length > RESOURCES_PER_NOTIFICATION ? `; and ${items.length - RESOURCES_PER_NOTIFICATION} more` : "";
    const index = ruleIndex.get(policyId);
    return {
      level: "warning",
      descriptor: { id: "wsaudit/evaluation-error" },
      ...(index !== undefined ? { associatedRule: { id: policyId, index } } : {}),
      message: {
        text: `Policy ${policyId} could not decide for ${items.length} resource(s); this is not a pass. ${shown.join("; ")}${more}`,
      },
      properties: { policyId, count: items.length, fingerprints: items.map((r) => r.fingerprint) },
    };
  });
}

export function droppedNotification(dropped: number, kept: number, maxResults: number, maxGzipBytes: number): Notification[] {
  if (dropped === 0) return [];
  return [
    {
      level: "warning",
      descriptor: { id: "wsaudit/results-dropped" },
      message: {
        text: `${dropped} failing result(s) were left out of this SARIF file, lowest severity first, to stay within GitHub's limits (at most ${maxResults} results per run, ${maxGzipBytes} bytes gzip-compressed); ${kept} were kept. The JSON and HTML reports list every result.`,
      },
      properties: { dropped, kept, maxResults, maxGzipBytes },
    },
  ];
}
