import { describe, expect, it } from 'vitest';
import { maskNoise } from '../../src/language/mask-noise.js';

describe('maskNoise', () => {
  it.each([
    ['Se https://lumenhome.se/a?b=1 nu', 'Se                            nu'],
    ['mejla info@lumenhome.se', 'mejla                  '],
    ['<b>Bra</b>', '   Bra    '],
    ['A &amp; B', 'A &     B'],
    ['Hej [NAME]!', 'Hej       !'],
    ['Заказ LH-2025-88412 пропал', 'Заказ               пропал'],
    ['订单#48213没到', '订单      没到'],
    ['@lumen_support help', '               help'],
    // Identifiers, files, paths and code carry no language.
    ['fontsize_dec', '            '],
    ['getUserById failed', '            failed'],
    ['NullPointerException again', '                     again'],
    ['see kvitto.pdf', 'see           '],
    ['java.lang.Error', '               '],
    ['this.state', '          '],
    ['log in /var/log/syslog', 'log in                '],
    ['console.log(err)', '                '],
    ['total = price*qty;', '                  '],
    ['#N/A', '    '],
    ['SELECT * FROM orders', '                    '],
  ])('%j → %j (same length)', (input, expected) => {
    expect(maskNoise(input)).toBe(expected);
    expect(maskNoise(input)).toHaveLength(input.length);
  });
});

describe('maskNoise leaves words alone', () => {
  it.each([
    'well-known and/or e-mail',
    'Bra service.Men dyr frakt',
    'Köszönöm szépen, minden rendben volt',
    'Доставка быстрая, курьер вежливый',
    'Great service. Will buy again!',
  ])('%j', (text) => {
    expect(maskNoise(text)).toBe(text);
  });
});
