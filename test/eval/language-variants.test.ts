import { describe, expect, it } from 'vitest';
import { applyLanguageVariants } from '../../src/eval/language-variants.js';
import { LANGUAGES } from '../../src/lang/registry.js';

// Copies: the variants change the languages they are given, and the registry's serve the other tests.
const copies = () => LANGUAGES.map((l) => ({ ...l }));

describe('applyLanguageVariants (eval only)', () => {
  it('changes nothing without its options', () => {
    const languages = copies();
    expect(applyLanguageVariants(languages, ['--quick'])).toEqual([]);
    expect(languages).toEqual(LANGUAGES.map((l) => ({ ...l })));
  });

  it('--stemmers snowball: the Snowball algorithm named after each language with a stemmer', () => {
    const languages = copies();
    expect(applyLanguageVariants(languages, ['--stemmers', 'snowball'])).toEqual([
      'rus stemmer: Snowball russian',
      'swe stemmer: Snowball swedish',
      'hun stemmer: Snowball hungarian',
      'eng stemmer: Snowball english',
    ]);
    const english = languages.find((l) => l.code === 'eng')!;
    // Porter2 stems "generously" to "generous", Porter to "gener".
    expect(english.stem!('generously')).toBe('generous');
    expect(languages.find((l) => l.code === 'cmn')!.stem).toBeUndefined();
  });

  it.each([
    ['none', undefined],
    ['intl', [2, 4, 5]],
  ])('--segmenter %s', (variant, ends) => {
    const languages = copies();
    expect(applyLanguageVariants(languages, ['--segmenter', variant])).toEqual([`cmn segmenter: ${variant}`]);
    expect(languages.find((l) => l.code === 'cmn')!.segmenter?.wordEnds('服务特别好')).toEqual(ends);
  });
});
