/** Builds one SARIF reportingDescriptor per policy that ran: descriptions, help with remediation, controls, tags. */

import type { ReportingDescriptor } from "sarif";
import type { ComplianceView, PolicyMeta } from "../../findings/types.js";
import { formatReference } from "../shared/format-reference.js";
import { remediationBlocks } from "../shared/remediation-steps.js";
import { safeUrl } from "../shared/safe-url.js";
import { SARIF_LEVEL, SECURITY_SEVERITY } from "./security-severity.js";

const MAX_TAGS = 20;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

// Pack text goes into GitHub-rendered markdown; raw HTML in it is neutralised rather than trusted.
function md(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** FedRAMP baselines that select any of the policy's controls, as far as the compliance view knows them. */
export function fedrampBaselines(policy: PolicyMeta, compliance: readonly ComplianceView[]): string[] {
  const found = new Set<string>();
  for (const c of compliance.filter((v) => v.framework === "nist-800-53-r5").flatMap((v) => v.controls)) {
    if (policy.controls.includes(c.id) || c.policies.includes(policy.id)) for (const b of c.baselines) found.add(b);
  }
  return ["LOW", "MODERATE", "HIGH"].filter((b) => found.has(b));
}

/** Remediation as plain text: numbered steps, commands indented under them. */
function remediationText(remediation: string): string[] {
  const out: string[] = [];
  let n = 0;
  for (const b of remediationBlocks(remediation)) {
    if (b.kind === "text") out.push(b.text);
    else if (b.kind === "code") out.push(...b.code.split("\n").map((l) => `    ${l}`));
    else {
      out.push(`${++n}. ${b.text}`);
      for (const c of b.code) out.push(...c.split("\n").map((l) => `       ${l}`));
    }
  }
  return out;
}

const FENCE = "```";

/** Remediation as GitHub markdown: prose escaped, steps as an ordered list, commands as fenced code (shown literally, so not escaped). */
function remediationMarkdown(remediation: string): string[] {
  const out: string[] = [];
  let n = 0;
  const fence = (code: string, indent: string): string[] => [`${indent}${FENCE}sh`, ...code.replaceAll(FENCE, "'''").split("\n").map((l) => `${indent}${l}`), `${indent}${FENCE}`];
  for (const b of remediationBlocks(remediation)) {
    if (b.kind === "text") out.push("", md(b.text));
    else if (b.kind === "code") out.push("", ...fence(b.code, ""));
    else {
      if (n === 0) out.push("");
      out.push(`${++n}. ${md(b.text)}`);
      for (const c of b.code) out.push("", ...fence(c, "   "));
    }
  }
  return out;
}

function helpText(p: PolicyMeta, baselines: string[]): string {
  const lines = [p.title, "", p.description, "", "Remediation:", ...remediationText(p.remediation)];
  if (p.controls.length > 0) lines.push("", `NIST SP 800-53 Rev. 5: ${p.controls.join(", ")}`);
  if (baselines.length > 0) lines.push(`FedRAMP Rev. 5 baselines: ${baselines.join(", ")}`);
  if (p.references.length > 0) lines.push("", "References:", ...p.references.map((r) => `- ${formatReference(r)}`));
  lines.push("", `Policy ${p.id} (${p.name}) from pack ${p.pack}, defined in ${p.source.file}:${p.source.line}.`);
  return lines.join("\n");
}

function helpMarkdown(p: PolicyMeta, baselines: string[]): string {
  const lines = [`**${md(p.title)}**`, "", md(p.description), "", "**Remediation**", ...remediationMarkdown(p.remediation)];
  if (p.controls.length > 0) lines.push("", `**NIST SP 800-53 Rev. 5:** ${p.controls.map((c) => `\`${md(c)}\``).join(", ")}`);
  if (baselines.length > 0) lines.push("", `**FedRAMP Rev. 5 baselines:** ${baselines.join(", ")}`);
  if (p.references.length > 0) {
    lines.push("", "**References**", "");
    for (const r of p.references) {
      const url = safeUrl(r.url);
      const where = [r.document, r.section !== undefined ? `§${r.section}` : undefined].filter((s) => s !== undefined).join(" ");
      const title = url !== undefined ? `[${md(r.title)}](${url})` : md(r.title);
      lines.push(`- ${title}${where !== "" ? ` (${md(where)})` : ""}`);
    }
  }
  lines.push("", `Policy \`${md(p.id)}\` (\`${md(p.name)}\`) from pack \`${md(p.pack)}\`, defined in \`${md(p.source.file)}:${p.source.line}\`.`);
  return lines.join("\n");
}

function tags(p: PolicyMeta, baselines: string[]): string[] {
  const all = ["security", "workspaces", ...p.controls.map((c) => `NIST-${c}`), ...baselines.map((b) => `FedRAMP-${b}`)];
  return [...new Set(all)].slice(0, MAX_TAGS);
}

export function buildRule(p: PolicyMeta, compliance: readonly ComplianceView[]): ReportingDescriptor {
  const baselines = fedrampBaselines(p, compliance);
  const score = SECURITY_SEVERITY[p.severity];
  const helpUri = p.references.map((r) => safeUrl(r.url)).find((u) => u !== undefined);
  return {
    id: p.id,
    name: clip(p.name, 255),
    shortDescription: { text: clip(p.title, 1024) },
    fullDescription: { text: clip(p.description || p.title, 1024) },
    help: { text: helpText(p, baselines), markdown: helpMarkdown(p, baselines) },
    ...(helpUri !== undefined ? { helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[p.severity] },
    properties: {
      tags: tags(p, baselines),
      precision: "high",
      ...(score !== undefined ? { "security-severity": score } : { "problem.severity": "recommendation" }),
      severity: p.severity,
      pack: p.pack,
      nist80053r5: p.controls,
      fedrampBaselines: baselines,
    },
  };
}
