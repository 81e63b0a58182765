import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/lang/registry.js';
import { swedish } from '../../src/lang/swe/language.js';
import { emotionsOf, langOf } from '../helpers/analyse.js';

describe('Swedish (swe)', () => {
  it.each([['swe'], ['sv'], ['sv-SE'], ['sv-FI']])('is the language the tag %s names', (tag) => {
    expect(REGISTRY.fromTag(tag)).toBe(swedish);
    expect(REGISTRY.nameOf('swe')).toBe('Swedish');
  });

  it.each([
    ['leveransen', 'leveranser'],
    ['besviken', 'besvikelse'],
    ['snabb', 'snabba'],
  ])('stems %s and %s alike', (...words) => {
    expect(new Set(words.map((w) => swedish.stem!(w))).size).toBe(1);
  });

  it.each([
    ['Tack!', 'swe'],
    ['Snabb leverans', 'swe'],
    ['Jättebra service!!!', 'swe'],
    // å and ä point to Swedish among our Latin-script languages.
    ['Små fel på ytan', 'swe'],
    // Norwegian's ø is not Swedish.
    ['Leveringen kom for sent, og pakken var ødelagt', 'nob'],
  ])('detects %s as %s', (text, expected) => {
    expect(langOf(text)).toBe(expected);
  });

  it.each([
    ['Leveransen kom snabbt, tack!', ['ease', 'gratitude']],
    ['Maten var kall och personalen otrevlig', ['anger', 'disappointment']],
    // "inte" follows the verb it negates: Swedish negation reaches two words after the term.
    ['Jag gillade inte maten.', ['disappointment']],
    ['Det var inte bra alls', ['disappointment']],
  ])('tags %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });
});
