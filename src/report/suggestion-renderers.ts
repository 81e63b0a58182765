import type { Suggestions } from '../analysis/suggest-types.js';
import { renderSuggestionsTable } from './render-suggestions-table.js';
import { renderSuggestionsTsv } from './render-suggestions-tsv.js';

export type SuggestFormat = 'table' | 'json' | 'tsv';

/** Every way `heartline suggest` can print, by `--format` name. */
export const SUGGESTION_RENDERERS: Record<SuggestFormat, (s: Suggestions) => string> = {
  table: renderSuggestionsTable,
  json: (s) => `${JSON.stringify(s, null, 2)}\n`,
  tsv: renderSuggestionsTsv,
};
