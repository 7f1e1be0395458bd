/** Describes the bundles the WorkSpaces use and the account's own bundles (DescribeWorkspaceBundles) and normalizes them to `bundles`. */

import { paginateDescribeWorkspaceBundles, type WorkspaceBundle } from "@aws-sdk/client-workspaces";
import type { Bundle } from "../../inventory/model.js";
import { chunk } from "../aws/chunk.js";
import { defineCollector, type Where } from "../collector.js";
import { str } from "../normalize-helpers.js";

/** Capacities come as strings ("80"); anything not a whole number of GiB is unknown. */
function gib(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

export function normalizeBundle(raw: WorkspaceBundle, where: Where): Bundle {
  return {
    id: raw.BundleId ?? "",
    accountId: where.accountId,
    region: where.region,
    name: str(raw.Name),
    owner: str(raw.Owner),
    imageId: str(raw.ImageId),
    computeType: str(raw.ComputeType?.Name),
    rootCapacityGib: gib(raw.RootStorage?.Capacity),
    userCapacityGib: gib(raw.UserStorage?.Capacity),
    state: str(raw.State),
  };
}

export const bundlesCollector = defineCollector<"bundles", WorkspaceBundle[]>({
  id: "workspaces.DescribeWorkspaceBundles",
  kind: "list",
  collection: "bundles",
  service: "workspaces",
  operation: "DescribeWorkspaceBundles",
  permissions: ["workspaces:DescribeWorkspaceBundles"],
  stage: 2,
  // The bundles' image ids scope DescribeWorkspaceImages.
  feeds: ["images"],
  async fetch({ clients, view }) {
    const byId = new Map<string, WorkspaceBundle>();
    const keep = (bundles: WorkspaceBundle[] | undefined): void => {
      for (const b of bundles ?? []) if (b.BundleId && !byId.has(b.BundleId)) byId.set(b.BundleId, b);
    };
    // Owned bundles first (no Owner and no BundleIds = this account's), then the referenced ones not seen yet,
    // which are mostly AMAZON public bundles. BundleIds takes 1-25 ids and cannot be combined with Owner.
    for await (const page of paginateDescribeWorkspaceBundles({ client: clients.workspaces }, {})) keep(page.Bundles);
    const referenced = [...new Set(view.workspaces.map((w) => w.bundleId).filter((id): id is string => typeof id === "string" && id !== ""))];
    for (const batch of chunk(referenced.filter((id) => !byId.has(id)).sort(), 25)) {
      for await (const page of paginateDescribeWorkspaceBundles({ client: clients.workspaces }, { BundleIds: batch })) keep(page.Bundles);
    }
    return [...byId.values()];
  },
  normalize: (raw, where) => raw.map((b) => normalizeBundle(b, where)),
});
