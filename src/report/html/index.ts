/** The HTML reporter: one self-contained page (inline CSS, script and SVG, data as JSON) that opens from disk. */

import { createHash } from "node:crypto";
import type { Reporter } from "../types.js";
import { xmlEscape } from "../shared/xml-escape.js";
import { CLIENT_SCRIPT } from "./client-script.js";
import { embedJson } from "./embed-json.js";
import { STYLES } from "./styles.js";
import { htmlViewModel } from "./view-model.js";

// The policy allows only our own script (by hash) and no fetches at all: even a string that escaped escaping
// could neither run nor phone home.
const SCRIPT_HASH = createHash("sha256").update(CLIENT_SCRIPT).digest("base64");
const CSP = `default-src 'none'; script-src 'sha256-${SCRIPT_HASH}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;

const FILTER_LABELS: [string, string][] = [
  ["severity", "Severity"],
  ["status", "Status"],
  ["policy", "Policy"],
  ["account", "Account"],
  ["region", "Region"],
  ["directory", "Directory"],
];

function filters(hasBaseline: boolean): string {
  // The baseline filter only means something when the run was compared with a baseline.
  const labels: [string, string][] = hasBaseline ? [...FILTER_LABELS, ["baseline", "Baseline"]] : FILTER_LABELS;
  const selects = labels.map(([id, label]) => `<label>${label}<select id="f-${id}"><option value="">All</option></select></label>`);
  return `<form class="filters" role="search">${selects.join("")}<label>Search<input type="search" id="f-search" placeholder="resource, message, evidence…"></label><button type="button" class="btn" id="f-reset">Reset</button></form>`;
}

export const htmlReporter: Reporter = (report, _options, sink) => {
  const title = xmlEscape(`${report.tool.name} compliance report`);
  sink.write(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${xmlEscape(`${report.tool.name} ${report.tool.version}`)}">
<title>${title}</title>
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#findings">Skip to findings</a>
<header class="top"><h1 id="title">${title}</h1><p id="subtitle"></p></header>
<main>
<noscript><section><p>This report draws its tables and charts with JavaScript. The complete data is embedded in this file as JSON (the element with id "wsaudit-data"); the JSON report has the same content.</p></section></noscript>
<section id="governance" hidden aria-labelledby="governance-h"><h2 id="governance-h">What changed and what is excepted</h2>
<div id="baseline" hidden><p class="muted" id="baseline-caption"></p><div class="cards" id="baseline-cards"></div>
<div><div><h3 id="new-h">New since baseline</h3><table id="new-table" aria-labelledby="new-h"><thead><tr><th scope="col">Severity</th><th scope="col">Policy</th><th scope="col">Resource</th><th scope="col">Account / region</th><th scope="col">Message</th></tr></thead><tbody></tbody></table><p class="noprint"><button type="button" class="btn" id="show-new">Show new findings below</button></p></div>
<div><h3 id="fixed-h">Fixed since baseline</h3><table id="fixed-table" aria-labelledby="fixed-h"><thead><tr><th scope="col">Severity</th><th scope="col">Policy</th><th scope="col">Resource</th><th scope="col">Account / region</th><th scope="col">Message</th></tr></thead><tbody></tbody></table></div></div></div>
<div id="waivers" hidden><h3 id="waivers-h">Waivers</h3><p class="muted" id="waivers-caption"></p><table id="waivers-table" aria-labelledby="waivers-h"><thead><tr><th scope="col">Waiver</th><th scope="col">Policy</th><th scope="col">Owner</th><th scope="col">Expires</th><th scope="col">State</th><th scope="col">Matched</th></tr></thead><tbody></tbody></table></div>
<div id="attestations" hidden><h3 id="attestations-h">Attestations</h3><p class="muted" id="attestations-caption"></p><table id="attestations-table" aria-labelledby="attestations-h"><thead><tr><th scope="col">Attestation</th><th scope="col">Policy</th><th scope="col">Attested by</th><th scope="col">Expires</th><th scope="col">State</th><th scope="col">Matched</th></tr></thead><tbody></tbody></table></div>
<p id="manual-note" hidden></p></section>
<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><div class="cards" id="cards"></div><div class="grid" id="charts"></div></section>
<section id="collection" class="alert" hidden aria-labelledby="collection-h"><h2 id="collection-h">Not collected: the inventory is incomplete</h2><p>Results that read these collections are <strong>error</strong> (undecided), never pass.</p></section>
<section id="compliance" hidden aria-labelledby="compliance-h"><h2 id="compliance-h">Compliance by control</h2><p class="muted" id="compliance-caption"></p>
<table id="compliance-table"><thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">FedRAMP baselines</th><th scope="col">Status</th><th scope="col">Policies</th><th scope="col">Results</th></tr></thead><tbody></tbody></table></section>
<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>${filters(report.governance?.baseline !== undefined)}
<p class="count" id="shown-count" role="status" aria-live="polite"></p>
<table id="findings-table"><thead><tr><th scope="col"><span class="skip">Details</span></th><th scope="col" data-sort="severity">Severity</th><th scope="col" data-sort="status">Status</th><th scope="col" data-sort="policy">Policy</th><th scope="col" data-sort="resource">Resource</th><th scope="col" data-sort="account">Account</th><th scope="col" data-sort="region">Region</th><th scope="col" data-sort="directory">Directory</th><th scope="col" data-sort="message">Message</th></tr></thead><tbody></tbody></table>
<p class="more"><button type="button" class="btn" id="more" hidden>Show more</button></p>
</section>
</main>
<script type="application/json" id="wsaudit-data">${embedJson(htmlViewModel(report))}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`);
};
