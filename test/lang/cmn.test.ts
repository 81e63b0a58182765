import { describe, expect, it } from 'vitest';
import { toUnits } from '../../src/emotion/units.js';
import { jiebaSegmenter } from '../../src/lang/cmn/jieba-segmenter.js';
import { chinese } from '../../src/lang/cmn/language.js';
import { REGISTRY } from '../../src/lang/registry.js';
import { emotionsOf, langOf } from '../helpers/analyse.js';

describe('Chinese (cmn)', () => {
  it.each([['cmn'], ['zh'], ['zh-Hans'], ['zh-Hant'], ['zh-CN'], ['zh-TW']])('is the language the tag %s names', (tag) => {
    expect(REGISTRY.fromTag(tag)).toBe(chinese);
    expect(REGISTRY.nameOf('cmn')).toBe('Chinese');
  });

  it.each([
    ['太慢了', ['太', '慢', '了']],
    ['iPhone充电器质量不错', ['iphone', '充', '电', '器', '质', '量', '不', '错']],
    ['服务很好，点赞', ['服', '务', '很', '好', '点', '赞']],
  ])('matches %s by characters, words of other scripts whole', (text, units) => {
    expect(toUnits(text, chinese).map((u) => u.word)).toEqual(units);
  });

  it.each([
    ['服务特别好', ['服务', '特别', '好']],
    ['特别不满意', ['特别', '不', '满意']],
    ['我快不快樂', ['我', '快', '不', '快樂']],
    ['iPhone充电器质量不错', ['iPhone', '充电器', '质量', '不错']],
  ])('segments %s into words as jieba does (Traditional through its Simplified rendering)', (text, words) => {
    const ends = jiebaSegmenter.wordEnds(text);
    expect(ends.map((end, i) => text.slice(i === 0 ? 0 : ends[i - 1], end))).toEqual(words);
  });

  it.each([
    ['谢谢', true],
    ['特别', true],
    ['滿意', true],
    ['别', false],
    ['满意得', false],
  ])('knows whether %s is one dictionary word: %s', (text, known) => {
    expect(jiebaSegmenter.isWord(text)).toBe(known);
  });

  it('starts a new clause at Chinese punctuation', () => {
    expect(toUnits('很好，点赞。谢谢', chinese).map((u) => u.clause)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it.each([
    ['好评', 'cmn'],
    ['謝謝', 'cmn'],
    ['訂單#48213還沒到，客服也不回', 'cmn'],
    // Han with kana is Japanese.
    ['配送がとても早くて、スタッフも親切でした。', 'jpn'],
  ])('detects %s as %s', (text, expected) => {
    expect(langOf(text)).toBe(expected);
  });

  it.each([
    ['謝謝你們的服務', ['gratitude']],
    ['不太满意', ['disappointment']],
    ['一点都不方便', ['frustration']],
    ['打了三次电话都没人管', ['frustration']],
  ])('tags %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });
});
