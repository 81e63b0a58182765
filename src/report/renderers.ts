import type { Report } from '../analysis/report-types.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderTable } from './render-table.js';

export type ReportFormat = 'table' | 'json' | 'csv' | 'md' | 'html';

/** Every way a report can be written, by `--format` name. */
export const RENDERERS: Record<ReportFormat, (report: Report) => string> = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  md: renderMarkdown,
  html: renderHtml,
};
