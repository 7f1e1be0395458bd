/** The words and colours every reporter uses for statuses, severities and baseline states, so no format spells them differently. */

import type { ControlStatus, Severity, Status } from "../../findings/types.js";

/** How a result status reads to a person; `error` always says it was not decided, so nobody reads it as a pass. */
export const STATUS_LABELS: Record<Status, string> = {
  fail: "Fail",
  error: "Error (undecided)",
  manual: "Manual",
  waived: "Waived",
  pass: "Pass",
  not_applicable: "Not applicable",
};

/** A compliance control's combined status; `not_assessed` means no automated evidence, never a pass. */
export const CONTROL_STATUS_LABELS: Record<ControlStatus, string> = {
  fail: "Fail",
  error: "Error (undecided)",
  manual: "Manual",
  pass: "Pass",
  not_applicable: "Not applicable",
  not_assessed: "Not assessed",
};

export const SEVERITY_LABELS: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };

export const BASELINE_LABELS: Record<"new" | "unchanged", string> = { new: "New", unchanged: "Unchanged" };

/** A badge: text on a background, every pair at least 4.5:1 (WCAG AA for small text). */
export interface BadgeColours {
  fg: string;
  bg: string;
}

// Solid severity badges with white text: the darker 700/800 shades keep 4.5:1 (the old orange #d97706 was 3.18:1).
export const SEVERITY_COLOURS: Record<Severity, BadgeColours> = {
  critical: { fg: "#ffffff", bg: "#7f1d1d" },
  high: { fg: "#ffffff", bg: "#b91c1c" },
  medium: { fg: "#ffffff", bg: "#b45309" },
  low: { fg: "#ffffff", bg: "#1d4ed8" },
  info: { fg: "#ffffff", bg: "#475569" },
};

// Tinted status badges with dark text of the same hue; `bar` is the solid colour for charts and card edges.
export const STATUS_COLOURS: Record<ControlStatus | "waived", BadgeColours & { bar: string }> = {
  fail: { fg: "#991b1b", bg: "#fee2e2", bar: "#dc2626" },
  error: { fg: "#5b21b6", bg: "#ede9fe", bar: "#7c3aed" },
  manual: { fg: "#155e75", bg: "#cffafe", bar: "#0891b2" },
  waived: { fg: "#334155", bg: "#e2e8f0", bar: "#64748b" },
  pass: { fg: "#166534", bg: "#dcfce7", bar: "#16a34a" },
  not_applicable: { fg: "#475569", bg: "#f1f5f9", bar: "#cbd5e1" },
  not_assessed: { fg: "#334155", bg: "#f8fafc", bar: "#94a3b8" },
};
