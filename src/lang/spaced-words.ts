import type { Word } from './language.js';

/** A word: letters, marks and digits, with inner apostrophes ("don't", "it’s") — as the tagger splits words. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
/**
 * Between two words, only spaces or a hyphen joining them ("well-made") keep a phrase going; punctuation, a
 * line break or a spaced dash ("too big - runs large") ends it, as it ends a clause for the tagger.
 */
const JOINS = /^(?:[^\S\n\r]*|[-‐‑])$/u;

/** The words of a text in a language that separates words with spaces (Russian, Swedish, Hungarian, English). */
export function spacedWords(text: string): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    words.push({ text: m[0], start, end: start + m[0].length, breakBefore: words.length > 0 && !JOINS.test(text.slice(previousEnd, start)) });
    previousEnd = start + m[0].length;
  }
  return words;
}
