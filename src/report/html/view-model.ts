/** The data the HTML report embeds: the scan report in the shared order, with links vetted and collection errors worded. */

import type { BaselineSummary, ComplianceView, GovernanceEntry, PolicyMeta, Result, ScanReport } from "../../findings/types.js";
import type { CollectionError, InventoryScope } from "../../inventory/model.js";
import { compareControlIds } from "../../findings/sort-results.js";
import { sortResults } from "../../findings/sort-results.js";
import { describeCollectionError, sortCollectionErrors } from "../shared/describe-collection-error.js";
import { sortPolicies } from "../shared/policy-index.js";
import { safeUrl } from "../shared/safe-url.js";
import { sortFixedFindings, sortGovernanceEntries } from "../shared/sort-governance.js";

export interface HtmlViewModel {
  tool: { name: string; version: string };
  generatedAt: string;
  inventory: { sources: string[]; collectedAt: string; scope: InventoryScope; counts: Record<string, number>; errors: (CollectionError & { text: string })[] };
  policies: (Omit<PolicyMeta, "references"> & { references: { title: string; url: string | null; where: string }[] })[];
  results: Result[];
  compliance: ComplianceView | null;
  /** Waivers and attestations needing attention first; fixed findings in the result order. */
  governance: { waivers: GovernanceEntry[]; attestations: GovernanceEntry[]; baseline: BaselineSummary | null } | null;
}

export function htmlViewModel(report: Readonly<ScanReport>): HtmlViewModel {
  const inv = report.inventory;
  return {
    tool: report.tool,
    generatedAt: report.generatedAt,
    inventory: {
      sources: inv.sources,
      collectedAt: inv.collectedAt,
      scope: inv.scope,
      counts: inv.counts,
      errors: sortCollectionErrors(inv.errors).map((e) => ({ ...e, text: describeCollectionError(e) })),
    },
    policies: sortPolicies(report.policies).map((p) => ({
      ...p,
      // Links are vetted here as well as in the page: a `javascript:` reference never reaches the browser.
      references: p.references.map((r) => ({
        title: r.title,
        url: safeUrl(r.url) ?? null,
        where: [r.document, r.section !== undefined ? `§${r.section}` : undefined].filter((s) => s !== undefined).join(" "),
      })),
    })),
    results: sortResults(report.results),
    // The HTML shows the first view until it renders several (one per --framework).
    compliance:
      report.compliance[0] !== undefined
        ? { ...report.compliance[0], controls: [...report.compliance[0].controls].sort((a, b) => compareControlIds(a.id, b.id)) }
        : null,
    governance:
      report.governance !== undefined
        ? {
            waivers: sortGovernanceEntries(report.governance.waivers),
            attestations: sortGovernanceEntries(report.governance.attestations),
            baseline:
              report.governance.baseline !== undefined ? { ...report.governance.baseline, fixed: sortFixedFindings(report.governance.baseline.fixed) } : null,
          }
        : null,
  };
}
