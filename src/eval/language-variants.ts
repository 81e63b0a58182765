import snowball from 'snowball-stemmers';
import { cachedStemmer } from '../lang/cached-stemmer.js';
import type { Language, WordSegmenter } from '../lang/language.js';

/**
 * Measurement only: swaps parts of this process's languages before anything is loaded, so an eval shows what
 * a part buys (docs/tagging.md, "Chinese word boundaries" and "Stemmers"):
 *   --stemmers snowball      every stemmer replaced by snowball-stemmers' algorithm of the language's name
 *   --segmenter none|intl    word segmenters removed, or replaced by Intl.Segmenter
 * Returns what was swapped, for the eval's header.
 */
export function applyLanguageVariants(languages: readonly Language[], argv: readonly string[]): string[] {
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const swapped: string[] = [];
  if (option('--stemmers') === 'snowball') {
    for (const language of languages) {
      const algorithm = language.name.toLowerCase();
      if (!language.stem || !snowball.algorithms().includes(algorithm)) continue;
      const stemmer = snowball.newStemmer(algorithm);
      language.stem = cachedStemmer((word) => stemmer.stem(word));
      swapped.push(`${language.code} stemmer: Snowball ${algorithm}`);
    }
  }
  const segmenter = option('--segmenter');
  for (const language of languages.filter((l) => l.segmenter)) {
    if (segmenter === 'none') delete language.segmenter;
    if (segmenter === 'intl') language.segmenter = intlSegmenter(language.iso6391);
    if (segmenter) swapped.push(`${language.code} segmenter: ${segmenter}`);
  }
  return swapped;
}

function intlSegmenter(locale: string): WordSegmenter {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const words = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
  return {
    wordEnds(text) {
      let at = 0;
      return words(text).map((word) => (at += word.length));
    },
    isWord: (text) => text.length > 1 && words(text).length === 1,
  };
}
