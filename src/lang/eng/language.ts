// Deep import: natural's index pulls in heavy optional dependencies (and prints dotenv notices).
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { cachedStemmer } from '../cached-stemmer.js';
import type { Language } from '../language.js';
import { expandContraction } from './contractions.js';
import { spacedWords } from '../spaced-words.js';

export const english: Language = {
  code: 'eng',
  name: 'English',
  script: 'Latin',
  letters: {}, // English has no letters of its own; word evidence carries it
  stem: cachedStemmer((word) => porter.stem(word)),
  expand: expandContraction,
  negation: { before: 4, after: 0 }, // "I don't think it was easy": three words between
  words: spacedWords,
};
