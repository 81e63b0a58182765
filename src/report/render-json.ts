import type { Report } from '../analysis/report-types.js';

/** The documented JSON schema (docs/report.md, "JSON"), pretty-printed. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
