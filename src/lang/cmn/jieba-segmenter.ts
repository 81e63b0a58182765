import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import type { WordSegmenter } from '../language.js';

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;
const words = new Map<string, boolean>();

/**
 * jieba's dictionary (350,000 words) takes about a second and 55 MB to load: only when a thread first meets
 * Chinese text, so a dump without Chinese never pays for it.
 */
function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

/**
 * jieba without its HMM guesser: every word it returns is a dictionary word or a single character, so only a
 * known word (特别 "especially") keeps a match from cutting it.
 */
export const jiebaSegmenter: WordSegmenter = {
  wordEnds(text) {
    const ends: number[] = [];
    let at = 0;
    for (const word of segmenter().cut(text, false)) ends.push((at += word.length));
    return ends;
  },
  isWord(text) {
    let known = words.get(text);
    if (known === undefined) {
      known = text.length > 1 && segmenter().cut(text, false).length === 1;
      // Lexicon matches repeat: a bounded memo of the look-ups.
      if (words.size >= 100_000) words.clear();
      words.set(text, known);
    }
    return known;
  },
};
