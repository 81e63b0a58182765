import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import type { ConverterFunction } from 'opencc-js';
import type { WordSegmenter } from '../language.js';

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;
let toSimplified: ConverterFunction | undefined;
const words = new Map<string, boolean>();
/** Character → whether OpenCC changes it from Traditional to Simplified. */
const changes = new Map<string, boolean>();

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
 * jieba's dictionary is Simplified: Traditional text is segmented as its Simplified rendering (OpenCC,
 * character for character, so offsets hold), else 我快不快樂 becomes 不快/樂 instead of 不/快乐.
 */
function simplified(text: string): string {
  const convert = (toSimplified ??= (require('opencc-js/t2cn') as typeof import('opencc-js')).Converter({ from: 't', to: 'cn' }));
  // Most text is Simplified already: look its characters up (memoised; there are only so many) before converting.
  let traditional = false;
  for (const char of text) {
    let differs = changes.get(char);
    if (differs === undefined) changes.set(char, (differs = convert(char) !== char));
    if (differs) {
      traditional = true;
      break;
    }
  }
  if (!traditional) return text;
  const converted = convert(text);
  return converted.length === text.length ? converted : text;
}

/**
 * jieba without its HMM guesser: every word it returns is a dictionary word or a single character, so only a
 * known word (特别 "especially") keeps a match from cutting it.
 */
export const jiebaSegmenter: WordSegmenter = {
  wordEnds(text) {
    const ends: number[] = [];
    let at = 0;
    for (const word of segmenter().cut(simplified(text), false)) ends.push((at += word.length));
    return ends;
  },
  isWord(text) {
    let known = words.get(text);
    if (known === undefined) {
      known = text.length > 1 && segmenter().cut(simplified(text), false).length === 1;
      // Lexicon matches repeat: a bounded memo of the look-ups.
      if (words.size >= 100_000) words.clear();
      words.set(text, known);
    }
    return known;
  },
};
