import type { Word } from '../language.js';

/**
 * ICU's dictionary-based word segmenter (built into Node): Chinese has no spaces, and character n-grams would
 * make phrases of half-words. The tagger's boundaries come from jieba (jieba-segmenter.ts), whose finer words
 * (很/好, 再/来) suit matching; suggest's phrases read better in ICU's (很好, 再来).
 */
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a Chinese text; punctuation and spaces (often a clause break in informal Chinese) end a phrase. */
export function chineseWords(text: string): Word[] {
  const words: Word[] = [];
  let pendingBreak = false;
  for (const s of SEGMENTER.segment(text)) {
    if (!s.isWordLike) {
      pendingBreak = true;
      continue;
    }
    words.push({ text: s.segment, start: s.index, end: s.index + s.segment.length, breakBefore: pendingBreak && words.length > 0 });
    pendingBreak = false;
  }
  return words;
}
