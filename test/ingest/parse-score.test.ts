import { describe, expect, it } from 'vitest';
import { parseScore } from '../../src/ingest/parse-score.js';

describe('parseScore', () => {
  it.each([
    [' 9 ', 9],
    ['9.0', 9],
    [9, 9],
    ['0', 0],
    ['10', 10],
    ['+7', 7],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseScore(input)).toBe(expected);
  });

  it.each([
    ['11', 'outside 0–10'],
    ['-1', 'outside 0–10'],
    ['7.5', 'not a whole number'],
    ['ten', 'not a number'],
    ['10/10', 'not a number'],
    ['N/A', 'not a number'],
    ['девять', 'not a number'],
    ['九', 'not a number'],
  ])('rejects %j (%s)', (input, reason) => {
    const result = parseScore(input);
    expect(result).toMatchObject({ code: 'R_SCORE' });
    expect((result as { reason: string }).reason).toContain(reason);
  });
});
