/** Describes each distinct KMS key WorkSpaces volumes reference (DescribeKey, GetKeyRotationStatus, GetKeyPolicy, ListAliases) and normalizes them to `kmsKeys`. */

import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, paginateListAliases, type AliasListEntry, type KeyMetadata } from "@aws-sdk/client-kms";
import type { KmsKey } from "../../inventory/model.js";
import { defineCollector, type CollectContext, type Where } from "../collector.js";
import { bool, iso, num, parsePolicyDocument, str } from "../normalize-helpers.js";

export interface RawKmsKeys {
  /** Aliases per region the keys live in. */
  aliases: AliasListEntry[];
  keys: {
    metadata: KeyMetadata;
    /** GetKeyRotationStatus's answer; absent when it was not asked or failed. */
    rotation?: { enabled?: boolean | undefined; periodDays?: number | undefined };
    /** The "default" key policy text; absent when not asked (other account) or the call failed. */
    policy?: string | null;
  }[];
}

/** The region a key reference names, if it is an ARN (`arn:aws:kms:<region>:<account>:key/...` or `.../alias/...`). */
export function regionOfKeyRef(ref: string): string | undefined {
  const parts = ref.split(":");
  return parts[0] === "arn" && parts[2] === "kms" && parts[3] ? parts[3] : undefined;
}

function accountOfArn(arn: string): string | undefined {
  return arn.split(":")[4];
}

/** AWS managed keys rotate automatically every year (AWS KMS documentation, "Rotating AWS KMS keys"). */
const AWS_MANAGED_ROTATION_DAYS = 365;

/** Automatic rotation is only possible for symmetric keys with AWS-generated material; the API refuses to answer for the rest. */
function canRotate(m: KeyMetadata): boolean {
  return m.KeyManager === "CUSTOMER" && (m.Origin ?? "AWS_KMS") === "AWS_KMS" && (m.KeySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT";
}

export function normalizeKmsKeys(raw: RawKmsKeys, where: Where): KmsKey[] {
  const aliasesByKey = new Map<string, string[]>();
  for (const a of raw.aliases) {
    if (!a.TargetKeyId || !a.AliasName) continue;
    aliasesByKey.set(a.TargetKeyId, [...(aliasesByKey.get(a.TargetKeyId) ?? []), a.AliasName]);
  }
  const out: KmsKey[] = [];
  for (const { metadata: m, rotation, policy } of raw.keys) {
    if (!m.KeyId || !m.Arn) continue;
    const key: KmsKey = {
      id: m.KeyId,
      accountId: accountOfArn(m.Arn) ?? m.AWSAccountId ?? where.accountId,
      region: regionOfKeyRef(m.Arn) ?? where.region,
      arn: m.Arn,
      aliases: [...(aliasesByKey.get(m.KeyId) ?? [])].sort(),
      keyManager: m.KeyManager ?? "UNKNOWN",
      keySpec: str(m.KeySpec),
      keyUsage: str(m.KeyUsage),
      keyState: m.KeyState ?? "UNKNOWN",
      enabled: m.Enabled === true,
      deletionDate: iso(m.DeletionDate),
      origin: str(m.Origin),
      multiRegion: bool(m.MultiRegion),
    };
    // AWS managed keys are rotated by AWS every year; keys that cannot rotate report false. Absent = the call failed.
    if (m.KeyManager === "AWS") {
      key.rotationEnabled = true;
      key.rotationPeriodDays = AWS_MANAGED_ROTATION_DAYS;
    } else if (!canRotate(m)) {
      key.rotationEnabled = false;
      key.rotationPeriodDays = null;
    } else if (rotation !== undefined) {
      key.rotationEnabled = rotation.enabled === true;
      // KMS reports the period only while rotation is on.
      key.rotationPeriodDays = rotation.enabled === true ? num(rotation.periodDays) : null;
    }
    if (policy !== undefined) key.policy = policy === null ? null : parsePolicyDocument(policy);
    out.push(key);
  }
  return out;
}

async function fetchKmsKeys(ctx: CollectContext): Promise<RawKmsKeys> {
  const refs = [...new Set(ctx.view.workspaces.map((w) => w.volumeEncryptionKey).filter((k): k is string => typeof k === "string" && k !== ""))];
  if (refs.length === 0) return { aliases: [], keys: [] };
  const keys = new Map<string, RawKmsKeys["keys"][number]>();
  for (const ref of refs) {
    const client = ctx.clients.kms(regionOfKeyRef(ref) ?? ctx.region);
    let metadata: KeyMetadata | undefined;
    try {
      // DescribeKey accepts a key id, key ARN, alias name or alias ARN and answers with the key ARN.
      metadata = (await client.send(new DescribeKeyCommand({ KeyId: ref }))).KeyMetadata;
    } catch (error) {
      ctx.recordError("kms", "DescribeKey", error, { resourceIds: [ref] });
      continue;
    }
    if (!metadata?.Arn || keys.has(metadata.Arn)) continue;
    const entry: RawKmsKeys["keys"][number] = { metadata };
    if (canRotate(metadata)) {
      try {
        const status = await client.send(new GetKeyRotationStatusCommand({ KeyId: metadata.Arn }));
        entry.rotation = { enabled: status.KeyRotationEnabled, periodDays: status.RotationPeriodInDays };
      } catch (error) {
        ctx.recordError("kms", "GetKeyRotationStatus", error, { resourceIds: [metadata.Arn] });
      }
    }
    // GetKeyPolicy refuses keys of other accounts even when the key policy lets them use the key, so it is not asked.
    if (accountOfArn(metadata.Arn) === ctx.accountId) {
      try {
        const text = (await client.send(new GetKeyPolicyCommand({ KeyId: metadata.Arn, PolicyName: "default" }))).Policy;
        parsePolicyDocument(text ?? "{}");
        entry.policy = text ?? null;
      } catch (error) {
        ctx.recordError("kms", "GetKeyPolicy", error, { resourceIds: [metadata.Arn] });
      }
    }
    keys.set(metadata.Arn, entry);
  }
  // Aliases are listed per region, and only in the regions the keys live in (a foreign account's aliases are not listable).
  const aliases: AliasListEntry[] = [];
  const regions = new Set([...keys.values()].filter((k) => accountOfArn(k.metadata.Arn ?? "") === ctx.accountId).map((k) => regionOfKeyRef(k.metadata.Arn ?? "") ?? ctx.region));
  for (const region of regions) {
    try {
      for await (const page of paginateListAliases({ client: ctx.clients.kms(region), pageSize: 100 }, {})) aliases.push(...(page.Aliases ?? []));
    } catch (error) {
      ctx.recordError("kms", "ListAliases", error, { resourceIds: [...keys.keys()].filter((arn) => regionOfKeyRef(arn) === region) });
    }
  }
  return { aliases, keys: [...keys.values()] };
}

export const kmsKeysCollector = defineCollector<"kmsKeys", RawKmsKeys>({
  id: "kms.DescribeKey",
  kind: "list",
  collection: "kmsKeys",
  service: "kms",
  operation: "DescribeKey",
  permissions: ["kms:DescribeKey", "kms:GetKeyRotationStatus", "kms:GetKeyPolicy", "kms:ListAliases"],
  stage: 2,
  fetch: fetchKmsKeys,
  normalize: normalizeKmsKeys,
});
