import { describe, expect, it } from 'vitest';
import { EmotionTagger } from '../../src/emotion/tagger.js';
import { LanguageDetector } from '../../src/language/detect-language.js';

const detector = new LanguageDetector();
const tagger = new EmotionTagger();
const tag = (text: string) => tagger.tag(text, detector.detect(text).segments);
const emotions = (text: string) => tag(text).emotions.map((e) => e.emotion).sort();

describe('negation: a negated plain description of a defect is removed, not turned into praise', () => {
  it.each([
    ['swe', 'Det paketet som inte var utgånget går ut inom en månad.', 'utgånget'],
    ['rus', 'Суп был не холодный.', 'холодный'],
    ['eng', "The sleeves weren't too long.", 'too long'],
  ])('%s: %s', (_, text, words) => {
    const result = tag(text);
    expect(result.emotions.map((e) => e.emotion)).not.toContain('satisfaction');
    expect(result.removed.some((e) => e.text.includes(words) && e.negator !== undefined)).toBe(true);
  });

  it.each([
    ['swe', 'Jag har inte ångrat mitt köp.'],
    ['hun', 'A szoba nem volt koszos.'],
    ['rus', 'Товар не был повреждён.'],
  ])('%s: an evaluative word (in the polarity list) still turns into satisfaction: %s', (_, text) => {
    expect(emotions(text)).toContain('satisfaction');
  });
});
