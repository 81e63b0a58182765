import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lang/registry.js';

/** A text's words as `language.words` gives them, a break written as `|` before the word it precedes. */
function shown(code: string, text: string): string {
  const language = LANGUAGES.find((l) => l.code === code)!;
  return language
    .words(text)
    .map((w) => {
      expect(text.slice(w.start, w.end)).toBe(w.text);
      return `${w.breakBefore ? '| ' : ''}${w.text}`;
    })
    .join(' ');
}

describe('language.words', () => {
  it.each([
    ['eng', "Too big - runs large; won't buy it again", "Too big | runs large | won't buy it again"],
    ['eng', 'Well-made coat, lovely\nbut the zip sticks', 'Well made coat | lovely | but the zip sticks'],
    ['rus', 'Ждали час, суп холодный!!! Больше не придём', 'Ждали час | суп холодный | Больше не придём'],
    ['swe', 'Maten var kall.\nPersonalen var trevlig', 'Maten var kall | Personalen var trevlig'],
    ['hun', 'A leves hideg volt, de a pincér kedves', 'A leves hideg volt | de a pincér kedves'],
    ['cmn', '服务很好，下次再来', '服务 很好 | 下次 再来'],
    // A space ends a clause in informal Chinese.
    ['cmn', '酒店位置很好 早餐一般', '酒店 位置 很好 | 早餐 一般'],
  ])('%s: %s', (code, text, expected) => {
    expect(shown(code, text)).toBe(expected);
  });
});
