/** The shipped list of regions where Amazon WorkSpaces (Personal) is offered, used by --all-regions and to record regions without it. */

// Confirm against the AWS Regional Services list when it changes; a region missing here is reported, not silently skipped.
export const WORKSPACES_REGIONS: Readonly<Record<string, readonly string[]>> = {
  aws: [
    "af-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "sa-east-1",
    "us-east-1",
    "us-west-2",
  ],
  "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
};

export function partitionOfRegion(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

export function isWorkspacesRegion(region: string): boolean {
  return (WORKSPACES_REGIONS[partitionOfRegion(region)] ?? []).includes(region);
}

export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
