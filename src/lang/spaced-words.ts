import type { Word } from './language.js';

/** A word: letters, marks and digits, with inner apostrophes ("don't", "it’s") — as the tagger splits words. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
/** Between two words, anything but spaces and hyphens ("well-made") ends a phrase: punctuation, a line break. */
const JOINS = /^[^\S\n\r]*(?:[-‐‑][^\S\n\r]*)?$/u;

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
