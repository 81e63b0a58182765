import { describe, expect, it } from 'vitest';
import { EmotionTagger } from '../../src/emotion/tagger.js';
import { LanguageDetector } from '../../src/language/detect-language.js';

const detector = new LanguageDetector();
const tagger = new EmotionTagger();
const tag = (text: string) => tagger.tag(text, detector.detect(text).segments);
const emotions = (text: string) => tag(text).emotions.map((e) => e.emotion).sort();

describe('EmotionTagger: the taxonomy in five languages', () => {
  it.each([
    ['eng', 'Thank you so much, you exceeded my expectations!', ['delight', 'gratitude']],
    ['eng', 'Had to call three times before anyone answered.', ['frustration']],
    ['eng', 'Total scam, hidden fees everywhere.', ['distrust']],
    ['rus', 'Спасибо, всё супер!', ['gratitude']],
    ['rus', 'Пришлось звонить три раза.', ['frustration']],
    ['rus', 'Обманули с ценой.', ['distrust']],
    ['swe', 'Tack för hjälpen!', ['gratitude']],
    ['swe', 'Jag är så besviken.', ['disappointment']],
    ['swe', 'Fick ringa flera gånger innan någon svarade.', ['frustration']],
    ['hun', 'Köszönöm szépen!', ['gratitude']],
    ['hun', 'Nagyon csalódott vagyok.', ['disappointment']],
    ['hun', 'Háromszor kellett felhívnom az ügyfélszolgálatot.', ['frustration']],
    ['cmn', '谢谢你们！', ['gratitude']],
    ['cmn', '太失望了', ['disappointment']],
    ['cmn', '打了三次电话都没人管', ['frustration']],
  ])('%s: %s', (_, text, expected) => {
    expect(emotions(text)).toEqual(expect.arrayContaining(expected));
  });
});

describe('EmotionTagger: negation flips to the opposite or removes', () => {
  it.each([
    ['I am not happy with the delivery.', 'disappointment', 'delight'],
    ["I wouldn't switch for anything.", 'commitment', 'defection'],
    ["Cancelled, and I won't be coming back.", 'defection', 'commitment'],
    ['Ни разу не подвели.', 'trust', 'distrust'],
    ['Jag gillade inte leveransen.', 'disappointment', 'satisfaction'],
    ['Nem jövök vissza többé.', 'defection', 'commitment'],
    ['一点都不方便', 'frustration', 'ease'],
  ])('%s → %s, not %s', (text, expected, absent) => {
    const found = emotions(text);
    expect(found).toContain(expected);
    expect(found).not.toContain(absent);
  });

  it.each([
    ['Не думаю, что вернусь к вам.', 'defection'],
    ['Nem mondanám, hogy könnyű volt lemondani a rendelést.', 'frustration'],
    ["I wouldn't say that it was easy.", 'frustration'],
    ['Jag tror inte att jag kommer tillbaka.', 'defection'],
  ])('a negated thinking or saying verb negates the clause it introduces: %s', (text, expected) => {
    expect(emotions(text)).toContain(expected);
  });

  it('removes an emotion without an opposite ("not angry"), and says so', () => {
    const result = tag("I'm not angry, just disappointed.");
    expect(result.emotions.map((e) => e.emotion)).toEqual(['disappointment']);
    expect(result.removed.map((e) => e.text)).toContain('angry');
  });

  it('does not negate across a clause boundary', () => {
    expect(emotions('Not the cheapest, but I love it.')).toContain('delight');
  });
});

describe('EmotionTagger: evidence', () => {
  it.each([
    'Fast delivery, but the courier was RUDE!!',
    'Доставка быстрая, но курьер хамил. Больше не закажу!',
    'Snabb leverans men kassan var otrevlig.',
    'A futár kedves volt, de a csomag sérült. Csalódott vagyok.',
    '送货很快，但是安装师傅态度很差',
    'Great hotel and friendly staff. Men frukosten var verkligen dålig och kaffet var kallt.',
  ])('points into the original text for %s', (text) => {
    const result = tag(text);
    expect(result.emotions.length).toBeGreaterThan(0);
    for (const e of result.emotions.flatMap((t) => t.evidence)) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(e.start, e.end)).toBe(e.text);
      if (e.negator) expect(text.slice(e.negator.start, e.negator.end)).toBe(e.negator.text);
    }
  });

  it('records the negator and the intensifier that changed a tag', () => {
    const [tag0] = tag('I was not really happy').emotions;
    expect(tag0?.emotion).toBe('disappointment');
    expect(tag0?.evidence[0]).toMatchObject({ flippedFrom: 'satisfaction', negator: { text: expect.stringContaining('not') } });
    expect(tag0?.evidence[0]?.intensifier?.factor).toBeLessThan(1); // "not really" softens
    const strong = tag('I am extremely disappointed').emotions[0]!.evidence[0]!;
    expect(strong.intensifier?.text).toBe('extremely');
  });

  it('weighs ALL CAPS and what follows a contrast marker more', () => {
    const caps = tag('The courier was RUDE').emotions[0]!.evidence[0]!;
    expect(caps.emphasis).toContain('caps');
    const after = tag('Nice shop, but the courier was rude').emotions.find((e) => e.emotion === 'anger')!.evidence[0]!;
    expect(after.emphasis).toContain('after contrast');
  });

  it('tags each segment of a mixed text in its own language', () => {
    const text = 'Great hotel and friendly staff. Men frukosten var verkligen dålig och kaffet var kallt.';
    const langs = new Set(tag(text).emotions.flatMap((e) => e.evidence.map((x) => x.lang)));
    expect(langs).toEqual(new Set(['eng', 'swe']));
  });

  it('does not tag texts in languages it does not support', () => {
    expect(tag('Ich bin sehr enttäuscht, nie wieder!').emotions).toEqual([]);
  });
});

describe('EmotionTagger: polarity baseline', () => {
  it.each([
    ['Great service, love it', 1],
    ['Terrible service, I hate it', -1],
    ['Отличный сервис', 1],
    ['Ужасный сервис', -1],
    ['Fantastisk service', 1],
    ['Katasztrofális kiszolgálás', -1],
    ['服务很好', 1],
    ['服务太差', -1],
  ])('%s has polarity sign %i', (text, sign) => {
    expect(Math.sign(tag(text).polarity)).toBe(sign);
  });
});
