import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/ingest/parse-date.js';

describe('parseDate', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025-03-01T10:22:11Z', '2025-03-01T10:22:11Z'],
    ['2025-03-01T10:22:11.123+0100', '2025-03-01T10:22:11+01:00'],
    ['2025-03-01 10:22', '2025-03-01T10:22:00'],
    ['2025-03-01 10:22:11', '2025-03-01T10:22:11'],
    ['01.03.2025', '2025-03-01'],
    ['1.3.2025 9:05', '2025-03-01T09:05:00'],
    ['2025. 03. 01.', '2025-03-01'],
    ['3/1/2025', '2025-03-01'],
    ['12/31/2025 11:59 PM', '2025-12-31T23:59:00'],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['31.02.2025', '2025-13-01', '25/3/2025', 'yesterday', 'вчера', '2025-03-01 25:00', '03/2025'])(
    'rejects %j instead of guessing',
    (input) => {
      expect(parseDate(input)).toMatchObject({ code: 'R_DATE' });
    },
  );

  it.each([
    ['25/03/2025', 'dd/MM/yyyy', '2025-03-25'],
    ['2025/03/25 14:30', 'yyyy/MM/dd HH:mm', '2025-03-25T14:30:00'],
  ])('reads %j with --date-format %j', (input, pattern, expected) => {
    expect(parseDate(input, pattern)).toBe(expected);
  });

  it('rejects a date that does not fit --date-format', () => {
    expect(parseDate('2025-03-25', 'dd/MM/yyyy')).toMatchObject({ code: 'R_DATE' });
  });
});
