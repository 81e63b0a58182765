/**
 * Draws a language's real-review gold-set sample from ../shared/data, reproducibly (SAMPLING.md beside the
 * gold files says why each choice):
 *   node dist/eval/sample-reviews.js --lang <code> > selection.jsonl     the unlabelled selection
 *   node dist/eval/sample-reviews.js --lang <code> --check FILE          does a labelled file hold exactly it?
 * Every source row with a text of ≥ 20 characters is a candidate (a repeated text counts once); within each
 * star rating (or polarity) candidates are ordered by a seeded SHA-1 of their row key and the first N taken;
 * the whole sample is then ordered the same way and numbered, and the id's hash fixes the split.
 */
import { join } from 'node:path';
import { REGISTRY } from '../lang/registry.js';
import { SHARED_DATA, readJsonLines } from './eval-data.js';
import { MIN_TEXT_CHARS, REVIEW_SOURCES, SAMPLE_SEED, sha1, splitOf, type ReviewSource } from './review-sources.js';

export interface SampledReview {
  id: string;
  dataset: string;
  row: string;
  text?: string;
  sha1: string;
  split: 'tune' | 'holdout';
  rating: number;
}

/** Our codes of the languages with review sources. */
const sampledLanguages = () => Object.keys(REVIEW_SOURCES).map((tag) => REGISTRY.fromTag(tag)?.code ?? tag);

/** The sample for `lang`, or undefined when a source file is absent. */
export function sampleReviews(lang: string, dataDir = SHARED_DATA): SampledReview[] | undefined {
  const sources = REVIEW_SOURCES[REGISTRY.get(lang)?.iso6391 ?? lang];
  if (!sources) throw new Error(`no review source for ${lang}; languages: ${sampledLanguages().join(', ')}`);
  const picked: Omit<SampledReview, 'id' | 'split'>[] = [];
  for (const source of sources) {
    const rows = readJsonLines<Record<string, unknown>>(join(dataDir, source.file));
    if (rows.length === 0) return undefined;
    picked.push(...pickFrom(source, rows));
  }
  const order = (r: { dataset: string; row: string }) => sha1(`${SAMPLE_SEED}:order:${r.dataset}:${r.row}`);
  return picked
    .sort((a, b) => (order(a) < order(b) ? -1 : 1))
    .map((r, i) => {
      const id = `${lang}-${String(i + 1).padStart(3, '0')}`;
      return { id, dataset: r.dataset, row: r.row, ...(r.text === undefined ? {} : { text: r.text }), sha1: r.sha1, split: splitOf(id), rating: r.rating };
    });
}

function pickFrom(source: ReviewSource, rows: Record<string, unknown>[]): Omit<SampledReview, 'id' | 'split'>[] {
  const seen = new Set<string>();
  const buckets = new Map<number, { key: string; row: string; text: string; rating: number }[]>();
  for (const row of rows) {
    const text = String(row['text'] ?? '');
    if ([...text.trim()].length < MIN_TEXT_CHARS || seen.has(text)) continue;
    seen.add(text);
    const rating = Number(row[source.bucketField]);
    const key = String(row[source.rowKey]);
    const bucket = buckets.get(rating) ?? [];
    bucket.push({ key: sha1(`${SAMPLE_SEED}:${source.file}:${key}`), row: key, text, rating });
    buckets.set(rating, bucket);
  }
  return [...buckets.keys()]
    .sort((a, b) => a - b)
    .flatMap((rating) => {
      const bucket = buckets.get(rating)!.sort((a, b) => (a.key < b.key ? -1 : 1));
      if (bucket.length < source.perBucket) console.error(`${source.file}: only ${bucket.length} candidates rated ${rating}`);
      return bucket.slice(0, source.perBucket);
    })
    .map((r) => ({ dataset: source.file, row: r.row, ...(source.storeText ? { text: r.text } : {}), sha1: sha1(r.text), rating: r.rating }));
}

/** Differences between a labelled gold file and the sample it should hold (empty when they agree). */
export function checkSample(lang: string, labelled: readonly Record<string, unknown>[], dataDir = SHARED_DATA): string[] {
  const sample = sampleReviews(lang, dataDir);
  if (!sample) return [`${lang}: source data absent under ${dataDir}`];
  const problems: string[] = [];
  const byId = new Map(labelled.map((l) => [String(l['id']), l]));
  for (const s of sample) {
    const l = byId.get(s.id);
    if (!l) problems.push(`${s.id}: in the sample, not in the file`);
    else if (l['dataset'] !== s.dataset || l['row'] !== s.row || l['sha1'] !== s.sha1 || l['split'] !== s.split) problems.push(`${s.id}: differs from the sample`);
    byId.delete(s.id);
  }
  for (const id of byId.keys()) problems.push(`${id}: in the file, not in the sample`);
  return problems;
}

function main(): void {
  const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const lang = arg('--lang');
  if (!lang) {
    console.error(`usage: sample-reviews --lang ${sampledLanguages().join('|')} [--check FILE]`);
    process.exit(2);
  }
  const check = arg('--check');
  if (check) {
    const problems = checkSample(lang, readJsonLines<Record<string, unknown>>(check));
    for (const p of problems) console.error(p);
    console.error(problems.length === 0 ? `${check}: holds exactly the ${lang} sample` : `${check}: ${problems.length} differences`);
    process.exit(problems.length === 0 ? 0 : 1);
  }
  const sample = sampleReviews(lang);
  if (!sample) {
    console.error(`${lang}: source data absent under ${SHARED_DATA}`);
    process.exit(1);
  }
  for (const s of sample) console.log(JSON.stringify(s));
}

if (process.argv[1]?.endsWith('sample-reviews.js')) main();
