/** Adds each directory's client properties (DescribeClientProperties, ≤25 directory ids per call) to `directories`. */

import { DescribeClientPropertiesCommand, type ClientPropertiesResult } from "@aws-sdk/client-workspaces";
import type { Directory } from "../../inventory/model.js";
import { chunk } from "../aws/chunk.js";
import { defineCollector } from "../collector.js";
import { str } from "../normalize-helpers.js";

export function normalizeClientProperties(raw: readonly ClientPropertiesResult[]): Map<string, Partial<Directory>> {
  const out = new Map<string, Partial<Directory>>();
  for (const r of raw) {
    if (!r.ResourceId) continue;
    out.set(r.ResourceId, {
      clientProperties: { reconnect: str(r.ClientProperties?.ReconnectEnabled), logUpload: str(r.ClientProperties?.LogUploadEnabled) },
    });
  }
  return out;
}

export const clientPropertiesCollector = defineCollector<"directories", ClientPropertiesResult[]>({
  id: "workspaces.DescribeClientProperties",
  kind: "enrich",
  collection: "directories",
  service: "workspaces",
  operation: "DescribeClientProperties",
  permissions: ["workspaces:DescribeClientProperties"],
  stage: 2,
  fills: ["clientProperties"],
  async fetch({ clients, view }) {
    const ids = [...new Set(view.directories.map((d) => d.id))];
    const out: ClientPropertiesResult[] = [];
    // ResourceIds is required and takes 1-25 ids.
    for (const batch of chunk(ids, 25)) {
      const page = await clients.workspaces.send(new DescribeClientPropertiesCommand({ ResourceIds: batch }));
      out.push(...(page.ClientPropertiesList ?? []));
    }
    return out;
  },
  normalize: (raw) => normalizeClientProperties(raw),
});
