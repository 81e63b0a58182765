import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/analysis/mulberry32.js';

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = mulberry32(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('is uniform on [0, 1): mean ½ and variance 1/12 over 100,000 draws', () => {
    const random = mulberry32(1);
    const draws = Array.from({ length: 100_000 }, () => random());
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    // SE of the mean is √(1/12/1e5) ≈ 0.0009; allow 5 SE.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });
});
