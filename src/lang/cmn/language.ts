import { defineLanguage } from '../language.js';
import { jiebaSegmenter } from './jieba-segmenter.js';
import { chineseWords } from './words.js';

export const chinese = defineLanguage({
  code: 'cmn',
  iso6391: 'zh',
  name: 'Chinese',
  script: 'Han', // simplified and traditional alike; Han with kana is Japanese
  letters: {},
  // No spaces and no inflection: matched by characters, longest lexicon entry first, with no stemmer.
  units: 'characters',
  // …on jieba's word boundaries: no negator 别 inside 特别 ("especially"), no 棒 inside 棒棒糖 ("lollipop").
  segmenter: jiebaSegmenter,
  // Negators sit right before what they negate, often with a degree word between (不太满意, 没有很好).
  negation: { before: 4, after: 0 },
  // What `heartline suggest` counts: ICU's coarser words (很好, 再来) make better phrases than jieba's.
  words: chineseWords,
});
