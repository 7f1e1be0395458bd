/** Names a route's target kind from its target id prefix (igw-, nat-, tgw-, ...), the one rule the network policies rely on. */

import type { Route as AwsRoute } from "@aws-sdk/client-ec2";

const PREFIXES: [string, string][] = [
  ["eigw-", "egress-only-igw"],
  ["igw-", "igw"],
  ["nat-", "nat"],
  ["vgw-", "vgw"],
  ["tgw-", "tgw"],
  ["pcx-", "pcx"],
  ["eni-", "eni"],
  ["vpce-", "vpce"],
  ["i-", "instance"],
];

export function routeTargetType(targetId: string | null): string {
  if (targetId === null) return "other";
  if (targetId === "local") return "local";
  for (const [prefix, type] of PREFIXES) if (targetId.startsWith(prefix)) return type;
  return "other";
}

/** The id a route sends traffic to; an instance route also names the instance's ENI, and the instance wins. */
export function routeTargetId(raw: AwsRoute): string | null {
  return (
    raw.NatGatewayId ??
    raw.TransitGatewayId ??
    raw.VpcPeeringConnectionId ??
    raw.EgressOnlyInternetGatewayId ??
    raw.InstanceId ??
    raw.GatewayId ??
    raw.NetworkInterfaceId ??
    raw.LocalGatewayId ??
    raw.CarrierGatewayId ??
    raw.CoreNetworkArn ??
    null
  );
}
