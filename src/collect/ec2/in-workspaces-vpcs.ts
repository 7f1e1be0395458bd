/** Runs an EC2 describe filtered to the WorkSpaces VPCs, in batches of VPC ids, so that collection stays on the estate and not the whole account. */

import { ScopeUnavailable, type CollectContext } from "../collector.js";
import { chunk } from "../aws/chunk.js";

/** EC2 takes at most 200 values per filter; 100 keeps requests small. */
const VPC_IDS_PER_CALL = 100;

export async function inWorkspacesVpcs<T>(ctx: CollectContext, describe: (vpcIds: string[]) => Promise<T[]>): Promise<T[]> {
  const vpcIds = await ctx.workspacesVpcIds();
  if (vpcIds === undefined) throw new ScopeUnavailable();
  const out: T[] = [];
  for (const batch of chunk(vpcIds, VPC_IDS_PER_CALL)) out.push(...(await describe(batch)));
  return out;
}
