/** The HTML report's browser script: draws a policy's resources when it is opened, and filters the policies. */

// Built by src/report/html/client/tsconfig.json and embedded as an inline module script. It imports types only, so the
// compiled file stands alone; labels come from the page (wsaudit-config), written from the shared vocabulary. Every
// data string reaches the page through textContent or setAttribute: nothing is parsed as HTML.
import type { ClientConfig, PolicyData, ResourceRow } from "../client-data.js";

type Props = Record<string, string | number | boolean | null | undefined>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: (Node | string | null)[] = []): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = String(v);
    else if (k === "className") e.className = String(v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

function jsonOf<T>(id: string): T | null {
  const node = document.getElementById(id);
  return node?.textContent != null ? (JSON.parse(node.textContent) as T) : null;
}

function input(id: string): HTMLInputElement | HTMLSelectElement | null {
  return document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
}

const config = jsonOf<ClientConfig>("wsaudit-config");
const policies = Array.from(document.querySelectorAll<HTMLDetailsElement>("details.policy"));
const dataCache = new Map<HTMLDetailsElement, PolicyData>();
const rendered = new Map<HTMLDetailsElement, string>();

function dataOf(p: HTMLDetailsElement): PolicyData {
  let d = dataCache.get(p);
  if (d === undefined) {
    d = jsonOf<PolicyData>(p.dataset.data ?? "") ?? { total: 0, rows: [] };
    dataCache.set(p, d);
  }
  return d;
}

interface Filter {
  severity: string;
  status: string;
  baseline: string;
  query: string;
}

function currentFilter(): Filter {
  return {
    severity: input("f-severity")?.value ?? "",
    status: input("f-status")?.value ?? "",
    baseline: input("f-baseline")?.value ?? "",
    query: (input("f-search")?.value ?? "").trim().toLowerCase(),
  };
}

function rowText(r: ResourceRow): string {
  return [r.resourceId, r.resourceType, r.accountId, r.region, r.directoryId ?? "", r.message, r.evidence ?? "", r.waiver ?? "", r.attestation ?? "", r.fingerprint].join(" ").toLowerCase();
}

function rowMatches(r: ResourceRow, f: Filter): boolean {
  if (f.status !== "" && r.status !== f.status) return false;
  if (f.baseline !== "" && (r.baseline ?? "none") !== f.baseline) return false;
  return f.query === "" || rowText(r).includes(f.query);
}

function statusLabel(s: ResourceRow["status"]): string {
  return config?.statusLabels[s] ?? s;
}

function detailsRow(r: ResourceRow, id: string): HTMLTableRowElement {
  const items: [string, string, string?][] = [];
  if (r.waiver !== undefined) items.push(["Waiver", r.waiver]);
  if (r.attestation !== undefined) items.push(["Attestation", r.attestation]);
  if (r.baseline !== undefined) items.push(["Baseline", config?.baselineLabels[r.baseline] ?? r.baseline]);
  items.push(["Resource", `${r.resourceType} ${r.resourceId}`, "mono"], ["Fingerprint", r.fingerprint, "mono"]);
  const dl = el("dl");
  for (const [term, text, cls] of items) dl.append(el("dt", { text: term }), el("dd", { text, className: cls }));
  if (r.evidence !== undefined) dl.append(el("dt", { text: "Evidence" }), el("dd", {}, [el("pre", { text: r.evidence })]));
  return el("tr", { className: "details", id, hidden: true }, [el("td", { colspan: 7 }, [dl])]);
}

function resourceRows(rows: ResourceRow[], prefix: string): HTMLTableSectionElement {
  const tbody = el("tbody");
  rows.forEach((r, i) => {
    const id = `${prefix}-r${i}`;
    const toggle = el("button", { type: "button", className: "toggle", "aria-expanded": "false", "aria-controls": id, text: "Details" });
    toggle.append(el("span", { className: "visually-hidden", text: ` for ${r.resourceId}` }));
    const status = el("td", { "data-label": "Status" }, [el("span", { className: `badge st-${r.status}`, text: statusLabel(r.status) })]);
    if (r.baseline === "new") status.append(" ", el("span", { className: "badge new", text: config?.baselineLabels.new ?? "New" }));
    const details = detailsRow(r, id);
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      details.hidden = open;
    });
    tbody.append(
      el("tr", { className: "resource", "data-status": r.status, "data-baseline": r.baseline ?? "none" }, [
        status,
        el("td", { className: "mono wrap", "data-label": "Resource", text: r.resourceId }),
        el("td", { className: "mono", "data-label": "Account", text: r.accountId }),
        el("td", { "data-label": "Region", text: r.region }),
        el("td", { className: "mono", "data-label": "Directory", text: r.directoryId ?? "-" }),
        el("td", { className: "msg", "data-label": "Message", text: r.message }),
        el("td", { className: "act" }, [toggle]),
      ]),
      details,
    );
  });
  return tbody;
}

