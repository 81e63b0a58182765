import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/emotion/lexicon.js';
import { REGISTRY } from '../../src/lang/registry.js';
import { russian } from '../../src/lang/rus/language.js';
import { analyse, emotionsOf, langOf } from '../helpers/analyse.js';

describe('Russian (rus)', () => {
  it.each([['rus'], ['ru'], ['ru-RU'], ['RU']])('is the language the tag %s names', (tag) => {
    expect(REGISTRY.fromTag(tag)).toBe(russian);
    expect(REGISTRY.nameOf('rus')).toBe('Russian');
  });

  it.each([
    ['доставка', 'доставки', 'доставку'],
    ['довольна', 'довольны', 'довольный'],
    ['вернусь', 'вернёмся', 'вернусь'],
  ])('stems %s, %s and %s alike', (...words) => {
    expect(new Set(words.map((w) => russian.stem!(normalise(w, russian)))).size).toBe(1);
  });

  it.each([
    ['Всё', 'все'],
    ['ЕЩЁ', 'еще'],
    ['Ёлка', 'елка'],
  ])('compares %s as %s (ё is usually written е)', (text, expected) => {
    expect(normalise(text, russian)).toBe(expected);
  });

  it('tags ё and е spellings alike, by the same lexicon entries', () => {
    const entries = (text: string) => analyse(text).tags.emotions.map((e) => [e.emotion, e.score, e.evidence.map((x) => x.source)]);
    expect(entries('Всё отлично, ещё придём')).toEqual(entries('Все отлично, еще придем'));
    expect(entries('Всё отлично, ещё придём').length).toBeGreaterThan(0);
  });

  it.each([
    ['Спасибо, всё супер!', 'rus'],
    ['не советую', 'rus'],
    ['Доставку задержали на неделю', 'rus'],
    // Letters Russian lacks, and Bulgarian's vowel ъ, name the neighbour instead.
    ['Доставка затрималася на тиждень, і ніхто не відповідає.', 'ukr'],
    ['Съм много доволна', 'bul'],
  ])('detects %s as %s', (text, expected) => {
    expect(langOf(text)).toBe(expected);
  });

  it.each([
    ['Не понравилось обслуживание.', ['disappointment']],
    ['Доставку задержали на неделю', ['frustration']],
    ['Ни разу не подвели.', ['trust']],
    // A negated thinking verb carries the negation into the clause it introduces.
    ['Не думаю, что вернусь к вам.', ['defection']],
  ])('tags %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });
});
