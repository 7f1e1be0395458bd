/** The HTML reporter (placeholder while the full report is built). */

import type { Reporter } from "../types.js";

export const htmlReporter: Reporter = (report) => `<!doctype html><title>${report.tool.name}</title>\n`;
