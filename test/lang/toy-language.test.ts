import { describe, expect, it } from 'vitest';
import { checkLexicons } from '../../src/emotion/check-lexicons.js';
import { lexiconIdentity, loadLexicons } from '../../src/emotion/lexicon.js';
import { EmotionTagger } from '../../src/emotion/tagger.js';
import { LanguageDetector } from '../../src/language/detect-language.js';
import { BUILTIN_LEXICON_DIR } from '../../src/lexicon/lexicon-dir.js';
import { TOY_LEXICONS, TOY_REGISTRY } from '../fixtures/toy-language/registry.js';

// A sixth language is a folder in src/lang/, a folder in lexicons/ and one registry entry
// (docs/adding-a-language.md). Esperanto, in test/fixtures/toy-language/, shows it: nothing else changes.
const lexiconDirs = [BUILTIN_LEXICON_DIR, TOY_LEXICONS];
const detector = new LanguageDetector({ registry: TOY_REGISTRY, lexiconDirs });
const withoutFranc = new LanguageDetector({ registry: TOY_REGISTRY, lexiconDirs, signals: { franc: false } });
const lexicons = loadLexicons([TOY_LEXICONS], TOY_REGISTRY);
const tagger = new EmotionTagger(lexicons);

const emotions = (text: string) => {
  const language = detector.detect(text);
  return { lang: language.lang, emotions: tagger.tag(text, language.segments).emotions.map((e) => e.emotion).sort() };
};

describe('a sixth language from its folders and one registry entry', () => {
  it.each([
    ['Dankon pro la rapida liverado!', 'epo'],
    ['Mi estas tre kontenta pri la servo.', 'epo'],
    ['Ĉu vi ŝatas ĝin?', 'epo'],
    // Our five keep their languages.
    ['Tack för hjälpen, snabb leverans!', 'swe'],
    ['Thank you so much for the quick delivery!', 'eng'],
    ['Köszönöm a gyors segítséget!', 'hun'],
    ['Спасибо, всё супер!', 'rus'],
    ['谢谢你们！', 'cmn'],
  ])('detects %s as %s, from its letters and word lists alone', (text, expected) => {
    expect(detector.detect(text)).toMatchObject({ lang: expected, supported: true });
    expect(withoutFranc.detect(text).lang).toBe(expected);
  });

  it.each([
    ['Dankon pro la rapida liverado!', ['ease', 'gratitude']],
    ['Mi estas tre kontenta pri la servo.', ['satisfaction']],
    // Negation, by the language's negators and scope.
    ['Mi ne estas kontenta.', ['disappointment']],
    // Its stemmer: kontentaj, malĝentilaj are inflected forms of the lexicon's words.
    ['Ni estas kontentaj, sed la kurieroj estis malĝentilaj.', ['anger', 'satisfaction']],
    ['Mi neniam plu aĉetos ĉi tie, mi devis atendi du horojn.', ['defection', 'frustration']],
  ])('tags %s with %j', (text, expected) => {
    expect(emotions(text)).toEqual({ lang: 'epo', emotions: expected });
  });

  it('points its evidence into the text, naming its own lexicon file', () => {
    const text = 'La manĝaĵo estis bonega!';
    const [tag] = tagger.tag(text, detector.detect(text).segments).emotions;
    expect(tag?.evidence[0]).toMatchObject({ text: 'bonega', start: 17, end: 23, lang: 'epo' });
    expect(tag?.evidence[0]?.source).toMatch(/toy-language\/lexicons\/epo\/emotions\.tsv:\d+$/);
  });

  it('takes a polarity from its polarity list', () => {
    const text = 'La servo estis terura.';
    expect(tagger.tag(text, detector.detect(text).segments).polarity).toBeLessThan(0);
  });

  it('passes lexicon check, and its files are part of the lexicon version', () => {
    expect(checkLexicons(lexicons).filter((p) => p.severity === 'error')).toEqual([]);
    expect(lexiconIdentity([TOY_LEXICONS], TOY_REGISTRY).version).not.toBe(lexiconIdentity([TOY_LEXICONS]).version);
  });
});
