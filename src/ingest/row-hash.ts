import { hash } from 'node:crypto';
import type { RowContent } from './feedback-row.js';

/**
 * sha1 of a response's content: equal hashes mean an unchanged row. Stored in `responses.row_hash`, so the
 * order and form of the hashed values must not change (every stored row would look changed). One-shot
 * `hash()` rather than a `createHash` object per row: half the cost, the same digest.
 */
export function rowHash(c: RowContent): string {
  return hash('sha1', JSON.stringify([c.text, c.score, c.respondedAt, c.segments, c.declaredLanguage]), 'hex');
}
