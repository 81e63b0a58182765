import { describe, expect, it } from 'vitest';
import { HeartlineError } from '../../src/errors.js';
import { settleDateOrder } from '../../src/ingest/settle-date-order.js';
import type { SourceRecord } from '../../src/ingest/table.js';

const record = (line: number, date: string): SourceRecord => ({ line, raw: date, size: date.length, fields: { date } });

async function* from(records: SourceRecord[], failAfter?: Error): AsyncGenerator<SourceRecord> {
  yield* records;
  if (failAfter) throw failAfter;
}

async function all(records: AsyncIterable<SourceRecord>): Promise<number[]> {
  const lines: number[] = [];
  for await (const r of records) lines.push(r.line);
  return lines;
}

describe('settleDateOrder', () => {
  it.each([
    [['05/11/2026', '12/11/2026', '13/11/2026'], { order: 'day-first', line: 4, example: '13/11/2026' }],
    [['05/11/2026', '05/13/2026 9:00 AM'], { order: 'month-first', line: 3, example: '05/13/2026 9:00 AM' }],
    [['2026-11-05', '05.11.2026', ''], undefined],
  ])('decides %j from the whole column, handing on every row', async (dates, decision) => {
    const records = dates.map((d, i) => record(i + 2, d));
    const settled = await settleDateOrder(from(records), 'date', { file: 'f.csv' });
    expect(settled.decision).toEqual(decision);
    expect(await all(settled.records)).toEqual(records.map((r) => r.line));
  });

  it('stops before any row when the column is ambiguous to its end', async () => {
    const error = await settleDateOrder(from([record(2, '05/11/2026'), record(3, '2026-11-06')]), 'date', { file: 'f.csv' }).catch((e: unknown) => e);
    expect((error as HeartlineError).code).toBe('E_DATE');
  });

  it('hands on the rows read before the file failed, then the failure', async () => {
    const broken = new Error('bad bytes');
    const settled = await settleDateOrder(from([record(2, '05/11/2026'), record(3, '06/11/2026')], broken), 'date', { file: 'f.csv' });
    const lines: number[] = [];
    await expect(async () => {
      for await (const r of settled.records) lines.push(r.line);
    }).rejects.toThrow('bad bytes');
    expect(lines).toEqual([2, 3]);
  });
});
