import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, twoSidedP } from '../../src/analysis/normal.js';

// Reference values: 0.5·erfc(−z/√2) from the C library (Python math.erfc), and standard tables.
describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1.96, 0.9750021048517795],
    [-1, 0.15865525393145707],
    [0.5, 0.6914624612740131],
    [-3, 0.0013498980316300957],
    [5.6, 0.9999999892824097],
    [-5.7, 5.990371401063533e-9],
    [-10, 7.619853024160593e-24],
    [-20, 2.7536241186063314e-89],
  ])('Φ(%d) = %d to 1e-12 relative', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected) / expected).toBeLessThan(1e-12);
  });

  it('is NaN for NaN and saturates at ±Infinity', () => {
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.05, -1.6448536269514722],
    [0.9, 1.2815515655446004],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%d) = %d', (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 12);
  });

  // Not far into the upper tail: there Φ(z) = 1 − ε keeps too few digits of ε to invert.
  it.each([-30, -8, -5, -2.5, -1, -0.3, 0.1, 0.7, 1.5, 3])('inverts normalCdf at z = %d', (z) => {
    expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 9);
  });

  it.each([
    [0, Number.NEGATIVE_INFINITY],
    [1, Number.POSITIVE_INFINITY],
    [-0.1, Number.NaN],
    [1.1, Number.NaN],
    [Number.NaN, Number.NaN],
  ])('edge p = %d gives %d', (p, expected) => {
    expect(normalQuantile(p)).toBe(expected);
  });
});

describe('twoSidedP', () => {
  it.each([
    [0, 1],
    [1.96, 0.04999579029644087],
    [-1.96, 0.04999579029644087],
    [30 / 11, 0.006386023282707063],
  ])('p(|Z| ≥ |%d|) = %d', (z, expected) => {
    expect(twoSidedP(z)).toBeCloseTo(expected, 14);
  });

  it('passes NaN through', () => {
    expect(twoSidedP(Number.NaN)).toBeNaN();
  });
});
