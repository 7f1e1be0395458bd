/** The `--framework` names and the framework files they select: kept apart from the YAML loader so the CLI parses flags without loading it. */

import { InputError } from "../input-error.js";
import type { FedrampBaseline } from "./framework.js";

/** A `--framework` name: which framework file, and for NIST which FedRAMP baseline limits the view. */
export interface FrameworkSelector {
  name: string;
  framework: string;
  baseline: FedrampBaseline | null;
  description: string;
}

export const FRAMEWORK_SELECTORS: readonly FrameworkSelector[] = [
  { name: "nist-800-53", framework: "nist-800-53-r5", baseline: null, description: "NIST SP 800-53 Rev. 5: the controls the evaluated policies map to" },
  { name: "fedramp-low", framework: "nist-800-53-r5", baseline: "LOW", description: "every control of the FedRAMP Rev. 5 Low baseline (evaluates the fedramp pack)" },
  { name: "fedramp-moderate", framework: "nist-800-53-r5", baseline: "MODERATE", description: "every control of the FedRAMP Rev. 5 Moderate baseline (evaluates the fedramp pack)" },
  { name: "fedramp-high", framework: "nist-800-53-r5", baseline: "HIGH", description: "every control of the FedRAMP Rev. 5 High baseline (evaluates the fedramp pack)" },
  { name: "cis-aws-euc-1.2.0", framework: "cis-aws-euc-1.2.0", baseline: null, description: "CIS AWS End User Compute Services Benchmark v1.2.0, section 2 (2.1-2.18)" },
  { name: "aws-fsbp", framework: "aws-fsbp", baseline: null, description: "AWS Foundational Security Best Practices, WorkSpaces.1 and WorkSpaces.2" },
];

/** Resolves a `--framework` value (case-insensitive); unknown names are an input error listing the known ones. */
export function parseFrameworkSelector(value: string, flag = "--framework"): FrameworkSelector {
  const found = FRAMEWORK_SELECTORS.find((s) => s.name === value.toLowerCase());
  if (!found) throw new InputError(flag, value, `unknown framework; known: ${FRAMEWORK_SELECTORS.map((s) => s.name).join(", ")}`);
  return found;
}
