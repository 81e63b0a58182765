import { describe, expect, it } from 'vitest';
import { analyse, emotionsOf } from '../helpers/analyse.js';

const tag = (text: string) => analyse(text).tags;

describe('negation: a negated plain description of a defect is removed, not turned into praise', () => {
  it.each([
    ['swe', 'Det paketet som inte var utgånget går ut inom en månad.', 'utgånget'],
    ['rus', 'Суп был не холодный.', 'холодный'],
    ['eng', "The sleeves weren't too long.", 'too long'],
  ])('%s: %s', (_, text, words) => {
    const result = tag(text);
    expect(result.emotions.map((e) => e.emotion)).not.toContain('satisfaction');
    expect(result.removed.some((e) => e.text.includes(words) && e.negator !== undefined)).toBe(true);
  });

  it.each([
    ['swe', 'Jag har inte ångrat mitt köp.'],
    ['hun', 'A szoba nem volt koszos.'],
    ['rus', 'Товар не был повреждён.'],
  ])('%s: an evaluative word (in the polarity list) still turns into satisfaction: %s', (_, text) => {
    expect(emotionsOf(text)).toContain('satisfaction');
  });
});

describe('a later defection reverses an earlier habit: commitment before "but … never again" is not tagged', () => {
  it.each([
    ['eng', "I've been a loyal customer for years, but I'm switching to another bank."],
    ['rus', 'Я постоянный клиент много лет, но больше не приду.'],
    ['hun', 'Évek óta törzsvendég vagyok, de többet nem jövök.'],
    ['cmn', '锦江我已经入住很多次了，但是服务水平比较差，下次我是不会选择了。'],
  ])('%s: %s', (_, text) => {
    const found = emotionsOf(text);
    expect(found).toContain('defection');
    expect(found).not.toContain('commitment');
  });

  it.each([
    ['eng', 'I will definitely come back here. The place across the street? Never again.'],
    ['eng', 'Never again with my old bank, but I will definitely come back here.'],
  ])('without a contrast before the defection, or with commitment after it, both stay: %s %s', (_, text) => {
    expect(emotionsOf(text)).toEqual(expect.arrayContaining(['commitment', 'defection']));
  });
});

describe('a negated thinking/saying verb (raising.txt) negates the next clause of its own sentence only', () => {
  it('does not carry across a full stop', () => {
    const found = emotionsOf('Я не скажу. Теперь это наше любимое место.');
    expect(found).toContain('commitment');
    expect(found).not.toContain('defection');
  });

  it.each([
    ['rus', 'Не думаю, что вернусь.', 'defection'],
    ['hun', 'Nem mondanám, hogy könnyű volt.', 'frustration'],
  ])('%s: still negates across the comma: %s', (_, text, expected) => {
    expect(emotionsOf(text)).toContain(expected);
  });
});
