import type { Language } from '../lang/language.js';
import { normalise, trustedStem } from './lexicon.js';

/** The units patterns match against: words (with their stems) or, for Chinese, single characters. */
export interface Unit {
  word: string;
  stem: string;
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  sentence: number;
  clause: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|[.!?…\n。！？]+|[,;:，；：、—–]|(?<=\s)-(?=\s)/gu;
/** Chinese: each Han character is a unit; Latin words and numbers inside Chinese text stay whole. */
const CHINESE = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+|[.!?…\n。！？]+|[,;:，；：、—–]/gu;
const SENTENCE_END = /^[.!?…\n。！？]+$/u;
const CLAUSE_END = /^[,;:，；：、—–-]$/u;

/**
 * Splits text (or a stretch of it, from `offset`) into units. English contractions become the words they
 * stand for, both covering the contraction's characters.
 */
export function toUnits(text: string, language: Language, offset = 0): Unit[] {
  const units: Unit[] = [];
  let sentence = 0;
  let clause = 0;
  const pattern = language.stem ? WORD : CHINESE;
  for (const m of text.matchAll(pattern)) {
    const raw = m[0];
    if (SENTENCE_END.test(raw)) {
      sentence++;
      clause++;
      continue;
    }
    if (CLAUSE_END.test(raw)) {
      clause++;
      continue;
    }
    const start = offset + m.index;
    const end = start + raw.length;
    const lower = normalise(raw);
    const words = language.expand?.(lower) ?? [lower];
    for (const word of words) {
      units.push({ word, stem: language.stem ? trustedStem(word, language.stem(word)) : word, start, end, sentence, clause });
    }
  }
  return units;
}
