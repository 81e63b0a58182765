import { describe, expect, it } from 'vitest';
import { CellCounter } from '../../src/analysis/cell-counter.js';

describe('CellCounter', () => {
  it('counts identical (emotions, score, language) responses once, in order of first appearance', () => {
    const counter = new CellCounter();
    const responses: [number, number, number][] = [
      [0b101, 9, 0],
      [0b000, 3, 1],
      [0b101, 9, 0],
      [0b101, 9, 1],
      [1 << 30, 10, 2],
      [0b000, 3, 1],
      [0b101, 0, 0],
      [1 << 30, 10, 2],
    ];
    for (const [bits, score, language] of responses) counter.add(bits, score, language);
    expect(counter.cells).toEqual({
      bits: [0b101, 0, 0b101, 1 << 30, 0b101],
      score: [9, 3, 9, 10, 0],
      language: [0, 1, 1, 2, 0],
      count: [2, 2, 1, 2, 1],
      total: 8,
    });
  });
});
