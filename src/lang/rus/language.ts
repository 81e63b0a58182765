import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import { cachedStemmer } from '../cached-stemmer.js';
import { defineLanguage } from '../language.js';
import { spacedWords } from '../spaced-words.js';

export const russian = defineLanguage({
  code: 'rus',
  iso6391: 'ru',
  name: 'Russian',
  script: 'Cyrillic',
  // ы, э and ё are used by Russian (and Belarusian, which has ў and і besides), not by Ukrainian, Bulgarian
  // or Serbian; ъ is shared with Bulgarian.
  letters: { ы: 1, э: 1, ё: 1, ъ: 0.3 },
  units: 'words',
  // Most Russian text writes ё as е ("все", "еще"); lexicons and texts are compared without the dots.
  normalise: (lower) => lower.replace(/ё/g, 'е'),
  stem: cachedStemmer((word) => porterRu.stem(word.replace(/ё/g, 'е'))),
  negation: { before: 3, after: 0 },
  words: spacedWords,
});
