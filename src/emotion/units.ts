import type { Language, Script } from '../lang/language.js';
import { normalise, stemOf } from './lexicon.js';

/** The units patterns match against: words (with their stems) or, for a language matched by characters, single characters. */
export interface Unit {
  word: string;
  stem: string;
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  sentence: number;
  clause: number;
}

const PUNCTUATION = '[.!?…\\n。！？]+|[,;:，；：、—–]';
const WORDS = new RegExp(`[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}]+)*|${PUNCTUATION}|(?<=\\s)-(?=\\s)`, 'gu');
const SENTENCE_END = /^[.!?…\n。！？]+$/u;
const CLAUSE_END = /^[,;:，；：、—–-]$/u;

const characterPatterns = new Map<Script, { text: RegExp; pattern: RegExp }>();

/**
 * For a language matched by characters, each character of its script is a unit; words and numbers in
 * other scripts inside its text (brand names, prices) stay whole. Patterns are split the same way, and any
 * other character of a pattern is a unit that matches nothing.
 */
function characterRegexes(script: Script): { text: RegExp; pattern: RegExp } {
  let regexes = characterPatterns.get(script);
  if (!regexes) {
    const own = `\\p{Script=${script}}|(?:(?!\\p{Script=${script}})[\\p{L}\\p{M}\\p{N}])+`;
    regexes = { text: new RegExp(`${own}|${PUNCTUATION}`, 'gu'), pattern: new RegExp(`${own}|[^\\s]`, 'gu') };
    characterPatterns.set(script, regexes);
  }
  return regexes;
}

/** A character pattern's text as the units it matches, for languages matched by characters. */
export function patternCharacters(text: string, language: Language): string[] {
  return [...text.matchAll(characterRegexes(language.script).pattern)].map((m) => m[0]);
}

/**
 * Splits text (or a stretch of it, from `offset`) into units. English contractions become the words they
 * stand for, both covering the contraction's characters.
 */
export function toUnits(text: string, language: Language, offset = 0): Unit[] {
  const units: Unit[] = [];
  let sentence = 0;
  let clause = 0;
  const pattern = language.units === 'words' ? WORDS : characterRegexes(language.script).text;
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
    const lower = normalise(raw, language);
    words = (language.expand?.(lower) ?? [lower]).map((word) => ({ word, stem: stemOf(word, language) }));
    if (cache.size >= 200_000) cache.clear();
    cache.set(raw, words);
  }
  return words;
}
