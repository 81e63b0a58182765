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
  ])('%j → %j (same length)', (input, expected) => {
    expect(maskNoise(input)).toBe(expected);
    expect(maskNoise(input)).toHaveLength(input.length);
  });
});
