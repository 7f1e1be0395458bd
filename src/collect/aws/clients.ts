/** Builds the SDK clients for one account and region: adaptive retries everywhere, the shared WorkSpaces token bucket, call and throttle counting. */

import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DirectoryServiceClient } from "@aws-sdk/client-directory-service";
import { EC2Client } from "@aws-sdk/client-ec2";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { STSClient } from "@aws-sdk/client-sts";
import { WorkSpacesClient } from "@aws-sdk/client-workspaces";
import type { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { checkResponseShape } from "./check-response-shape.js";
import type { Deadline } from "./deadline.js";
import { isThrottlingError, tagOperation } from "./error-info.js";
import type { PaginationGuard } from "./guard-pagination.js";
import { partitionOfRegion } from "../regions.js";
import type { TokenBucket } from "./token-bucket.js";

export type CredentialProvider = ReturnType<typeof fromNodeProviderChain>;

/**
 * Regions with a FIPS WorkSpaces API endpoint (AWS General Reference, "Amazon WorkSpaces endpoints and quotas",
 * https://docs.aws.amazon.com/general/latest/gr/wsp.html, read 2026-12-04); the SDK resolver would invent one for any region.
 */
export const FIPS_WORKSPACES_REGIONS: readonly string[] = ["us-east-1", "us-east-2", "us-west-2", "us-gov-west-1", "us-gov-east-1"];

export interface ClientSettings {
  credentials: CredentialProvider;
  endpointUrl?: string | undefined;
  fips: boolean;
  maxAttempts: number;
  /** Per attempt: how long to wait for a connection, and how long the whole attempt may take, in milliseconds. */
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** The time limit of the account and region these clients serve; calls fail with DeadlineExceeded once it passes. */
  deadline?: Deadline;
  /** Repeated-token and page-cap checks, shared by every listing these clients make. */
  pagination?: PaginationGuard;
  /** Called once per HTTP attempt (retries included) and once per throttled attempt. */
  onCall?: (service: string, operation: string) => void;
  onThrottle?: (service: string, operation: string) => void;
}

export interface AwsClients {
  workspaces: WorkSpacesClient;
  ds: DirectoryServiceClient;
  ec2: EC2Client;
  /** KMS keys may live in another region than the WorkSpace that uses them (cross-region key ARNs). */
  kms(region?: string): KMSClient;
  sts: STSClient;
  cloudtrail: CloudTrailClient;
  cloudwatch: CloudWatchClient;
  eventbridge: EventBridgeClient;
  /** IAM is global: its client signs for the partition's IAM region, whatever region the others use. */
  iam: IAMClient;
  /** Closes every client's sockets. */
  destroy(): void;
}

interface StackClient {
  middlewareStack: {
    add(
      middleware: (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: Record<string, unknown>) => (args: { input: unknown }) => Promise<{ output: unknown }>,
      options: { step: "initialize"; name: string },
    ): void;
    addRelativeTo(
      middleware: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>,
      options: { relation: "after"; toMiddleware: string; name: string },
    ): void;
  };
}

/**
 * Installs a middleware inside the retry loop, so that every attempt (a retry too) waits for a token and is counted:
 * the WorkSpaces limit counts throttled and retried calls as well.
 */
function instrument(client: StackClient, service: string, settings: ClientSettings, bucket?: TokenBucket): void {
  client.middlewareStack.addRelativeTo(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? "Unknown").replace(/Command$/, "");
      if (bucket) await bucket.take();
      const deadline = settings.deadline;
      if (deadline?.passed) await deadline.race(Promise.resolve());
      settings.onCall?.(service, operation);
      try {
        return await (deadline ? deadline.race(next(args)) : next(args));
      } catch (error) {
        if (isThrottlingError(error)) settings.onThrottle?.(service, operation);
        tagOperation(error, operation);
        throw error;
      }
    },
    { relation: "after", toMiddleware: "retryMiddleware", name: "wsauditRateAndCount" },
  );
  // Outside the retry loop: the final answer of each call is checked once, against the SDK's own output model.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const operation = (typeof context["commandName"] === "string" ? context["commandName"] : "Unknown").replace(/Command$/, "");
      try {
        const smithy = context["__smithy_context"] as { operationSchema?: unknown } | undefined;
        const op = smithy?.operationSchema as unknown[] | { output?: unknown } | undefined;
        const outputSchema = Array.isArray(op) ? op[5] : op?.output;
        checkResponseShape(service, operation, outputSchema, result.output);
        settings.pagination?.check(operation, args.input, result.output);
      } catch (error) {
        tagOperation(error, operation);
        throw error;
      }
      return result;
    },
    { step: "initialize", name: "wsauditResponseShape" },
  );
}

/** The region IAM's global endpoint signs for, per partition. */
export function iamRegionOf(region: string): string {
  const partition = partitionOfRegion(region);
  return partition === "aws-us-gov" ? "us-gov-west-1" : partition === "aws-cn" ? "cn-north-1" : "us-east-1";
}

export function createClients(region: string, settings: ClientSettings, workspacesBucket: TokenBucket): AwsClients {
  const config = (r: string) => ({
    region: r,
    credentials: settings.credentials,
    retryMode: "adaptive",
    maxAttempts: settings.maxAttempts,
    requestHandler: { connectionTimeout: settings.connectTimeoutMs, requestTimeout: settings.requestTimeoutMs, throwOnRequestTimeout: true },
    ...(settings.endpointUrl !== undefined ? { endpoint: settings.endpointUrl } : {}),
    // FIPS only where a FIPS host exists (controls.md WS-FED-007); the option was checked against the list up front.
    useFipsEndpoint: settings.fips && FIPS_WORKSPACES_REGIONS.includes(r),
  });
  // Every client gets the same retry/progress middleware; only WorkSpaces shares the per-account-region token bucket.
  const instrumented = <T>(client: T, service: string, bucket?: TokenBucket): T => {
    instrument(client as unknown as StackClient, service, settings, bucket);
    return client;
  };
  const workspaces = instrumented(new WorkSpacesClient(config(region)), "workspaces", workspacesBucket);
  const ds = instrumented(new DirectoryServiceClient(config(region)), "ds");
  const ec2 = instrumented(new EC2Client(config(region)), "ec2");
  const sts = instrumented(new STSClient(config(region)), "sts");
  const cloudtrail = instrumented(new CloudTrailClient(config(region)), "cloudtrail");
  const cloudwatch = instrumented(new CloudWatchClient(config(region)), "cloudwatch");
  const eventbridge = instrumented(new EventBridgeClient(config(region)), "events");
  const iam = instrumented(new IAMClient(config(iamRegionOf(region))), "iam");
  const kmsClients = new Map<string, KMSClient>();
  const kms = (r: string = region): KMSClient => {
    let client = kmsClients.get(r);
    if (!client) {
      client = new KMSClient(config(r));
      instrument(client as unknown as StackClient, "kms", settings);
      kmsClients.set(r, client);
    }
    return client;
  };
  const destroy = (): void => {
    for (const client of [workspaces, ds, ec2, sts, cloudtrail, cloudwatch, eventbridge, iam, ...kmsClients.values()]) client.destroy();
  };
  return { workspaces, ds, ec2, kms, sts, cloudtrail, cloudwatch, eventbridge, iam, destroy };
}
