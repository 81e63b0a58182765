import type { Language } from '../language.js';
import { chineseWords } from './words.js';

export const chinese: Language = {
  code: 'cmn',
  name: 'Chinese',
  script: 'Han', // simplified and traditional alike; Han with kana is Japanese
  letters: {},
  // No stemmer: Chinese is matched by characters, longest lexicon entry first.
  // Negators sit right before what they negate, often with a degree word between (不太满意, 没有很好).
  negation: { before: 4, after: 0 },
  words: chineseWords,
};
