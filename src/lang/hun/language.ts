import snowball from 'snowball-stemmers';
import { cachedStemmer } from '../cached-stemmer.js';
import { defineLanguage } from '../language.js';
import { spacedWords } from '../spaced-words.js';

// natural has no Hungarian stemmer; Snowball's is the standard one.
const stemmer = snowball.newStemmer('hungarian');

export const hungarian = defineLanguage({
  code: 'hun',
  iso6391: 'hu',
  name: 'Hungarian',
  script: 'Latin',
  // ő and ű (double acute) are Hungarian alone; the acute vowels and ö/ü are shared with many languages.
  letters: { ő: 1.5, ű: 1.5, á: 0.4, é: 0.3, í: 0.3, ó: 0.3, ú: 0.3, ö: 0.3, ü: 0.3 },
  units: 'words',
  stem: cachedStemmer((word) => stemmer.stem(word)),
  // nem/sem/ne precede what they negate ("nem vagyok elégedett", "nem jövök vissza").
  negation: { before: 3, after: 0 },
  words: spacedWords,
});
