import { describe, expect, it } from 'vitest';
import { cholesky, choleskyInverse, choleskyLogDet, choleskySolve } from '../../src/analysis/matrix.js';

describe('cholesky', () => {
  it.each([
    // [[4,2],[2,3]] = L·Lᵀ with L = [[2,0],[1,√2]]; det = 8
    { a: [[4, 2], [2, 3]], lower: [[2, 0], [1, Math.SQRT2]], det: 8 },
    // the textbook 3×3 example: L = [[2,0,0],[6,1,0],[−8,5,3]]; det = (2·1·3)² = 36
    { a: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]], lower: [[2, 0, 0], [6, 1, 0], [-8, 5, 3]], det: 36 },
  ])('factors $a', ({ a, lower, det }) => {
    const factor = cholesky(a);
    expect(factor.jitter).toBe(0);
    factor.lower.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(lower[i]![j]!, 12)));
    expect(choleskyLogDet(factor)).toBeCloseTo(Math.log(det), 12);
  });

  it('solves and inverts', () => {
    // [[4,2],[2,3]]⁻¹ = ⅛·[[3,−2],[−2,4]]; times (2, 1) gives (0.5, 0)
    const factor = cholesky([[4, 2], [2, 3]]);
    const x = choleskySolve(factor, [2, 1]);
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
    const inverse = choleskyInverse(factor);
    [[3 / 8, -2 / 8], [-2 / 8, 4 / 8]].forEach((row, i) => row.forEach((v, j) => expect(inverse[i]![j]).toBeCloseTo(v, 12)));
  });

  it('adds a tiny jitter to a singular positive semi-definite matrix', () => {
    const factor = cholesky([[1, 1], [1, 1]]);
    expect(factor.jitter).toBeGreaterThan(0);
    expect(factor.jitter).toBeLessThan(1e-5);
  });

  it('refuses an indefinite matrix', () => {
    expect(() => cholesky([[1, 2], [2, 1]])).toThrow(/not positive definite/);
  });
});
