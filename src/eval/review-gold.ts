/**
 * Reads a language's real-review gold set (test/fixtures/emotions/reviews/<lang>.jsonl, GUIDELINES.md beside
 * it): texts stored in the line, or read from ../shared/data by dataset file and row key where the licence
 * keeps them out of the project — checked against the SHA-1 of the labelled text, so a changed source never
 * silently scores other text against old labels.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SHARED_DATA, readJsonLines } from './eval-data.js';
import { sha1 } from './review-sources.js';

export interface ReviewGoldLine {
  id: string;
  /** A file under ../shared/data, and the dataset's own row key (its id, row or source field; else the line number). */
  dataset?: string;
  row?: string | number;
  text?: string;
  sha1?: string;
  emotions: string[];
  split: 'tune' | 'holdout';
}

export type ResolvedLine = ReviewGoldLine & { text: string };

export interface ReviewGold {
  lines: ResolvedLine[];
  /** Lines whose text could not be read or did not match its SHA-1, by reason (they are not scored). */
  notices: string[];
  skipped: number;
}

export const REVIEWS_DIR = join(FIXTURES, 'emotions', 'reviews');

/** The gold set of `lang`, or undefined when it has no file. */
export function readReviewGold(lang: string, dir = REVIEWS_DIR, dataDir = SHARED_DATA): ReviewGold | undefined {
  const file = join(dir, `${lang}.jsonl`);
  if (!existsSync(file)) return undefined;
  const sources = new Map<string, Map<string, string> | undefined>();
  const problems = new Map<string, number>();
  const problem = (reason: string) => problems.set(reason, (problems.get(reason) ?? 0) + 1);
  const lines: ResolvedLine[] = [];
  for (const line of readJsonLines<ReviewGoldLine>(file)) {
    let text = line.text;
    if (text === undefined) {
      if (!line.dataset || line.row === undefined) {
        problem(`no text and no dataset/row reference`);
        continue;
      }
      if (!sources.has(line.dataset)) sources.set(line.dataset, readSource(join(dataDir, line.dataset)));
      const rows = sources.get(line.dataset);
      if (!rows) {
        problem(`${join(dataDir, line.dataset)} is absent`);
        continue;
      }
      text = rows.get(String(line.row));
      if (text === undefined) {
        problem(`row not found in ${line.dataset}`);
        continue;
      }
    }
    if (line.sha1 !== undefined && sha1(text) !== line.sha1) {
      problem(`text differs from the one labelled (SHA-1)`);
      continue;
    }
    lines.push({ ...line, text });
  }
  const notices = [...problems].map(([reason, n]) => `${lang}: ${n} line${n === 1 ? '' : 's'} skipped: ${reason}`);
  return { lines, notices, skipped: [...problems.values()].reduce((a, b) => a + b, 0) };
}

/** A dataset's texts by row key: its `id`, `row` or `source` field, else the 1-based line number. */
function readSource(path: string): Map<string, string> | undefined {
  if (!existsSync(path)) return undefined;
  const rows = new Map<string, string>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const row = JSON.parse(line) as Record<string, unknown>;
      const key = row['id'] ?? row['row'] ?? row['source'] ?? i + 1;
      rows.set(String(key), String(row['text'] ?? ''));
    });
  return rows;
}
