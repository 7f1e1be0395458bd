/** Adds each Managed Microsoft AD's trusts (DS DescribeTrusts, one directory per call, shared ones included) to `directories`; other directory types cannot hold trusts. */

import { paginateDescribeTrusts, type Trust } from "@aws-sdk/client-directory-service";
import type { Directory, DirectoryTrust } from "../../inventory/model.js";
import { defineCollector, type CollectContext } from "../collector.js";
import { str } from "../normalize-helpers.js";

export interface RawTrusts {
  /** Trusts per Managed Microsoft AD whose DescribeTrusts answered. */
  trusts: Record<string, Trust[]>;
  /** Directories of a type that has no trusts (Simple AD, AD Connector, not a Directory Service directory). */
  none: string[];
}

export function normalizeTrust(raw: Trust): DirectoryTrust {
  return {
    id: raw.TrustId ?? "",
    remoteDomainName: str(raw.RemoteDomainName),
    direction: str(raw.TrustDirection),
    type: str(raw.TrustType),
    state: str(raw.TrustState),
  };
}

/** Only directories decided here are patched: a Managed AD whose call failed keeps `trusts` absent (not collected). */
export function normalizeTrusts(raw: RawTrusts): Map<string, Partial<Directory>> {
  const out = new Map<string, Partial<Directory>>();
  for (const id of raw.none) out.set(id, { trusts: [] });
  for (const [id, trusts] of Object.entries(raw.trusts)) out.set(id, { trusts: trusts.filter((t) => t.TrustId).map(normalizeTrust) });
  return out;
}

async function fetchTrusts(ctx: CollectContext): Promise<RawTrusts> {
  const raw: RawTrusts = { trusts: {}, none: [] };
  for (const d of ctx.view.directories) {
    // dsType absent = DescribeDirectories failed (already recorded): the type, and so the trusts, are unknown.
    if (d.dsType === undefined) continue;
    // A shared Managed AD is asked too: its trusts are the owner's, and a refusal is recorded rather than read as none.
    if (d.dsType !== "MicrosoftAD" && d.dsType !== "SharedMicrosoftAD") {
      raw.none.push(d.id);
      continue;
    }
    try {
      const trusts: Trust[] = [];
      for await (const page of paginateDescribeTrusts({ client: ctx.clients.ds }, { DirectoryId: d.id })) trusts.push(...(page.Trusts ?? []));
      raw.trusts[d.id] = trusts;
    } catch (error) {
      ctx.recordError("ds", "DescribeTrusts", error, { resourceIds: [d.id] });
    }
  }
  return raw;
}

export const dsTrustsCollector = defineCollector<"directories", RawTrusts>({
  id: "ds.DescribeTrusts",
  kind: "enrich",
  collection: "directories",
  service: "ds",
  operation: "DescribeTrusts",
  permissions: ["ds:DescribeTrusts"],
  stage: 2,
  fills: ["trusts"],
  fetch: fetchTrusts,
  normalize: (raw) => normalizeTrusts(raw),
});
