// Deep import: natural's index requires all of natural's dependencies (mongoose, pg, redis …), which
// package.json's overrides leave uninstalled; the stemmer files need none of them (test/lang/stemmers.test.ts).
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { cachedStemmer } from '../cached-stemmer.js';
import { defineLanguage } from '../language.js';
import { spacedWords } from '../spaced-words.js';
import { expandContraction } from './contractions.js';
import { englishPolarity } from './polarity.js';

export const english = defineLanguage({
  code: 'eng',
  iso6391: 'en',
  name: 'English',
  // franc's Scots model steals short English; Scots feedback is English to us.
  aliases: ['sco'],
  script: 'Latin',
  letters: {}, // English has no letters of its own; word evidence carries it
  units: 'words',
  stem: cachedStemmer((word) => porter.stem(word)),
  expand: expandContraction,
  negation: { before: 4, after: 0 }, // "I don't think it was easy": three words between
  polarity: englishPolarity,
  words: spacedWords,
});
