/** The JSON the HTML report embeds for its client script: page settings and, per policy, the first resources. Types only. */

import type { Severity, Status } from "../../findings/types.js";

/** `<script type="application/json" id="wsaudit-config">`: the shared vocabulary, so the script repeats no label. */
export interface ClientConfig {
  statusLabels: Record<Status, string>;
  severityLabels: Record<Severity, string>;
  baselineLabels: Record<"new" | "unchanged", string>;
}

/** One listed result of a policy, as the resource table shows it; strings are text, never markup. */
export interface ResourceRow {
  status: Status;
  resourceType: string;
  resourceId: string;
  accountId: string;
  region: string;
  directoryId: string | null;
  message: string;
  fingerprint: string;
  /** The deciding inventory values as indented JSON, cut at a fixed length. */
  evidence?: string;
  baseline?: "new" | "unchanged";
  /** The waiver or attestation behind the result, as one sentence. */
  waiver?: string;
  attestation?: string;
}

/** `<script type="application/json" id="data-pN">`: the first rows of policy N (the cap), and how many it lists in all. */
export interface PolicyData {
  total: number;
  rows: ResourceRow[];
}
