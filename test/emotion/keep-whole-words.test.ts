import { describe, expect, it } from 'vitest';
import { analyse, emotionsOf } from '../helpers/analyse.js';

// Chinese is matched by characters on jieba's word boundaries (src/emotion/keep-whole-words.ts).
describe('keepWholeWords: Chinese matches on word boundaries', () => {
  it.each([
    // A negator inside another word does not negate: 特别 "especially", 别人 "others", 差不多 "about".
    ['特别满意', ['satisfaction']],
    ['服务特别好，特别方便', ['ease', 'satisfaction']],
    ['别人家的服务很好', ['satisfaction']],
    ['差不多吧', []],
    // 好 of 好笑 ("funny") is not "very good".
    ['很好笑', []],
    // A word of ours grouped into a longer dictionary word still matches: 谢谢你们, 顺利完成.
    ['谢谢你们', ['gratitude']],
    ['事情顺利完成了', ['ease']],
    // Our own items account for a word the segmenter keeps whole: 不满意 is 不 + 满意.
    ['不满意', ['disappointment']],
    // A character with an emotion of its own keeps it inside compounds (眼泪 "tears").
    ['眼泪都流出来了', ['disappointment']],
    // Traditional text is segmented as its Simplified rendering: 不/快樂, not 不快/樂.
    ['我快不快樂', ['disappointment']],
  ])('%s → %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });

  it('takes 特别 as the intensifier it is, with offsets into the original text', () => {
    const text = '服务特别好，但是上菜特别不方便';
    const [frustration] = analyse(text).tags.emotions.filter((e) => e.emotion === 'frustration');
    expect(frustration?.evidence[0]).toMatchObject({ text: '不方便', start: 12, end: 15, intensifier: { text: '特别', start: 10, end: 12 } });
    expect(frustration?.evidence[0]?.negator).toBeUndefined();
  });
});
