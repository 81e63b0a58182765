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
    for (const { word, stem } of wordsOf(raw, language)) units.push({ word, stem, start, end, sentence, clause });
  }
  return units;
}

interface Word {
  word: string;
  stem: string;
}

const caches = new WeakMap<Language, Map<string, readonly Word[]>>();

/** A token as the words it stands for, with their stems; memoised per language (feedback repeats its words). */
function wordsOf(raw: string, language: Language): readonly Word[] {
  let cache = caches.get(language);
  if (!cache) caches.set(language, (cache = new Map()));
  let words = cache.get(raw);
  if (!words) {
    const lower = normalise(raw);
    words = (language.expand?.(lower) ?? [lower]).map((word) => ({
      word,
      stem: language.stem ? trustedStem(word, language.stem(word)) : word,
    }));
    if (cache.size >= 200_000) cache.clear();
    cache.set(raw, words);
  }
  return words;
}
