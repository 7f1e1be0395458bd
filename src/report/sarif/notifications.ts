/** Tool execution notifications: collection errors, undecided results, expired or unused waivers and attestations, dropped results. */

import type { Notification } from "sarif";
import type { Governance, GovernanceEntry, Result } from "../../findings/types.js";
import type { CollectionError } from "../../inventory/model.js";
import { describeCollectionError, sortCollectionErrors } from "../shared/describe-collection-error.js";
import { sortGovernanceEntries } from "../shared/sort-governance.js";

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

function governanceNotification(e: GovernanceEntry, kind: "waiver" | "attestation"): Notification {
  const name = kind === "waiver" ? "Waiver" : "Attestation";
  const text =
    e.state === "expired"
      ? `${name} ${e.id} for ${e.policy} (${kind === "waiver" ? "owner" : "attested by"} ${e.owner}) expired on ${e.expires} and no longer applies; ${kind === "waiver" ? "the failures it covered are failing again" : "its results are manual again"}. Renew or remove it.`
      : `${name} ${e.id} for ${e.policy} (${kind === "waiver" ? "owner" : "attested by"} ${e.owner}, expires ${e.expires}) matched no result. Remove it or fix its scope.`;
  return {
    // Expired means a decision lapsed (warning); unused is housekeeping (note).
    level: e.state === "expired" ? "warning" : "note",
    descriptor: { id: `wsaudit/${kind}-${e.state}` },
    message: { text },
    properties: { ...e },
  };
}

/** Expired and unused waivers and attestations: entries that need their owner's attention. Applied ones are not news. */
export function governanceNotifications(governance: Governance | undefined): Notification[] {
  if (governance === undefined) return [];
  return [
    ...sortGovernanceEntries(governance.waivers).filter((e) => e.state !== "applied").map((e) => governanceNotification(e, "waiver")),
    ...sortGovernanceEntries(governance.attestations).filter((e) => e.state !== "applied").map((e) => governanceNotification(e, "attestation")),
  ];
}

export function droppedNotification(dropped: number, kept: number, maxResults: number, maxGzipBytes: number): Notification[] {
  if (dropped === 0) return [];
  return [
    {
      level: "warning",
      descriptor: { id: "wsaudit/results-dropped" },
      message: {
        text: `${dropped} result(s) were left out of this SARIF file, waived ones first and then the lowest severity, to stay within GitHub's limits (at most ${maxResults} results per run, ${maxGzipBytes} bytes gzip-compressed); ${kept} were kept. The JSON and HTML reports list every result.`,
      },
      properties: { dropped, kept, maxResults, maxGzipBytes },
    },
  ];
}
