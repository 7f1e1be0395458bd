/** Adds each WorkSpace's connection state (DescribeWorkspacesConnectionStatus, no SDK paginator) to `workspaces`. */

import { DescribeWorkspacesConnectionStatusCommand, type WorkspaceConnectionStatus } from "@aws-sdk/client-workspaces";
import type { Workspace } from "../../inventory/model.js";
import { paginateByNextToken } from "../aws/paginate-by-next-token.js";
import { defineCollector } from "../collector.js";
import { iso, str } from "../normalize-helpers.js";

export function normalizeConnectionStatuses(raw: readonly WorkspaceConnectionStatus[]): Map<string, Partial<Workspace>> {
  const out = new Map<string, Partial<Workspace>>();
  for (const s of raw) {
    if (!s.WorkspaceId) continue;
    out.set(s.WorkspaceId, {
      connection: {
        state: str(s.ConnectionState),
        checkedAt: iso(s.ConnectionStateCheckTimestamp),
        lastUserConnectionAt: iso(s.LastKnownUserConnectionTimestamp),
      },
    });
  }
  return out;
}

export const connectionStatusCollector = defineCollector<"workspaces", WorkspaceConnectionStatus[]>({
  id: "workspaces.DescribeWorkspacesConnectionStatus",
  kind: "enrich",
  collection: "workspaces",
  service: "workspaces",
  operation: "DescribeWorkspacesConnectionStatus",
  permissions: ["workspaces:DescribeWorkspacesConnectionStatus"],
  stage: 1,
  fills: ["connection"],
  async fetch({ clients }) {
    // Without WorkspaceIds the call pages through every WorkSpace: ⌈N/25⌉ calls instead of one per batch of ids.
    const out: WorkspaceConnectionStatus[] = [];
    const send = (input: { NextToken?: string | undefined }) => clients.workspaces.send(new DescribeWorkspacesConnectionStatusCommand(input));
    for await (const page of paginateByNextToken(send, {})) out.push(...(page.WorkspacesConnectionStatus ?? []));
    return out;
  },
  normalize: (raw) => normalizeConnectionStatuses(raw),
  // A WorkSpace absent from a complete answer has no known connection state.
  unmatched: { connection: null },
});
