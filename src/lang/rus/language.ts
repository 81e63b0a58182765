import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import { cachedStemmer } from '../cached-stemmer.js';
import type { Language } from '../language.js';
import { spacedWords } from '../spaced-words.js';

export const russian: Language = {
  code: 'rus',
  name: 'Russian',
  script: 'Cyrillic',
  // ы, э and ё are used by Russian (and Belarusian, which has ў and і besides), not by Ukrainian, Bulgarian
  // or Serbian; ъ is shared with Bulgarian.
  letters: { ы: 1, э: 1, ё: 1, ъ: 0.3 },
  stem: cachedStemmer((word) => porterRu.stem(word.replace(/ё/g, 'е'))),
  negation: { before: 3, after: 0 },
  words: spacedWords,
};
