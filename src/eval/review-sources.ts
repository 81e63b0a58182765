/**
 * Where each language's real-review gold set is drawn from (test/fixtures/emotions/reviews/SAMPLING.md):
 * the dataset file under ../shared/data, its row key, the field that spreads the sample (stars or
 * polarity), and whether its licence lets the fixture store the text.
 */
import { createHash } from 'node:crypto';

export interface ReviewSource {
  /** A file under ../shared/data. */
  file: string;
  /** The dataset's own row key: its `id`, `row` or `source` field. */
  rowKey: string;
  /** The field whose values the sample is spread over (star rating, polarity). */
  bucketField: string;
  /** Reviews drawn per value of `bucketField`. */
  perBucket: number;
  /** Only the licence of CC0 data lets the fixture store the text; the others store references. */
  storeText: boolean;
}

/**
 * Adding a language's real data is one entry here, under the data's BCP 47 tag, which the registry maps to
 * our language (Hungarian has none: its reviews were written by the team).
 */
export const REVIEW_SOURCES: Readonly<Record<string, readonly ReviewSource[]>> = {
  en: [{ file: 'womens_ecommerce_clothing_reviews/womens_clothing_reviews_en_sample.jsonl', rowKey: 'id', bucketField: 'rating_1to5', perBucket: 30, storeText: true }],
  sv: [{ file: 'swedish_trustpilot_reviews/sv.jsonl', rowKey: 'source', bucketField: 'rating', perBucket: 30, storeText: false }],
};

/** Texts shorter than this say too little to label (and the issue asks for ≥ 20 characters). */
export const MIN_TEXT_CHARS = 20;

/** The sampling seed: changing it is a new sample, to be labelled again from scratch. */
export const SAMPLE_SEED = 'heartline-reviews-2026';

export const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/**
 * Holdout when the id's SHA-1 starts with 0–3: a fixed quarter of the hash space, decided by the id alone
 * before any line is labelled, so nobody can move a line between the splits after seeing it.
 */
export function splitOf(id: string): 'tune' | 'holdout' {
  return '0123'.includes(sha1(id)[0]!) ? 'holdout' : 'tune';
}
