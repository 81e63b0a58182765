import type { Language } from '../lang/language.js';
import type { LexiconEntry, LexiconProblem, Lexicons } from './lexicon.js';
import { normalise } from './lexicon.js';
import { Matcher } from './matcher.js';
import { toUnits } from './units.js';

/**
 * What `heartline lexicon check` reports: load problems (unknown emotions, bad weights, malformed lines),
 * entries that can never match (the tokenizer splits them differently from the pattern), duplicates, and
 * patterns listed under two opposite emotions.
 */
export type { LexiconProblem };

export function checkLexicons(lexicons: Lexicons): LexiconProblem[] {
  const problems: LexiconProblem[] = [...lexicons.problems];
  for (const [, lexicon] of lexicons.languages) {
    const byPattern = new Map<string, LexiconEntry[]>();
    for (const entry of lexicon.entries) {
      const key = normalise(entry.pattern, lexicon.language);
      byPattern.set(key, [...(byPattern.get(key) ?? []), entry]);
      if (!matchesItself(entry, lexicon.language)) {
        problems.push({
          severity: 'error',
          source: entry.source,
          message: `'${entry.pattern}' can never match: the text would be split or stemmed differently (punctuation inside a word?)`,
        });
      }
    }
    for (const [pattern, entries] of byPattern) {
      for (const a of entries) {
        const opposite = lexicons.taxonomy.opposite(a.emotion);
        const b = entries.find((e) => e.emotion === opposite);
        if (b && a.emotion < b.emotion) {
          problems.push({ severity: 'warning', source: a.source, message: `'${pattern}' is both ${a.emotion} and its opposite ${b.emotion} (${b.source})` });
        }
      }
    }
  }
  return problems;
}

/** Does the entry find itself in its own pattern text (with any `*` and `…` written as a plausible word)? */
function matchesItself(entry: LexiconEntry, language: Language): boolean {
  const words = language.units === 'words';
  const text = entry.pattern.replace(/\*/g, words ? 'x' : '').replace(/\s*(…|\.\.\.)\s*/g, words ? ' ' : '');
  const units = toUnits(text, language);
  return new Matcher([entry], language).findAll(units).length > 0;
}
