/** The NIST SP 800-53 Rev. 5 control list with FedRAMP Rev. 5 baselines (frameworks/nist-800-53-r5-fedramp.yaml), loaded once. */

import { readFileSync } from "node:fs";
import { packagePath } from "../package-root.js";
import { parseYaml } from "../shared/read-yaml.js";

export type FedrampBaseline = "LOW" | "MODERATE" | "HIGH";

export interface FrameworkControl {
  title?: string;
  baselines: FedrampBaseline[];
}

export interface Framework {
  id: "nist-800-53-r5";
  controls: Record<string, FrameworkControl>;
}

let cached: Framework | undefined;

export function loadFramework(): Framework {
  if (!cached) {
    const file = packagePath("frameworks", "nist-800-53-r5-fedramp.yaml");
    const data = parseYaml(readFileSync(file, "utf8"), file) as { controls: Record<string, FrameworkControl> };
    cached = { id: "nist-800-53-r5", controls: data.controls };
  }
  return cached;
}

/** True when any of the ids is selected by the baseline. */
export function inBaseline(framework: Framework, controlIds: readonly string[], baseline: FedrampBaseline): boolean {
  return controlIds.some((id) => framework.controls[id]?.baselines.includes(baseline) === true);
}
