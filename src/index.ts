/** The wsaudit programmatic API (`import { evaluate } from "wsaudit"`): load, evaluate, render, collect; documented in docs/api.md. */

export { loadInventory } from "./api/load-inventory.js";
export { evaluate, type EvaluateOptions } from "./api/evaluate.js";
export { renderReport, writeReport } from "./api/write-report.js";
export { collect, writeInventory } from "./api/collect.js";
export { importToSecurityHub, type SecurityHubImportOptions, type SecurityHubImportSummary } from "./api/import-to-security-hub.js";
export { exitCodeFor } from "./cli/gate.js";
export type { FailOn } from "./cli/options.js";
export { EXIT, type ExitCode } from "./cli/exit-codes.js";
export { InputError } from "./input-error.js";
export { PACKAGE_VERSION as version } from "./package-root.js";
export { REPORT_FILE_NAMES, REPORT_FORMATS, renderToString } from "./report/index.js";
export type { ReportFormat, ReportOptions, ReportSink } from "./report/index.js";
export { SEVERITIES, STATUSES } from "./findings/types.js";
export type { ComplianceView, PolicyMeta, Result, ResultTally, ScanReport, Severity, Status } from "./findings/types.js";
export type { Inventory } from "./inventory/model.js";
export type { CollectOptions, CollectProgressEvent } from "./collect/collect-options.js";