function renderResources(p: HTMLDetailsElement, f: Filter): void {
  const key = JSON.stringify(f);
  if (rendered.get(p) === key) return;
  rendered.set(p, key);
  const box = p.querySelector(".resources");
  if (box === null) return;
  const data = dataOf(p);
  const rows = data.rows.filter((r) => rowMatches(r, f));
  const filtered = rows.length !== data.rows.length;
  const head = el("tr", {}, ["Status", "Resource", "Account", "Region", "Directory", "Message"].map((h) => el("th", { scope: "col", text: h })));
  head.append(el("th", { scope: "col" }, [el("span", { className: "visually-hidden", text: "Details" })]));
  const caption = filtered ? `${rows.length} of the ${data.rows.length} embedded resources match the filters.` : "";
  box.replaceChildren(
    ...(caption !== "" ? [el("p", { className: "muted", role: "status", text: caption })] : []),
    el("div", { className: "table-wrap" }, [el("table", { className: "resources-table" }, [el("thead", {}, [head]), resourceRows(rows, p.id)])]),
  );
}

function policyMatches(p: HTMLDetailsElement, f: Filter): boolean {
  if (f.severity !== "" && p.dataset.severity !== f.severity) return false;
  if (f.status !== "" && !(p.dataset.statuses ?? "").split(" ").includes(f.status)) return false;
  if (f.baseline !== "" && !(p.dataset.baselines ?? "").split(" ").includes(f.baseline)) return false;
  if (f.query === "") return true;
  const own = (p.querySelector("summary")?.textContent ?? "").toLowerCase();
  return own.includes(f.query) || dataOf(p).rows.some((r) => rowMatches(r, f));
}

function applyFilters(): void {
  const f = currentFilter();
  let shown = 0;
  for (const p of policies) {
    const match = policyMatches(p, f);
    p.hidden = !match;
    if (match) shown += 1;
    if (p.open) renderResources(p, f);
  }
  const count = document.getElementById("shown-count");
  if (count !== null) count.textContent = `Showing ${shown} of ${policies.length} policies.`;
}

for (const p of policies) {
  p.addEventListener("toggle", () => {
    if (p.open) renderResources(p, currentFilter());
  });
}

const form = document.querySelector("form.filters");
if (form !== null) {
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", applyFilters);
  form.addEventListener("change", applyFilters);
  document.getElementById("f-reset")?.addEventListener("click", () => {
    for (const id of ["f-severity", "f-status", "f-baseline", "f-search"]) {
      const field = input(id);
      if (field !== null) field.value = "";
    }
    applyFilters();
  });
}

document.getElementById("show-new")?.addEventListener("click", () => {
  document.getElementById("f-reset")?.click();
  const baseline = input("f-baseline");
  if (baseline !== null) baseline.value = "new";
  applyFilters();
  document.getElementById("fix-first")?.scrollIntoView();
});

// Printed, every shown policy is open with its embedded resources.
window.addEventListener("beforeprint", () => {
  for (const p of policies) if (p.hidden !== true) p.open = true;
  applyFilters();
});

applyFilters();
document.body.dataset.ready = "true";
