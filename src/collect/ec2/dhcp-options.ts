/** Describes the DHCP option sets of the WorkSpaces VPCs (DescribeDhcpOptions) and normalizes them to `dhcpOptions`. */

import { paginateDescribeDhcpOptions, type DhcpOptions as AwsDhcpOptions } from "@aws-sdk/client-ec2";
import type { DhcpOptions } from "../../inventory/model.js";
import { chunk } from "../aws/chunk.js";
import { defineCollector, type Where } from "../collector.js";
import { tagMap } from "../normalize-helpers.js";

const KEYS = {
  "domain-name": "domainName",
  "domain-name-servers": "domainNameServers",
  "ntp-servers": "ntpServers",
  "netbios-name-servers": "netbiosNameServers",
  "netbios-node-type": "netbiosNodeType",
} as const;

export function normalizeDhcpOptions(raw: AwsDhcpOptions, where: Where): DhcpOptions {
  const out: DhcpOptions = {
    id: raw.DhcpOptionsId ?? "",
    accountId: where.accountId,
    region: where.region,
    tags: tagMap(raw.Tags),
    domainName: [],
    domainNameServers: [],
    ntpServers: [],
    netbiosNameServers: [],
    netbiosNodeType: [],
  };
  for (const c of raw.DhcpConfigurations ?? []) {
    const field = KEYS[(c.Key ?? "") as keyof typeof KEYS] as (typeof KEYS)[keyof typeof KEYS] | undefined;
    if (field === undefined) continue;
    out[field].push(...(c.Values ?? []).map((v) => v.Value).filter((v): v is string => typeof v === "string"));
  }
  return out;
}

/** The option set ids the WorkSpaces VPCs use; "default" means the VPC has none (AmazonProvidedDNS implied). */
export function dhcpOptionsIdsOf(vpcs: readonly { dhcpOptionsId?: string | null | undefined }[]): string[] {
  return [...new Set(vpcs.map((v) => v.dhcpOptionsId).filter((id): id is string => typeof id === "string" && id !== "" && id !== "default"))].sort();
}

export const dhcpOptionsCollector = defineCollector<"dhcpOptions", AwsDhcpOptions[]>({
  id: "ec2.DescribeDhcpOptions",
  kind: "list",
  collection: "dhcpOptions",
  service: "ec2",
  operation: "DescribeDhcpOptions",
  permissions: ["ec2:DescribeDhcpOptions"],
  // Reads the VPCs collected in stage 2 rather than describing them again; a failed DescribeVpcs flags this collection.
  stage: 3,
  async fetch(ctx) {
    const out: AwsDhcpOptions[] = [];
    for (const batch of chunk(dhcpOptionsIdsOf(ctx.view.vpcs), 100)) {
      const pages = paginateDescribeDhcpOptions({ client: ctx.clients.ec2, pageSize: 1000 }, { Filters: [{ Name: "dhcp-options-id", Values: batch }] });
      for await (const page of pages) out.push(...(page.DhcpOptions ?? []));
    }
    return out;
  },
  normalize: (raw, where) => raw.filter((d) => d.DhcpOptionsId).map((d) => normalizeDhcpOptions(d, where)),
});
