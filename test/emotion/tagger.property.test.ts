import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evidence, Span, TagResult } from '../../src/emotion/tag-result.js';
import { TAG_THRESHOLD } from '../../src/emotion/tagger.js';
import type { LangCode } from '../../src/lang/registry.js';
import { LANG_CODES } from '../../src/lang/registry.js';
import { LanguageDetector } from '../../src/language/detect-language.js';
import { taggerFor } from '../../src/pipeline/taggers.js';
import { fuzzRuns, fuzzTimeout } from '../helpers/fuzz-runs.js';

/**
 * Properties of the tagger: on any text, in any of the five languages, it never throws; every piece of
 * evidence (and its negator and intensifier) is a span of the text whose `text` is exactly that slice;
 * scores and weights lie in [0, 1]; polarity in [-1, 1]; every emotion is in the taxonomy.
 */

const tagger = taggerFor();
const detector = new LanguageDetector();
const RUNS = fuzzRuns(150);

/** What the lexicons match, as text: patterns without their `*` and `…`, and every cue word. */
function vocabulary(code: LangCode): string[] {
  const lexicon = tagger.lexicons.languages.get(code)!;
  const patterns = lexicon.entries.map((e) => e.pattern.replaceAll('*', '').replaceAll('…', ' '));
  const cues = [...lexicon.negators, ...lexicon.intensifiers, ...lexicon.contrast, ...lexicon.raising, ...lexicon.polarity]
    .map((c) => c.text.replaceAll('*', '').replaceAll('…', ' '));
  return [...patterns, ...cues];
}

const EMOJI = tagger.lexicons.emoji.map((e) => e.pattern);
const NOISE = ['!!!', '!!', '!', '?', '.', ',', ';', ' - ', '…', '。', '！', '，', '\n', '\r\n', "'", '’', ' ', '  ',
  '😀', '👍🏽', '❤️', '\uD83D', '\uDE00', '\u0301', '\uFEFF', '\0', '&amp;', '<b>', 'https://x.se/a', '10/10', 'İ', 'ß', 'ﬁ'];

function textIn(code: LangCode): fc.Arbitrary<string> {
  const words = vocabulary(code);
  const piece = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: fc.constantFrom(...words).map((w) => w.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
    { weight: 2, arbitrary: fc.constantFrom(...NOISE) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  );
  const separator = code === 'cmn' ? fc.constantFrom('', '', ' ', '，') : fc.constantFrom(' ', ' ', ', ', '');
  return fc.array(fc.tuple(piece, separator), { maxLength: 25 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
}

const language = fc.constantFrom(...LANG_CODES);
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));
const textWithLanguage = language.chain((code) => fc.tuple(fc.constant(code), fc.oneof({ weight: 3, arbitrary: textIn(code) }, { weight: 1, arbitrary: anyText })));

function checkSpan(text: string, span: Span): void {
  expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.end).toBeGreaterThan(span.start);
  expect(span.end).toBeLessThanOrEqual(text.length);
  expect(span.text).toBe(text.slice(span.start, span.end));
}

function checkEvidence(text: string, e: Evidence): void {
  checkSpan(text, e);
  if (e.negator) checkSpan(text, e.negator);
  if (e.intensifier) {
    checkSpan(text, e.intensifier);
    expect(e.intensifier.factor).toBeGreaterThan(0);
  }
  expect(e.weight).toBeGreaterThanOrEqual(0);
  expect(e.weight).toBeLessThanOrEqual(1);
  if (e.flippedFrom !== undefined) expect(tagger.lexicons.taxonomy.has(e.flippedFrom)).toBe(true);
}

function checkResult(text: string, result: TagResult): void {
  expect(result.polarity).toBeGreaterThanOrEqual(-1);
  expect(result.polarity).toBeLessThanOrEqual(1);
  const seen = new Set<string>();
  for (const tag of result.emotions) {
    expect(tagger.lexicons.taxonomy.has(tag.emotion), tag.emotion).toBe(true);
    expect(seen.has(tag.emotion)).toBe(false);
    seen.add(tag.emotion);
    expect(tag.score).toBeGreaterThanOrEqual(TAG_THRESHOLD);
    expect(tag.score).toBeLessThanOrEqual(1);
    expect(tag.evidence.length).toBeGreaterThan(0);
    for (const e of tag.evidence) checkEvidence(text, e);
  }
  for (const e of result.removed) checkEvidence(text, e);
}

describe('EmotionTagger on any text', () => {
  it('tagged whole in one of the five languages: evidence is a slice of the text, scores in [0, 1]', () => {
    fc.assert(
      fc.property(textWithLanguage, ([lang, text]) => {
        checkResult(text, tagger.tag(text, [{ lang, start: 0, end: text.length, supported: true }]));
      }),
      // Found by this property: a negated match with no opposite emotion kept its uncapped weight (1.17).
      { numRuns: RUNS * 2, examples: [[['rus', 'НИКТО НЕНАВИД ']]] },
    );
  }, fuzzTimeout());

  it('tagged by segments the language stage found', () => {
    fc.assert(
      fc.property(fc.array(textWithLanguage, { minLength: 1, maxLength: 3 }), (parts) => {
        const text = parts.map(([, t]) => t).join('. ');
        checkResult(text, tagger.tag(text, detector.detect(text).segments));
      }),
      { numRuns: RUNS },
    );
  }, fuzzTimeout());

  it('tagged by arbitrary segments, even ones that cut a word or a surrogate pair in two', () => {
    const cutSegments = fc.tuple(textWithLanguage, fc.array(fc.tuple(fc.nat(), fc.nat(), language, fc.boolean()), { maxLength: 4 }));
    fc.assert(
      fc.property(cutSegments, ([[, text], cuts]) => {
        const segments = cuts.map(([a, b, lang, supported]) => {
          const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
          return { lang, start, end, supported };
        });
        checkResult(text, tagger.tag(text, segments));
      }),
      { numRuns: RUNS },
    );
  }, fuzzTimeout());
});

describe('regressions the properties found', () => {
  it('evidence removed by negation has its weight capped at 1, like kept evidence', () => {
    const text = 'НИКТО НЕНАВИД ';
    const { removed } = tagger.tag(text, [{ lang: 'rus', start: 0, end: text.length, supported: true }]);
    expect(removed.length).toBeGreaterThan(0);
    for (const e of removed) expect(e.weight).toBeLessThanOrEqual(1);
  });
});
