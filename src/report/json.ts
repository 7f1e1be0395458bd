/** The JSON reporter: the complete scan report, results in the shared order, tagged with a format version, streamed result by result. */

import type { Reporter } from "./types.js";
import { sortResults } from "../findings/sort-results.js";
import { sortPolicies } from "./shared/policy-index.js";
import { writeJson } from "./shared/write-json.js";

/** Bumped only on a breaking change to the shape documented in docs/reports.md; new fields do not bump it. */
export const JSON_FORMAT_VERSION = 1;

export const jsonReporter: Reporter = (report, _options, sink) => {
  const out = {
    formatVersion: JSON_FORMAT_VERSION,
    ...report,
    policies: sortPolicies(report.policies),
    results: sortResults(report.results),
  };
  writeJson(sink, out);
  sink.write("\n");
};
