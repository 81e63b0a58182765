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

  // Feedback from domains beyond hotels and food delivery (electronics, telecom, banking, transport, clothing, utilities, apps): a complaint that the product or service fell short, with no emotion word, is
  // disappointment (waiting or effort frustration, being misled distrust); plain praise by its domain noun;
  // negated complaints and bare facts are traps.
  it.each<[string, string[]]>([
    ['电池几个小时就没电了', ['disappointment']],
    ['屏幕用了一周就裂了', ['disappointment']],
    ['充电充不进去', ['disappointment']],
    ['快递一直没到', ['frustration']],
    ['衣服掉色严重', ['disappointment']],
    ['线头很多', ['disappointment']],
    ['公交车一直不来', ['frustration']],
    ['航班被取消了', ['disappointment']],
    ['手机发热很严重', ['disappointment']],
    ['耗电很快', ['disappointment']],
    ['耳机一边没声音', ['disappointment']],
    ['转账一直失败', ['frustration']],
    ['宽带经常断网', ['disappointment']],
    ['装宽带拖了一个星期', ['frustration']],
    ['出租车司机绕路', ['distrust']],
    ['鞋子穿了一周就开胶了', ['disappointment']],
    ['衣服起球', ['disappointment']],
    ['尺码偏大', ['disappointment']],
    ['广告太多', ['disappointment']],
    ['售后一直推脱', ['frustration']],
    ['电梯经常坏', ['disappointment']],
    ['鞋子磨脚', ['disappointment']],
    ['WiFi信号弱', ['disappointment']],
    ['屏幕有坏点', ['disappointment']],
    ['家里网络经常卡', ['frustration']],
    ['话费套餐乱改', ['distrust']],
    ['电池很耐用', ['satisfaction']],
    ['续航很好', ['satisfaction']],
    ['屏幕很清晰', ['satisfaction']],
    ['司机开得很稳', ['trust']],
    ['界面很简洁', ['ease']],
    ['外包装完好', ['satisfaction']],
    ['衣服很合身', ['satisfaction']],
    ['热水很足', ['satisfaction']],
    ['客服解释得很清楚', ['valued']],
    ['没有什么可挑剔的', ['satisfaction']],
    ['一点都不卡', ['ease']],
    ['房间里有电水壶', []],
    ['我点了一份米饭和一个汤', []],
    ['快递是周二到的', []],
    ['我们在酒店住了三晚', []],
    ['没什么问题', ['satisfaction']],
    ['我很清楚这件事', []],
    ['电脑很快就死机', ['frustration']],
    ['快递员送货上门', ['ease']],
    ['被子有味道', ['disappointment']],
    ['这道菜很有味道', []],
    ['床也很硬', ['disappointment']],
    ['利息算得不对', ['disappointment']],
    ['医院挂号要排一上午', ['frustration']],
    ['信号满格', ['satisfaction']],
    ['床垫软硬适中', ['satisfaction']],
    // A renewal the customer did not agree to is distrust, not commitment.
    ['会员自动续费了也没提醒', ['disappointment', 'distrust']],
    ['信号时有时无', ['disappointment']],
    ['衣服做工很精细', ['satisfaction']],
  ])('tags feedback %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });
});
