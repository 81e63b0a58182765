import porterSv from 'natural/lib/natural/stemmers/porter_stemmer_sv.js';
import { cachedStemmer } from '../cached-stemmer.js';
import { defineLanguage } from '../language.js';
import { spacedWords } from '../spaced-words.js';

export const swedish = defineLanguage({
  code: 'swe',
  iso6391: 'sv',
  name: 'Swedish',
  script: 'Latin',
  // å is Scandinavian (also Norwegian/Danish/Finnish names); ä and ö are shared with Finnish, German,
  // Estonian and (ö) Hungarian, so they weigh less; é is Swedish too (idé, armé, entré), and many others'.
  letters: { å: 1, ä: 0.6, ö: 0.3, é: 0.1 },
  units: 'words',
  stem: cachedStemmer((word) => porterSv.stem(word)),
  // Swedish puts "inte" after the finite verb: "jag gillade inte", "det var inte bra".
  negation: { before: 3, after: 2 },
  words: spacedWords,
});
