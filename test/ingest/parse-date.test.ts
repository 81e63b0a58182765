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
    ['12/31/2025 11:59 PM', '2025-12-31T23:59:00'],
    ['25/3/2025', '2025-03-25'],
    ['13-11-2026', '2026-11-13'],
    ['2026/11/05', '2026-11-05'],
    ['2026年11月5日', '2026-11-05'],
    ['2026年11月5日 14:30', '2026-11-05T14:30:00'],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['31.02.2025', '2025-13-01', '13/13/2025', 'yesterday', 'вчера', '2025-03-01 25:00', '03/2025', '05/11/2026'])(
    'rejects %j instead of guessing',
    (input) => {
      expect(parseDate(input)).toMatchObject({ code: 'R_DATE' });
    },
  );

  it.each([
    ['25/03/2025', 'dd/MM/yyyy', '2025-03-25'],
    ['2025/03/25 14:30', 'yyyy/MM/dd HH:mm', '2025-03-25T14:30:00'],
  ])('reads %j with --date-format %j', (input, pattern, expected) => {
    expect(parseDate(input, { pattern })).toBe(expected);
  });

  it('rejects a date that does not fit --date-format', () => {
    expect(parseDate('2025-03-25', { pattern: 'dd/MM/yyyy' })).toMatchObject({ code: 'R_DATE' });
  });

  it.each([
    ['05/11/2026', 'day-first', '2026-11-05'],
    ['05/11/2026', 'month-first', '2026-05-11'],
    ['5/11/2026 9:05 PM', 'month-first', '2026-05-11T21:05:00'],
    ['12/11/2026', 'day-first', '2026-11-12'],
  ] as const)('reads %j %s once the column settled the order', (input, order, expected) => {
    expect(parseDate(input, { order })).toBe(expected);
  });

  it('rejects a date that contradicts the order its column settled', () => {
    expect(parseDate('11/13/2026', { order: 'day-first' })).toMatchObject({ code: 'R_DATE', reason: expect.stringContaining('dd/MM/yyyy') });
  });

  it('says how to settle an ambiguous date', () => {
    expect(parseDate('05/11/2026')).toEqual({
      code: 'R_DATE',
      reason: "date '05/11/2026' can be read day first or month first; pass --date-format dd/MM/yyyy or MM/dd/yyyy",
    });
  });

  it.each([
    [46000, 'excel-serial', '2025-12-09'],
    [46000.5, 'excel-serial', '2025-12-09T12:00:00'],
    [44538, 'excel-serial-1904', '2025-12-09'],
    [1767225600, 'epoch', '2026-01-01T00:00:00Z'],
    [1767225600000, 'epoch', '2026-01-01T00:00:00Z'],
    ['46000', 'excel-serial', '2025-12-09'],
  ] as const)('reads the number %j as %s', (input, numbers, expected) => {
    expect(parseDate(input, { numbers })).toBe(expected);
  });

  it('reads no bare number as a date where numbers are not dates (CSV)', () => {
    expect(parseDate('46000')).toMatchObject({ code: 'R_DATE' });
  });
});
