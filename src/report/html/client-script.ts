/** The report's inline script: draws governance, summary, charts, compliance and the filterable findings table from the embedded JSON. */

// Written without template literals so it can live in String.raw. Every data string reaches the page through
// textContent, setAttribute or an http(s)-checked href; nothing is parsed as HTML.
export const CLIENT_SCRIPT = String.raw`(function () {
"use strict";
var data = JSON.parse(document.getElementById("wsaudit-data").textContent);
var SEVERITIES = ["critical", "high", "medium", "low", "info"];
var STATUSES = ["fail", "error", "manual", "waived", "pass", "not_applicable"];
var STATUS_LABEL = { fail: "Fail", error: "Error (undecided)", manual: "Manual", waived: "Waived", pass: "Pass", not_applicable: "Not applicable", not_assessed: "Not assessed" };
var COLOUR = { critical: "#991b1b", high: "#dc2626", medium: "#d97706", low: "#2563eb", info: "#6b7280",
  fail: "#dc2626", error: "#7c3aed", manual: "#0891b2", waived: "#64748b", pass: "#16a34a", not_applicable: "#cbd5e1", not_assessed: "#e2e8f0" };
var BASELINE_LABEL = { "new": "New", unchanged: "Unchanged", none: "Not failing" };
var GOVERNANCE_LABEL = { applied: "Applied", expired: "Expired", unused: "Unused" };
var PAGE = 200;
var GOVERNANCE_ROWS = 50;
var SVGNS = "http://www.w3.org/2000/svg";

function el(tag, props, children) {
  var e = document.createElement(tag);
  if (props) Object.keys(props).forEach(function (k) {
    var v = props[k];
    if (v === undefined || v === null) return;
    if (k === "text") e.textContent = String(v);
    else if (k === "className") e.className = v;
    else if (k === "onclick") e.addEventListener("click", v);
    else e.setAttribute(k, String(v));
  });
  (children || []).forEach(function (c) { if (c !== null && c !== undefined) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
  return e;
}
function svg(tag, attrs, text) {
  var e = document.createElementNS(SVGNS, tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
  if (text !== undefined) e.textContent = String(text);
  return e;
}
function safeHref(u) { return typeof u === "string" && /^https?:\/\/\S+$/i.test(u) ? u : null; }
function badge(kind, value) { return el("span", { className: "badge " + kind + "-" + value, text: kind === "st" ? STATUS_LABEL[value] || value : value }); }
function countBy(list, key) { var m = new Map(); list.forEach(function (x) { var k = key(x); m.set(k, (m.get(k) || 0) + 1); }); return m; }
function dirOf(r) { return r.directoryId === null || r.directoryId === undefined ? "(none)" : r.directoryId; }
function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

var policies = new Map(data.policies.map(function (p) { return [p.id, p]; }));
var results = data.results;

// ---- header and summary ----
function header() {
  var inv = data.inventory;
  document.getElementById("title").textContent = data.tool.name + " compliance report";
  document.getElementById("subtitle").textContent = "Generated " + data.generatedAt + " by " + data.tool.name + " " + data.tool.version +
    " · inventory " + (inv.sources.join(", ") || "(none)") + " collected " + inv.collectedAt +
    " · accounts " + (inv.scope.accounts.join(", ") || "-") + " · regions " + (inv.scope.regions.join(", ") || "-");
}

function cards() {
  var box = document.getElementById("cards");
  var byStatus = countBy(results, function (r) { return r.status; });
  var items = [["Results", results.length, "#0f172a"]].concat(STATUSES.map(function (s) { return [STATUS_LABEL[s], byStatus.get(s) || 0, COLOUR[s]]; }));
  items.push(["Collection errors", data.inventory.errors.length, data.inventory.errors.length > 0 ? COLOUR.error : "#e5e7eb"]);
  items.forEach(function (it) {
    var c = el("div", { className: "card" }, [el("span", { className: "n", text: it[1] }), el("span", { className: "l", text: it[0] })]);
    c.style.borderLeftColor = it[2];
    box.appendChild(c);
  });
}

// Horizontal bars, one per row, each split into coloured segments; rows = [{label, parts: [{key, value}]}].
function stackedBars(title, rows, keys) {
  var width = 540, labelW = 190, rowH = 22, h = rows.length * rowH + 4;
  var max = Math.max(1, Math.max.apply(null, rows.map(function (r) { return r.parts.reduce(function (s, p) { return s + p.value; }, 0); })));
  var s = svg("svg", { viewBox: "0 0 " + width + " " + Math.max(h, rowH), role: "img", "aria-label": title });
  s.appendChild(svg("title", {}, title));
  rows.forEach(function (row, i) {
    var y = i * rowH + 2, x = labelW, total = 0;
    var label = svg("text", { x: labelW - 6, y: y + 14, "text-anchor": "end" }, row.label.length > 28 ? row.label.slice(0, 27) + "…" : row.label);
    label.appendChild(svg("title", {}, row.label));
    s.appendChild(label);
    row.parts.forEach(function (p) {
      if (p.value === 0) return;
      var w = (p.value / max) * (width - labelW - 50);
      var rect = svg("rect", { x: x, y: y + 2, width: Math.max(w, 1), height: rowH - 6, fill: COLOUR[p.key] || "#94a3b8", rx: 2 });
      rect.appendChild(svg("title", {}, row.label + ": " + (STATUS_LABEL[p.key] || p.key) + " " + p.value));
      s.appendChild(rect);
      x += w; total += p.value;
    });
    s.appendChild(svg("text", { x: x + 4, y: y + 14 }, total));
  });
  var legend = el("div", { className: "legend" }, keys.map(function (k) {
    var i = el("i"); i.style.background = COLOUR[k] || "#94a3b8";
    return el("span", {}, [i, STATUS_LABEL[k] || k]);
  }));
  return el("div", { className: "chart" }, [el("h3", { text: title }), s, legend]);
}

function groupedRows(key) {
  var groups = new Map();
  results.forEach(function (r) {
    var k = key(r);
    if (!groups.has(k)) groups.set(k, {});
    var g = groups.get(k); g[r.status] = (g[r.status] || 0) + 1;
  });
  return Array.from(groups.keys()).sort(cmp).map(function (k) {
    return { label: k, parts: STATUSES.map(function (s) { return { key: s, value: groups.get(k)[s] || 0 }; }) };
  });
}

function charts() {
  var box = document.getElementById("charts");
  var fails = results.filter(function (r) { return r.status === "fail"; });
  var bySev = countBy(fails, function (r) { return r.severity; });
  box.appendChild(stackedBars("Failing results by severity", SEVERITIES.map(function (s) { return { label: s, parts: [{ key: s, value: bySev.get(s) || 0 }] }; }), SEVERITIES));
  var byStatus = countBy(results, function (r) { return r.status; });
  box.appendChild(stackedBars("Results by status", STATUSES.map(function (s) { return { label: STATUS_LABEL[s], parts: [{ key: s, value: byStatus.get(s) || 0 }] }; }), STATUSES));
  box.appendChild(stackedBars("By account and region", groupedRows(function (r) { return r.accountId + " / " + r.region; }), STATUSES));
  box.appendChild(stackedBars("By directory", groupedRows(dirOf), STATUSES));
}

function collectionErrors() {
  var errs = data.inventory.errors;
  if (errs.length === 0) return;
  var sec = document.getElementById("collection");
  sec.hidden = false;
  var ul = el("ul");
  errs.forEach(function (e) { ul.appendChild(el("li", { text: e.text })); });
  sec.appendChild(ul);
}

function compliance() {
  var view = data.compliance;
  if (!view) return;
  var sec = document.getElementById("compliance");
  sec.hidden = false;
  var caption = "NIST SP 800-53 Rev. 5" + (view.baseline ? " · FedRAMP " + view.baseline + " baseline" : "");
  document.getElementById("compliance-caption").textContent = caption;
  var byStatus = countBy(view.controls, function (c) { return c.status; });
  var keys = ["fail", "error", "manual", "pass", "not_applicable", "not_assessed"];
  sec.insertBefore(stackedBars("Controls by status", keys.map(function (k) { return { label: STATUS_LABEL[k], parts: [{ key: k, value: byStatus.get(k) || 0 }] }; }), keys), document.getElementById("compliance-table"));
  var tbody = document.querySelector("#compliance-table tbody");
  view.controls.forEach(function (c) {
    var chips = el("span", { className: "chips" }, c.baselines.length ? c.baselines.map(function (b) { return el("span", { text: b }); }) : [el("span", { className: "muted", text: "none" })]);
    var counts = STATUSES.filter(function (s) { return c.counts[s] > 0; }).map(function (s) { return c.counts[s] + " " + s; }).join(", ");
    var statusCell = el("td", {}, [badge("st", c.status)]);
    if (c.status === "not_assessed") statusCell.appendChild(el("div", { className: "muted", text: "no automated evidence; not a pass" }));
    tbody.appendChild(el("tr", { "data-status": c.status }, [
      el("td", { className: "mono nowrap", text: c.id }), el("td", { text: c.title }), el("td", {}, [chips]), statusCell,
      el("td", { className: "mono", text: c.policies.join(", ") || "-" }), el("td", { text: counts || "-" })
    ]));
  });
}

// ---- governance: new and fixed since the baseline, waivers, attestations, manual results ----
function card(label, n, colour) {
  var c = el("div", { className: "card" }, [el("span", { className: "n", text: n }), el("span", { className: "l", text: label })]);
  c.style.borderLeftColor = colour;
  return c;
}

function findingRows(tbody, list, emptyText) {
  if (list.length === 0) tbody.appendChild(el("tr", {}, [el("td", { colspan: 5, className: "muted", text: emptyText })]));
  list.slice(0, GOVERNANCE_ROWS).forEach(function (r) {
    tbody.appendChild(el("tr", { "data-fingerprint": r.fingerprint }, [
      el("td", {}, [badge("sev", r.severity)]), el("td", { className: "mono nowrap", text: r.policyId }), el("td", { className: "mono wrap", text: r.resourceId }),
      el("td", { className: "mono nowrap", text: r.accountId + " / " + r.region }), el("td", { text: r.message })
    ]));
  });
  if (list.length > GOVERNANCE_ROWS) tbody.appendChild(el("tr", {}, [el("td", { colspan: 5, className: "muted", text: "… and " + (list.length - GOVERNANCE_ROWS) + " more" })]));
}

function entryTable(id, entries, noun) {
  if (entries.length === 0) return;
  var box = document.getElementById(id);
  box.hidden = false;
  var attention = entries.filter(function (e) { return e.state !== "applied"; }).length;
  document.getElementById(id + "-caption").textContent = entries.length + " " + noun + "(s)" +
    (attention > 0 ? ", " + attention + " needing attention: an expired one no longer applies, an unused one matched nothing" : ", all applied");
  var tbody = document.querySelector("#" + id + "-table tbody");
  entries.forEach(function (e) {
    tbody.appendChild(el("tr", { className: e.state === "applied" ? "" : "attention", "data-state": e.state }, [
      el("td", { className: "mono nowrap", text: e.id }), el("td", { className: "mono", text: e.policy }), el("td", { className: "wrap", text: e.owner }),
      el("td", { className: "nowrap", text: e.expires }),
      el("td", {}, [el("span", { className: "badge gv-" + e.state, text: GOVERNANCE_LABEL[e.state] || e.state })]),
      el("td", { className: "num", text: e.matched })
    ]));
  });
}

function governance() {
  var gov = data.governance;
  var manual = results.filter(function (r) { return r.status === "manual"; }).length;
  if (!gov && manual === 0) return;
  document.getElementById("governance").hidden = false;
  if (manual > 0) {
    var note = document.getElementById("manual-note");
    note.hidden = false;
    note.textContent = "Manual: " + manual + " result(s) need an attestation. No API shows these controls; they are not a pass until someone attests.";
  }
  if (!gov) return;
  var b = gov.baseline;
  if (b) {
    var fresh = results.filter(function (r) { return r.baselineState === "new"; });
    var unchanged = results.filter(function (r) { return r.baselineState === "unchanged"; }).length;
    document.getElementById("baseline").hidden = false;
    document.getElementById("baseline-caption").textContent = "Compared with the baseline " + b.file + " by finding fingerprint.";
    var cards = document.getElementById("baseline-cards");
    cards.appendChild(card("New since baseline", fresh.length, fresh.length > 0 ? COLOUR.fail : "#e5e7eb"));
    cards.appendChild(card("Fixed since baseline", b.fixed.length, b.fixed.length > 0 ? COLOUR.pass : "#e5e7eb"));
    cards.appendChild(card("Unchanged", unchanged, "#94a3b8"));
    findingRows(document.querySelector("#new-table tbody"), fresh, "Nothing new since the baseline.");
    findingRows(document.querySelector("#fixed-table tbody"), b.fixed, "Nothing fixed since the baseline.");
    document.getElementById("show-new").addEventListener("click", function () {
      FILTERS.forEach(function (f) { document.getElementById("f-" + f[0]).value = ""; });
      document.getElementById("f-search").value = "";
      document.getElementById("f-baseline").value = "new";
      state.limit = PAGE; renderFindings();
      document.getElementById("findings-h").scrollIntoView();
    });
  }
  entryTable("waivers", gov.waivers, "waiver");
  entryTable("attestations", gov.attestations, "attestation");
}

// ---- findings ----
function baselineOf(r) { return r.baselineState || "none"; }
var FILTERS = [
  ["severity", function (r) { return r.severity; }, SEVERITIES],
  ["status", function (r) { return r.status; }, STATUSES],
  ["policy", function (r) { return r.policyId; }, null],
  ["account", function (r) { return r.accountId; }, null],
  ["region", function (r) { return r.region; }, null],
  ["directory", dirOf, null],
  ["baseline", baselineOf, ["new", "unchanged", "none"]]
].filter(function (f) { return document.getElementById("f-" + f[0]) !== null; });
var FILTER_LABEL = { status: STATUS_LABEL, baseline: BASELINE_LABEL };
var SORTS = {
  severity: function (r) { return SEVERITIES.indexOf(r.severity); },
  status: function (r) { return STATUSES.indexOf(r.status); },
  policy: function (r) { return r.policyId; }, resource: function (r) { return r.resourceId; },
  account: function (r) { return r.accountId; }, region: function (r) { return r.region; },
  directory: dirOf, message: function (r) { return r.message; }
};
var state = { sort: "status", dir: 1, limit: PAGE };
var searchText = results.map(function (r) {
  var p = policies.get(r.policyId);
  var w = r.waiver, a = r.attestation;
  return [r.policyId, p ? p.title : "", r.resourceId, r.resourceType, r.accountId, r.region, dirOf(r), r.message, r.status, r.severity, JSON.stringify(r.evidence),
    r.baselineState || "", w ? w.id + " " + w.owner + " " + w.justification : "", a ? a.id + " " + a.attestedBy + " " + a.evidence : ""].join(" ").toLowerCase();
});

function buildFilters() {
  document.querySelector("form.filters").addEventListener("submit", function (e) { e.preventDefault(); });
  FILTERS.forEach(function (f) {
    var select = document.getElementById("f-" + f[0]);
    var values = f[2] || Array.from(new Set(results.map(f[1]))).sort(cmp);
    values.forEach(function (v) { select.appendChild(el("option", { value: v, text: FILTER_LABEL[f[0]] ? FILTER_LABEL[f[0]][v] : v })); });
    select.addEventListener("change", function () { state.limit = PAGE; renderFindings(); });
  });
  document.getElementById("f-search").addEventListener("input", function () { state.limit = PAGE; renderFindings(); });
  document.getElementById("f-reset").addEventListener("click", function () {
    FILTERS.forEach(function (f) { document.getElementById("f-" + f[0]).value = ""; });
    document.getElementById("f-search").value = "";
    state.limit = PAGE; renderFindings();
  });
  document.querySelectorAll("#findings-table th[data-sort]").forEach(function (th) {
    var b = el("button", { type: "button", className: "sort", text: th.textContent });
    th.textContent = ""; th.appendChild(b);
    b.addEventListener("click", function () {
      var key = th.getAttribute("data-sort");
      state.dir = state.sort === key ? -state.dir : 1; state.sort = key; renderFindings();
    });
  });
  document.getElementById("more").addEventListener("click", function () { state.limit += PAGE; renderFindings(); });
  window.addEventListener("beforeprint", function () { state.limit = Infinity; renderFindings(); });
}

function matching() {
  var chosen = FILTERS.map(function (f) { return [f[1], document.getElementById("f-" + f[0]).value]; });
  var q = document.getElementById("f-search").value.trim().toLowerCase();
  var out = [];
  results.forEach(function (r, i) {
    for (var j = 0; j < chosen.length; j++) if (chosen[j][1] !== "" && chosen[j][0](r) !== chosen[j][1]) return;
    if (q !== "" && searchText[i].indexOf(q) === -1) return;
    out.push(i);
  });
  var key = SORTS[state.sort];
  // Index as the tie-breaker keeps the shared severity/policy/account/region/resource order within equal keys.
  out.sort(function (a, b) { return state.dir * cmp(key(results[a]), key(results[b])) || a - b; });
  return out;
}

function details(r, id) {
  var p = policies.get(r.policyId) || { title: r.policyId, description: "", remediation: "", references: [], controls: [] };
  var refs = el("ul", {}, p.references.map(function (ref) {
    var href = safeHref(ref.url);
    var label = ref.title + (ref.where ? " (" + ref.where + ")" : "");
    return el("li", {}, [href ? el("a", { href: href, rel: "noopener noreferrer", target: "_blank", text: label }) : label]);
  }));
  var w = r.waiver, a = r.attestation;
  var governanceRows = [];
  if (w) governanceRows.push(el("dt", { text: "Waiver" }), el("dd", { text: w.id + ": " + w.justification + " (owner " + w.owner + ", expires " + w.expires + ")" }));
  if (a) governanceRows.push(el("dt", { text: "Attestation" }), el("dd", { text: a.id + ": attested by " + a.attestedBy + " on " + a.attestedAt + ", evidence " + a.evidence + ", expires " + a.expires }));
  if (r.baselineState) governanceRows.push(el("dt", { text: "Baseline" }), el("dd", { text: BASELINE_LABEL[r.baselineState] || r.baselineState }));
  var dl = el("dl", {}, [
    el("dt", { text: "Policy" }), el("dd", { text: r.policyId + ": " + p.title }),
    el("dt", { text: "Message" }), el("dd", { text: r.message })
  ].concat(governanceRows, [

    el("dt", { text: "Description" }), el("dd", { text: p.description || "-" }),
    el("dt", { text: "Remediation" }), el("dd", { text: p.remediation || "-" }),
    el("dt", { text: "Controls" }), el("dd", { text: p.controls.join(", ") || "-" }),
    el("dt", { text: "Evidence" }), el("dd", {}, [el("pre", { text: JSON.stringify(r.evidence, null, 2) })]),
    el("dt", { text: "References" }), el("dd", {}, [p.references.length ? refs : "-"]),
    el("dt", { text: "Resource" }), el("dd", { className: "mono", text: r.resourceType + " " + r.resourceId }),
    el("dt", { text: "Fingerprint" }), el("dd", { className: "mono", text: r.fingerprint })
  ]));
  return el("tr", { className: "details", id: id, hidden: "" }, [el("td", { colspan: 9 }, [el("div", { className: "details" }, [dl])])]);
}

function renderFindings() {
  var idx = matching();
  var tbody = document.querySelector("#findings-table tbody");
  tbody.textContent = "";
  idx.slice(0, state.limit).forEach(function (i) {
    var r = results[i], id = "d" + i;
    var toggle = el("button", { type: "button", className: "toggle", "aria-expanded": "false", "aria-controls": id, "aria-label": "Details for " + r.resourceId, text: "+" });
    var statusCell = el("td", { className: "nowrap" }, [badge("st", r.status)]);
    if (r.baselineState === "new") statusCell.appendChild(el("span", { className: "badge new", title: "New since the baseline", text: "new" }));
    var row = el("tr", { className: "finding", "data-status": r.status, "data-severity": r.severity, "data-baseline": baselineOf(r) }, [
      el("td", {}, [toggle]), el("td", {}, [badge("sev", r.severity)]), statusCell,
      el("td", { className: "mono nowrap", text: r.policyId }), el("td", { className: "mono wrap", text: r.resourceId }),
      el("td", { className: "mono nowrap", text: r.accountId }), el("td", { className: "nowrap", text: r.region }), el("td", { className: "mono nowrap", text: dirOf(r) }),
      el("td", { text: r.message })
    ]);
    var det = details(r, id);
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open)); toggle.textContent = open ? "+" : "−"; det.hidden = open;
    });
    tbody.appendChild(row); tbody.appendChild(det);
  });
  document.getElementById("shown-count").textContent = "Showing " + Math.min(idx.length, state.limit) + " of " + idx.length + " matching results (" + results.length + " in total).";
  document.getElementById("more").hidden = idx.length <= state.limit;
  document.querySelectorAll("#findings-table th[data-sort]").forEach(function (th) {
    th.setAttribute("aria-sort", th.getAttribute("data-sort") === state.sort ? (state.dir > 0 ? "ascending" : "descending") : "none");
  });
}

header(); governance(); cards(); charts(); collectionErrors(); compliance(); buildFilters(); renderFindings();
document.body.setAttribute("data-ready", "true");
})();
`;
