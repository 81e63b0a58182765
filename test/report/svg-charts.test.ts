import { describe, expect, it } from 'vitest';
import { oddsAxis, periodLabels, symmetricAxis } from '../../src/report/svg-charts.js';

describe('chart axes and labels', () => {
  it('an odds-ratio axis covers every point estimate in powers of ten, 0.1–10 at least, 0.001–1000 at most', () => {
    expect(oddsAxis([0.5, 2], '').ticks).toEqual([0.1, 1, 10]);
    expect(oddsAxis([0.058, 43.7], '').ticks).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(oddsAxis([1e-6, 1e6], '').ticks).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000]);
  });

  it('a symmetric axis covers the values and their intervals in round steps', () => {
    expect(symmetricAxis([-9.9, -12.2, 16.1], '', String).ticks).toEqual([-20, -10, 0, 10, 20]);
    expect(symmetricAxis([0.4], '', String).ticks).toEqual([-1, 0, 1]);
  });

  it.each([
    [6, 'monthly: all six fit', [0, 1, 2, 3, 4, 5]],
    [17, 'weekly: every few, the last always', [0, 4, 8, 12, 16]],
    [1, 'a single period', [0]],
  ])('period labels: %d periods (%s)', (n, _, expected) => {
    const labels = Array.from({ length: n }, (_, i) => (n > 6 ? `2025-W${String(i + 1).padStart(2, '0')}` : `2025-0${i + 1}`));
    const x = labels.map((_, i) => (n === 1 ? 50 : 11 + (79 * i) / (n - 1)));
    expect(periodLabels(labels, x)).toEqual(expected);
  });
});
