import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSupported } from '../../src/lang/registry.js';
import { LanguageDetector } from '../../src/language/detect-language.js';
import type { TextLanguage } from '../../src/language/detection.js';
import { languageStage } from '../../src/language/language-stage.js';
import type { FeedbackItem } from '../../src/pipeline/feedback-import.js';
import { fuzzRuns, fuzzTimeout } from '../helpers/fuzz-runs.js';

/**
 * Properties of language identification: on any text it returns a supported code, `und` or another
 * ISO 639-3 code, a confidence in [0, 1], and segments that lie inside the text, in order, without overlap.
 */

const detector = new LanguageDetector();
/** Detection runs franc on long texts: keep runs modest so the suite stays quick on a loaded machine. */
const RUNS = fuzzRuns(200);

/** Words and phrases of the five languages, their neighbours, and the noise feedback carries. */
const WORDS = [
  'Спасибо', 'всё', 'супер', 'не', 'подвели', 'ужасно', 'Пришлось', 'звонить', 'три', 'раза', 'объявление', 'съм', 'пъти',
  'Tack', 'så', 'mycket', 'inte', 'besviken', 'Fick', 'ringa', 'gånger', 'väldigt', 'irriterande',
  '谢谢', '太失望了', '服务很好', '下次还来', '不', '很', '，', '。', '！',
  'Köszönöm', 'szépen', 'Nagyon', 'csalódott', 'vagyok', 'Soha', 'többé', 'nem', 'rendelek', 'ő', 'ű',
  'Thank', 'you', 'not', 'happy', 'delivery', 'was', 'quick', 'but', 'the', 'courier', 'rude', 'ok', 'super',
  'Die', 'Lieferung', 'kam', 'zu', 'spät', 'łódź', '¿qué?', 'ありがとう', '감사합니다', 'مرحبا', 'שלום', 'Ελλάδα',
  'https://example.com/x?y=1', 'www.shop.se', 'mail@example.org', '@handle', '#48213', 'LH-2025-88412', '10/10',
  '<b>', '</p>', '<!-- c -->', '&amp;', '&lt;', '&#x1F600;', '&#128512;', '&#55357;', '&#0;', '&nbsp;', '[NAME]', '{{first}}',
  '***', 'XXXX', '😀', '👍🏽', '❤️', '🇸🇪', '𝕏', '\uD83D', '\uDE00', '\u0301', '\u200B', '\uFEFF', '\0',
  ' ', '  ', '\n', '\r\n', '\t', '. ', '! ', '? ', '… ', ', ', ' - ', '; ', '!!!',
];
const mixed = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((w) => w.join(' '));
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 120 }),
  mixed,
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 30 }).map((w) => w.join('')),
);

const ISO_639_3 = /^[a-z]{3}$/;

function checkDetection(text: string, result: TextLanguage): void {
  for (const d of [result, ...result.segments]) {
    expect(d.lang === 'und' || ISO_639_3.test(d.lang), `lang ${JSON.stringify(d.lang)}`).toBe(true);
    expect(d.confidence).toBeGreaterThanOrEqual(0);
    expect(d.confidence).toBeLessThanOrEqual(1);
    expect(d.supported).toBe(isSupported(d.lang));
  }
  if (result.lang === 'und') expect(result.segments).toEqual([]);
  else expect(result.segments.length).toBeGreaterThan(0);
  let previousEnd = 0;
  for (const s of result.segments) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    previousEnd = s.end;
  }
  // The dominant language is one the segments name.
  if (result.segments.length > 0) expect(result.segments.map((s) => s.lang)).toContain(result.lang);
}

describe('LanguageDetector on any text', () => {
  it('returns a valid code, a confidence in [0, 1] and ordered segments inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => checkDetection(text, detector.detect(text))),
      // Found by this property: franc named `cmn` for one Han character among other scripts, marked unsupported.
      { numRuns: RUNS, examples: [['豈ꀀＡߊꓐ'], ['ٮ𐊀ངⰀ豈']] },
    );
  }, fuzzTimeout());

  it('segments texts of several sentences in mixed languages validly, and detectSpan returns a valid code', () => {
    const sentence = fc.array(fc.constantFrom(...WORDS.filter((w) => !/\s/.test(w))), { minLength: 3, maxLength: 10 })
      .map((w) => `${w.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 2, maxLength: 5 }), (sentences) => {
        const text = sentences.join(' ');
        checkDetection(text, detector.detect(text));
        const span = detector.detectSpan(text);
        expect(span.lang === 'und' || ISO_639_3.test(span.lang)).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, fuzzTimeout());
});

describe('regressions the properties found', () => {
  it('a text whose every candidate\'s letters count against it has a confidence, not NaN (CI seed 766314018)', () => {
    const text = ['Спасибо &#x1F600; spät.', 'łódź ő but inte Спасибо.'].join(' ');
    const result = detector.detect(text);
    checkDetection(text, result);
    expect(result.confidence).toBe(0.34);
    expect(detector.detectSpan(text).confidence).toBe(0.34);
  });

  it('a text only franc names is at most 0.99 sure', () => {
    expect(detector.detect('\u0000LieferungСпасибо').confidence).toBeLessThanOrEqual(0.99);
  });

  it('a language franc names from another script is supported when it is one of ours', () => {
    expect(detector.detect('ٮ𐊀ངⰀ豈')).toMatchObject({ lang: 'cmn', supported: true });
    expect(detector.detect('ꀀꀀꀀ')).toMatchObject({ lang: 'iii', supported: false });
  });
});

describe('languageStage on any batch', () => {
  it('assigns a valid language to every row it is asked to, and skips current rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, fc.boolean()), { maxLength: 8 }), (texts) => {
        const items = texts.map(([text, current], i): FeedbackItem => ({
          line: i + 2,
          raw: text,
          current,
          row: { line: i + 2, externalId: String(i), text, score: null, respondedAt: null, segments: {}, declaredLanguage: null, supplied: { text: true, score: true, date: true, language: true }, rowHash: String(i) },
        }));
        void languageStage(detector).run(items);
        for (const item of items) {
          if (item.current) expect(item.row!.language).toBeUndefined();
          else checkDetection(item.row!.text, item.row!.language!);
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  }, fuzzTimeout());
});
