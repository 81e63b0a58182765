import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/analysis/mulberry32.js';
import { logGamma, poisson } from '../../src/analysis/poisson.js';

describe('poisson', () => {
  it.each([0.5, 3, 9.9, 10, 47, 1000, 250_000])('draws with mean and variance λ = %d (20,000 draws)', (lambda) => {
    const random = mulberry32(Math.round(lambda * 10));
    const draws = Array.from({ length: 20_000 }, () => poisson(lambda, random));
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1);
    // The mean's SE is √(λ/20000); allow 4 SEs. The variance's relative SE is about √(2/20000) = 1%.
    expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 20_000));
    expect(variance / lambda).toBeGreaterThan(0.95);
    expect(variance / lambda).toBeLessThan(1.05);
    expect(draws.every((d) => Number.isInteger(d) && d >= 0)).toBe(true);
  });

  it('matches the probability mass function at λ = 20 (PTRS), within 4 SEs per value', () => {
    const random = mulberry32(3);
    const n = 100_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = poisson(20, random);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (let k = 10; k <= 30; k++) {
      const p = Math.exp(-20 + k * Math.log(20) - logGamma(k + 1));
      expect(Math.abs((counts.get(k) ?? 0) / n - p), `k = ${k}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [10.5, 13.940625219403763],
    [171, 706.5730622457874],
  ])('logGamma(%d) = %d', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 10);
  });

  it('refuses a negative or infinite mean', () => {
    expect(() => poisson(-1, Math.random)).toThrow(RangeError);
    expect(() => poisson(Number.POSITIVE_INFINITY, Math.random)).toThrow(RangeError);
  });
});
