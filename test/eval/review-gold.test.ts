import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/emotion/taxonomy.js';
import { LANG_CODES } from '../../src/lang/registry.js';
import { ROOT, SHARED_DATA, readJsonLines } from '../../src/eval/eval-data.js';
import { REVIEWS_DIR, readReviewGold } from '../../src/eval/review-gold.js';
import { sha1, splitOf } from '../../src/eval/review-sources.js';
import { checkSample } from '../../src/eval/sample-reviews.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const taxonomy = loadTaxonomy([join(ROOT, 'lexicons')]);

describe('the real-review gold files', () => {
  const files = LANG_CODES.filter((lang) => existsSync(join(REVIEWS_DIR, `${lang}.jsonl`)));

  it.each(files)('%s: every line has an id, a split, known emotions once each, and its text or a checked reference', (lang) => {
    const lines = readJsonLines<Record<string, unknown>>(join(REVIEWS_DIR, `${lang}.jsonl`));
    expect(lines.length).toBeGreaterThanOrEqual(150);
    expect(new Set(lines.map((l) => l['id'])).size).toBe(lines.length);
    for (const line of lines) {
      const emotions = line['emotions'] as string[];
      expect(emotions.filter((e) => !taxonomy.has(e)), String(line['id'])).toEqual([]);
      expect(new Set(emotions).size).toBe(emotions.length);
      expect(['tune', 'holdout']).toContain(line['split']);
      if (typeof line['text'] === 'string') {
        if (line['sha1'] !== undefined) expect(sha1(line['text']), String(line['id'])).toBe(line['sha1']);
      } else {
        expect([typeof line['dataset'], typeof line['sha1']]).toEqual(['string', 'string']);
        expect(line['row']).toBeDefined();
      }
    }
  });

  it.each(['eng', 'swe', 'hun'])('%s: ids <lang>-NNN, split by the id hash, ratings 1–5, about 30 per rating', (lang) => {
    const lines = readJsonLines<{ id: string; split: string; rating: number }>(join(REVIEWS_DIR, `${lang}.jsonl`));
    for (const line of lines) {
      expect(line.id).toMatch(new RegExp(`^${lang}-\\d{3}$`));
      expect(line.split, line.id).toBe(splitOf(line.id));
    }
    const perRating = [1, 2, 3, 4, 5].map((r) => lines.filter((l) => l.rating === r).length);
    expect(perRating).toEqual([30, 30, 30, 30, 30]);
  });

  it.skipIf(!existsSync(SHARED_DATA)).each(['eng', 'swe'])('%s: holds exactly the seeded sample of ../shared/data', (lang) => {
    expect(checkSample(lang, readJsonLines(join(REVIEWS_DIR, `${lang}.jsonl`)))).toEqual([]);
  });
});

describe('readReviewGold', () => {
  const swedish = 'Snabb leverans men fel färg på tröjan.';
  const english = 'Runs two sizes large, had to return it.';
  const gold = (lines: object[]) => {
    mkdirSync(join(tmp.dir(), 'reviews'), { recursive: true });
    writeFileSync(join(tmp.dir(), 'reviews', 'swe.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    return join(tmp.dir(), 'reviews');
  };
  const data = (name: string, rows: object[]) => {
    mkdirSync(join(tmp.dir(), 'data'), { recursive: true });
    writeFileSync(join(tmp.dir(), 'data', name), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    return join(tmp.dir(), 'data');
  };
  const line = (over: object) => ({ id: 'swe-001', emotions: ['ease', 'disappointment'], split: 'tune', ...over });

  it.each<[string, object[], object]>([
    ['by its source field', [{ text: 'annat', source: 'x#1' }, { text: swedish, source: 'x#2' }], { row: 'x#2' }],
    ['by its id field, a number in the data', [{ text: swedish, id: 7 }], { row: '7' }],
    ['by line number when rows have no key', [{ text: 'annat' }, { text: swedish }], { row: '2' }],
  ])('reads a referenced text %s and checks its SHA-1', (_, rows, ref) => {
    const dataDir = data('sv.jsonl', rows);
    const result = readReviewGold('swe', gold([line({ dataset: 'sv.jsonl', sha1: sha1(swedish), ...ref })]), dataDir);
    expect(result).toEqual({ lines: [line({ dataset: 'sv.jsonl', sha1: sha1(swedish), ...ref, text: swedish })], notices: [], skipped: 0 });
  });

  it('keeps stored texts, and skips with a notice what it cannot read or what changed since labelling', () => {
    const dataDir = data('sv.jsonl', [{ text: `${swedish} (edited)`, source: 'x#2' }]);
    const dir = gold([
      line({ id: 'swe-001', text: english, sha1: sha1(english) }),
      line({ id: 'swe-002', dataset: 'sv.jsonl', row: 'x#2', sha1: sha1(swedish) }),
      line({ id: 'swe-003', dataset: 'sv.jsonl', row: 'x#9', sha1: sha1(swedish) }),
      line({ id: 'swe-004', dataset: 'absent.jsonl', row: 'x#2', sha1: sha1(swedish) }),
      line({ id: 'swe-005', dataset: 'absent.jsonl', row: 'x#3', sha1: sha1(swedish) }),
    ]);
    const result = readReviewGold('swe', dir, dataDir)!;
    expect(result.lines.map((l) => l.id)).toEqual(['swe-001']);
    expect(result.skipped).toBe(4);
    expect(result.notices).toEqual([
      'swe: 1 line skipped: text differs from the one labelled (SHA-1)',
      'swe: 1 line skipped: row not found in sv.jsonl',
      `swe: 2 lines skipped: ${join(dataDir, 'absent.jsonl')} is absent`,
    ]);
  });

  it('is undefined for a language without a gold file', () => {
    expect(readReviewGold('rus', gold([]), tmp.dir())).toBeUndefined();
  });
});
