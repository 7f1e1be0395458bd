/** Describes the images of the collected bundles and the account's own images (DescribeWorkspaceImages), with whom owned images are shared, and normalizes them to `images`. */

import { DescribeWorkspaceImagePermissionsCommand, DescribeWorkspaceImagesCommand, type WorkspaceImage } from "@aws-sdk/client-workspaces";
import type { Image } from "../../inventory/model.js";
import { chunk } from "../aws/chunk.js";
import { paginateByNextToken } from "../aws/paginate-by-next-token.js";
import { defineCollector, type CollectContext, type Where } from "../collector.js";
import { str } from "../normalize-helpers.js";

export interface RawImages {
  images: WorkspaceImage[];
  /** Shared account ids per owned image id; an owned image missing here had its permissions call fail. */
  sharedWith: Record<string, string[]>;
}

export function normalizeImages(raw: RawImages, where: Where): Image[] {
  return raw.images
    .filter((i) => i.ImageId)
    .map((i) => {
      const id = i.ImageId ?? "";
      const image: Image = {
        id,
        accountId: where.accountId,
        region: where.region,
        name: str(i.Name),
        osType: str(i.OperatingSystem?.Type),
        state: str(i.State),
        requiredTenancy: str(i.RequiredTenancy),
        ownerAccountId: str(i.OwnerAccountId),
      };
      const shared = raw.sharedWith[id];
      if (shared !== undefined) image.sharedWith = [...shared].sort();
      return image;
    });
}

async function fetchImages(ctx: CollectContext): Promise<RawImages> {
  const ws = ctx.clients.workspaces;
  const byId = new Map<string, WorkspaceImage>();
  const keep = (images: WorkspaceImage[] | undefined): void => {
    for (const i of images ?? []) if (i.ImageId && !byId.has(i.ImageId)) byId.set(i.ImageId, i);
  };
  type In = { NextToken?: string | undefined; MaxResults?: number; ImageIds?: string[]; ImageType?: "OWNED" | "SHARED" };
  const send = (input: In) => ws.send(new DescribeWorkspaceImagesCommand(input));
  for await (const page of paginateByNextToken(send, { ImageType: "OWNED", MaxResults: 25 })) keep(page.Images);
  const owned = new Set(byId.keys());
  // Images of AMAZON public bundles are Amazon's own and DescribeWorkspaceImages does not describe them; the rest
  // (shared with this account) are asked for by id, 25 at a time.
  const referenced = ctx.view.bundles.filter((b) => b.owner !== "AMAZON").map((b) => b.imageId);
  const missing = [...new Set(referenced.filter((id): id is string => typeof id === "string" && id !== "" && !byId.has(id)))].sort();
  for (const batch of chunk(missing, 25)) {
    for await (const page of paginateByNextToken(send, { ImageIds: batch, MaxResults: 25 })) keep(page.Images);
  }
  const sharedWith: Record<string, string[]> = {};
  for (const image of byId.values()) {
    const imageId = image.ImageId ?? "";
    // Only the owner may list an image's permissions.
    if (!owned.has(imageId) && image.OwnerAccountId !== ctx.accountId) continue;
    try {
      const accounts: string[] = [];
      const sendPermissions = (input: { ImageId: string; NextToken?: string | undefined; MaxResults?: number }) => ws.send(new DescribeWorkspaceImagePermissionsCommand(input));
      for await (const page of paginateByNextToken(sendPermissions, { ImageId: imageId, MaxResults: 25 })) {
        accounts.push(...(page.ImagePermissions ?? []).map((p) => p.SharedAccountId).filter((a): a is string => typeof a === "string"));
      }
      sharedWith[imageId] = accounts;
    } catch (error) {
      ctx.recordError("workspaces", "DescribeWorkspaceImagePermissions", error, { resourceIds: [imageId] });
    }
  }
  return { images: [...byId.values()], sharedWith };
}

export const imagesCollector = defineCollector<"images", RawImages>({
  id: "workspaces.DescribeWorkspaceImages",
  kind: "list",
  collection: "images",
  service: "workspaces",
  operation: "DescribeWorkspaceImages",
  permissions: ["workspaces:DescribeWorkspaceImages", "workspaces:DescribeWorkspaceImagePermissions"],
  // Reads the bundles collected in stage 2 for their image ids.
  stage: 3,
  fetch: fetchImages,
  normalize: normalizeImages,
});
