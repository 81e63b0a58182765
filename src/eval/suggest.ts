/**
 * `npm run eval:suggest [-- suggest options]`: what the lexicons miss on real rated reviews. Each rated set in
 * ../shared/data is imported into a temporary database with its rating mapped to an NPS-like answer (below;
 * docs/tagging.md, "Finding what the lexicons miss"), then `heartline suggest` prints its lists per language.
 * Nothing is copied into the project: the JSON Lines written for the import live in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRY } from '../lang/registry.js';
import { ROOT, SHARED_DATA, readJsonLines } from './eval-data.js';

interface RatedSet {
  name: string;
  lang: string;
  file: string;
  /** The dataset's rating as a 0–10 answer, or undefined to skip the row. */
  nps: (row: Record<string, unknown>) => number | undefined;
  note: string;
}

/** Stars 1–5 as 2, 4, 6, 8, 10: 5 stars a promoter, 4 a passive, 3 and fewer detractors (as 0–6 on the NPS scale). */
const stars = (value: unknown) => (typeof value === 'number' && value >= 1 && value <= 5 ? 2 * value : undefined);
/** A binary label: positive (1) a promoter (10), negative (0) a detractor (0). */
const binary = (value: unknown) => (value === 1 ? 10 : value === 0 ? 0 : undefined);

/** Our code for a data set's language tag. */
const ours = (tag: string): string => REGISTRY.fromTag(tag)!.code;

const SETS: RatedSet[] = [
  {
    name: 'womens_ecommerce_clothing_reviews',
    lang: ours('en'),
    file: 'womens_ecommerce_clothing_reviews/womens_clothing_reviews_en_sample.jsonl',
    // "Would you recommend this product?" is the NPS question itself, asked yes/no.
    nps: (row) => binary(row['recommended']),
    note: 'recommended 1 → 10, 0 → 0',
  },
  {
    name: 'chinese_polarity_reviews (hotels)',
    lang: ours('zh'),
    file: 'chinese_polarity_reviews/ChnSentiCorp_htl_all_zh_sample.jsonl',
    nps: (row) => binary(row['polarity']),
    note: 'polarity 1 → 10, 0 → 0',
  },
  {
    name: 'chinese_polarity_reviews (food delivery)',
    lang: ours('zh'),
    file: 'chinese_polarity_reviews/waimai_10k_zh_sample.jsonl',
    nps: (row) => binary(row['polarity']),
    note: 'polarity 1 → 10, 0 → 0',
  },
  {
    name: 'sentiruevals2015_restaurants',
    lang: ours('ru'),
    file: 'sentiruevals2015_restaurants/sentiruevals2015_restaurants_ru.jsonl',
    // No overall score: the mean of the food, interior and service scores (0–10), rounded.
    nps: (row) => (typeof row['mean_score'] === 'number' ? Math.round(row['mean_score']) : undefined),
    note: 'mean of the food/interior/service scores (0–10), rounded',
  },
  {
    name: 'swedish_trustpilot_reviews',
    lang: ours('sv'),
    file: 'swedish_trustpilot_reviews/sv.jsonl',
    nps: (row) => stars(row['rating']),
    note: 'stars 5 → 10, 4 → 8, 3 → 6, 2 → 4, 1 → 2',
  },
  {
    name: 'husst (film criticism, not customer text)',
    lang: ours('hu'),
    file: 'husst/hu.jsonl',
    // Polarity only; "neutral" as a passive. Findings here are general sentiment vocabulary, not CX domains.
    nps: (row) => ({ positive: 10, neutral: 7, negative: 0 })[String(row['label'])],
    note: 'positive → 10, neutral → 7, negative → 0',
  },
];

const BIN = join(ROOT, 'bin/heartline.js');
const DEFAULT_OPTIONS = ['--min-count', '5', '--top', '25'];

function main(): void {
  const extra = process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), 'heartline-eval-suggest-'));
  try {
    const db = join(dir, 'reviews.db');
    console.log(`Rated review sets from ${SHARED_DATA}, imported into a temporary database with ratings as NPS answers:`);
    for (const [i, set] of SETS.entries()) {
      const rows = readJsonLines<Record<string, unknown>>(join(SHARED_DATA, set.file));
      if (rows.length === 0) {
        console.log(`  ${set.name}: not found (${set.file}), skipped`);
        continue;
      }
      const lines = rows.flatMap((row, n) => {
        const nps = set.nps(row);
        const text = typeof row['text'] === 'string' ? row['text'] : '';
        return nps === undefined || text.trim() === '' ? [] : [JSON.stringify({ id: String(row['id'] ?? row['row'] ?? n), nps, comment: text })];
      });
      const file = join(dir, `set-${i}.jsonl`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const run = spawnSync(process.execPath, [BIN, 'run', file, '--db', db, '--source', `set-${i}`, '--no-summary'], { encoding: 'utf8' });
      if (run.status !== 0 && run.status !== 3) throw new Error(`import of ${set.name} failed: ${run.stderr}`);
      console.log(`  ${set.lang}  ${set.name}: ${lines.length} of ${rows.length} rows (${set.note})`);
    }
    // One list per set, not per language: two domains in one language (hotels, food delivery) with different
    // shares of promoters would make each domain's topic words look like loyalty signal.
    for (const [i, set] of SETS.entries()) {
      console.log(`\n=== ${set.lang}  ${set.name}`);
      const args = ['suggest', '--db', db, '--source', `set-${i}`, ...DEFAULT_OPTIONS, ...extra];
      const suggest = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
      process.stdout.write(suggest.stdout);
      process.stderr.write(suggest.stderr);
      if (suggest.status !== 0) process.exitCode = suggest.status ?? 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
