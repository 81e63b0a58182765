import { describe, expect, it } from 'vitest';
import { hungarian } from '../../src/lang/hun/language.js';
import { REGISTRY } from '../../src/lang/registry.js';
import { emotionsOf, langOf } from '../helpers/analyse.js';

describe('Hungarian (hun)', () => {
  it.each([['hun'], ['hu'], ['hu-HU']])('is the language the tag %s names', (tag) => {
    expect(REGISTRY.fromTag(tag)).toBe(hungarian);
    expect(REGISTRY.nameOf('hun')).toBe('Hungarian');
  });

  it.each([
    ['rendelést', 'rendelés'],
    ['gyors', 'gyorsan'],
  ])('stems %s and %s alike', (...words) => {
    expect(new Set(words.map((w) => hungarian.stem!(w))).size).toBe(1);
  });

  it.each([
    ['Köszi', 'hun'],
    ['nem ajánlom', 'hun'],
    // ő and ű are Hungarian alone.
    ['Lassú és drága, de működik', 'hun'],
    ['Nagyon elégedett vagyok', 'hun'],
  ])('detects %s as %s', (text, expected) => {
    expect(langOf(text)).toBe(expected);
  });

  it.each([
    ['Köszönöm a gyors segítséget!', ['ease', 'gratitude']],
    ['Nagyon csalódott vagyok', ['disappointment']],
    ['Nem vagyok elégedett a szolgáltatással.', ['disappointment']],
    ['Nem jövök vissza többé.', ['defection']],
  ])('tags %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });
});
