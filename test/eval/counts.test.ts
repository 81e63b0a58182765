import { describe, expect, it } from 'vitest';
import { Counts } from '../../src/eval/counts.js';

const NEGATIVE = new Set(['disappointment', 'frustration', 'anger', 'distrust', 'defection', 'anxiety']);

describe('Counts', () => {
  it.each<[string, ((e: string) => boolean) | undefined, [number, number, number]]>([
    ['every emotion', undefined, [2, 2, 2]],
    ['the negative ones only', (e) => NEGATIVE.has(e), [1, 1, 1]],
    ['one emotion', (e) => e === 'defection', [0, 0, 1]],
  ])('%s: tp, fp, fn over two lines', (_, keep, [tp, fp, fn]) => {
    const c = new Counts();
    // "won't be back, the soup was cold": tagged commitment and disappointment
    c.add(new Set(['disappointment', 'defection']), new Set(['disappointment', 'commitment']), keep);
    // "fast delivery, friendly courier": tagged ease and frustration
    c.add(new Set(['ease', 'valued']), new Set(['ease', 'frustration']), keep);
    expect([c.tp, c.fp, c.fn]).toEqual([tp, fp, fn]);
    expect(c.support).toBe(tp + fn);
  });

  it('precision, recall and F1, and 0 rather than NaN when nothing was counted', () => {
    const c = new Counts();
    expect([c.precision, c.recall, c.f1]).toEqual([0, 0, 0]);
    c.tp = 3;
    c.fp = 1;
    c.fn = 3;
    expect(c.precision).toBe(0.75);
    expect(c.recall).toBe(0.5);
    expect(c.f1).toBeCloseTo(0.6, 12);
  });
});
