import { describe, expect, it } from 'vitest';
import { toUnits } from '../../src/emotion/units.js';
import { english } from '../../src/lang/eng/language.js';
import { REGISTRY } from '../../src/lang/registry.js';
import { analyse, emotionsOf, langOf } from '../helpers/analyse.js';

describe('English (eng)', () => {
  it.each([['eng'], ['en'], ['en-GB'], ['en_US'], ['sco']])('is the language the tag %s names', (tag) => {
    expect(REGISTRY.fromTag(tag)).toBe(english);
    expect(REGISTRY.nameOf('eng')).toBe('English');
  });

  it("takes franc's Scots for English", () => {
    expect(REGISTRY.canonical('sco')).toBe('eng');
  });

  it.each([
    ['delivered', 'deliver'],
    ['disappointed', 'disappointing'],
    ['recommend', 'recommended'],
  ])('stems %s and %s alike', (...words) => {
    expect(new Set(words.map((w) => english.stem!(w))).size).toBe(1);
  });

  it.each([
    ["I wouldn't", ['i', 'would', 'not']],
    ['didnt', ['did', 'not']],
    ["they'll", ['they', 'will']],
    ['won’t', ['will', 'not']],
  ])('splits %s into the words it stands for', (text, words) => {
    expect(toUnits(text, english).map((u) => u.word)).toEqual(words);
  });

  it('keeps the offsets of a contraction on both its words', () => {
    expect(toUnits("I can't", english).map((u) => [u.start, u.end])).toEqual([[0, 1], [2, 7], [2, 7]]);
  });

  it.each([
    ['great service', 'eng'],
    ["didn't arrive", 'eng'],
    ['very disappointed', 'eng'],
  ])('detects %s as %s', (text, expected) => {
    expect(langOf(text)).toBe(expected);
  });

  it.each([
    ["I wouldn't recommend them.", ['defection']],
    ["I'm so happy with the service", ['delight']],
    ['The courier was terrible', ['disappointment']],
  ])('tags %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });

  it.each([
    ['The courier was terrible', -1],
    ["I'm so happy with the service", 1],
    ['The parcel came on Tuesday', 0],
  ])('takes its polarity from wink-sentiment: %s has sign %d', (text, sign) => {
    expect(Math.sign(analyse(text).tags.polarity)).toBe(sign);
  });
});
