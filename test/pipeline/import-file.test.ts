import { describe, expect, it } from 'vitest';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { type ImportOptions, importFile } from '../../src/pipeline/import-file.js';
import { scoresImport } from '../../src/pipeline/scores-import.js';
import type { Database } from '../../src/store/database.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  invocation: 'test',
  source: 'default',
  columns: {},
  ...over,
});

const importFeedback = (db: Database, path: string, over: Partial<ImportOptions> = {}) =>
  importFile(db, path, feedbackImport, options(over));

const csv = (...lines: string[]) => `id,date,channel,nps,comment\n${lines.join('\n')}\n`;

const DUMP = csv(
  '1,2025-03-01,web,10,"Превзошли все ожидания, спасибо!"',
  '2,2025-03-02,app,2,Fick ringa tre gånger. Aldrig mer.',
  '3,2025-03-03,phone,9,客服很耐心，谢谢',
  '4,2025-03-04,store,0,Háromszor kellett felhívnom az ügyfélszolgálatot.',
  '5,2025-03-05,web,8,',
);

function ledger(db: Database) {
  return rows<Record<string, number | string>>(
    db,
    'SELECT status, rows_read, inserted, updated, unchanged, rejected FROM import_runs ORDER BY id',
  );
}

describe('importFile (feedback)', () => {
  it('imports every row, and a second import of the same dump changes nothing', async () => {
    const db = openTestDb(tmp.dir());
    const path = tmp.file('dump.csv', DUMP);
    const first = await importFeedback(db, path, { columns: { segments: ['channel'] } });
    const second = await importFeedback(db, path, { columns: { segments: ['channel'] } });
    expect(first.counts).toEqual({ read: 5, inserted: 5, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });
    expect(second.counts).toEqual({ read: 5, inserted: 0, updated: 0, unchanged: 5, rejected: 0, warnings: 0 });
    expect(rows(db, 'SELECT external_id, text, score, responded_at, segments FROM responses ORDER BY id')[0]).toEqual({
      external_id: '1',
      text: 'Превзошли все ожидания, спасибо!',
      score: 10,
      responded_at: '2025-03-01',
      segments: '{"channel":"web"}',
    });
    expect(ledger(db).map((r) => r['status'])).toEqual(['ok', 'ok']);
  });

  it('adds only new rows from an overlapping dump and updates changed ones', async () => {
    const db = openTestDb(tmp.dir());
    await importFeedback(db, tmp.file('monday.csv', DUMP));
    const tuesday = csv(
      '4,2025-03-04,store,0,Háromszor kellett felhívnom az ügyfélszolgálatot.',
      '5,2025-03-05,web,9,Végül minden rendben lett.',
      '6,2025-03-06,web,10,Love the new app!',
    );
    const outcome = await importFeedback(db, tmp.file('tuesday.csv', tuesday));
    expect(outcome.counts).toEqual({ read: 3, inserted: 1, updated: 1, unchanged: 1, rejected: 0, warnings: 0 });
    expect(rows(db, "SELECT score, text FROM responses WHERE external_id = '5'")).toEqual([
      { score: 9, text: 'Végül minden rendben lett.' },
    ]);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM responses')).toEqual([{ n: 6 }]);
  });

  it('keys rows by content when the file has no id column, so re-imports do not duplicate', async () => {
    const db = openTestDb(tmp.dir());
    const path = tmp.file('noid.csv', 'nps,comment\n10,Tack!\n3,Не советую\n10,Tack!\n');
    const first = await importFeedback(db, path);
    const second = await importFeedback(db, path);
    expect(first.counts).toMatchObject({ read: 3, inserted: 2, unchanged: 1 });
    expect(second.counts).toMatchObject({ read: 3, unchanged: 3 });
    expect(rows<{ external_id: string }>(db, 'SELECT external_id FROM responses')[0]?.external_id).toMatch(/^#[0-9a-f]{40}$/);
  });

  it('keeps sources apart: the same id from two systems is two responses', async () => {
    const db = openTestDb(tmp.dir());
    const path = tmp.file('dump.csv', DUMP);
    await importFeedback(db, path, { source: 'qualtrics' });
    const other = await importFeedback(db, path, { source: 'zendesk' });
    expect(other.counts.inserted).toBe(5);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM responses')).toEqual([{ n: 10 }]);
  });

  it.each([
    ['1,2025-03-01,web,11,Too much', 'R_SCORE', 'NPS answer 11 is outside 0–10'],
    ['1,2025-03-01,web,-1,Negative', 'R_SCORE', 'NPS answer -1 is outside 0–10'],
    ['1,2025-03-01,web,7.5,Half', 'R_SCORE', "NPS answer '7.5' is not a whole number"],
    ['1,2025-03-01,web,ten,Words', 'R_SCORE', "NPS answer 'ten' is not a number from 0 to 10"],
    ['1,2025-03-01,web,10/10,Slash', 'R_SCORE', "NPS answer '10/10' is not a number from 0 to 10"],
    ['1,2025-03-01,web,N/A,Not applicable', 'R_SCORE', "NPS answer 'N/A' is not a number from 0 to 10"],
    ['1,2025-03-01,web,,', 'R_EMPTY', 'the row has neither an NPS answer nor a comment'],
    [',2025-03-01,web,9,Nincs azonosító', 'R_ID_EMPTY', "the id column 'id' is empty"],
    ['1,2025-03-01,web', 'R_FIELD_COUNT', 'row has 3 fields but the header has 5'],
  ])('rejects %j with %s', async (line, code, reason) => {
    const db = openTestDb(tmp.dir());
    const outcome = await importFeedback(db, tmp.file('bad.csv', csv('9,2025-03-01,web,10,ok', line)));
    expect(outcome.status).toBe('rejects');
    expect(outcome.counts).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1, warnings: 0 });
    expect(rows(db, 'SELECT file, line, code, reason, raw FROM rejects')).toEqual([
      { file: expect.stringMatching(/bad\.csv$/), line: 3, code, reason, raw: line },
    ]);
  });

  it.each([
    ['1,31.02.2025,web,9,Дата кривая', '31.02.2025', "date '31.02.2025' is not in a recognised format; stored without a date"],
    ['1,2099-03-01,web,9,Future', '2099-03-01', 'date 2099-03-01 is in the future (after 2'],
  ])('keeps %j without its date, with a W_DATE warning', async (line, value, reason) => {
    const db = openTestDb(tmp.dir());
    const outcome = await importFeedback(db, tmp.file('dated.csv', csv('9,2025-03-01,web,10,ok', line)));
    expect(outcome.status).toBe('ok');
    expect(outcome.counts).toEqual({ read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, warnings: 1 });
    expect(rows(db, "SELECT score, text, responded_at FROM responses WHERE external_id = '1'")).toEqual([
      { score: 9, text: line.split(',')[4], responded_at: null },
    ]);
    expect(rows(db, 'SELECT line, code, reason, value FROM import_warnings')).toEqual([
      { line: 3, code: 'W_DATE', reason: expect.stringContaining(reason), value },
    ]);
    expect(rows(db, 'SELECT warnings FROM import_runs')).toEqual([{ warnings: 1 }]);
  });

  it('rejects the same id twice in one file with different content, keeping the first', async () => {
    const db = openTestDb(tmp.dir());
    const outcome = await importFeedback(db, tmp.file('dup.csv', csv('1,,,9,Första', '1,,,9,Första', '1,,,2,Andra')));
    expect(outcome.counts).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 1, rejected: 1, warnings: 0 });
    expect(rows(db, 'SELECT reason FROM rejects')).toEqual([
      { reason: "id '1' already appeared at line 3 of this import with different content" },
    ]);
    expect(rows(db, 'SELECT text FROM responses')).toEqual([{ text: 'Första' }]);
  });

  it('keeps the ledger invariant read = inserted + updated + unchanged + rejected across batches', async () => {
    const db = openTestDb(tmp.dir());
    const lines = Array.from({ length: 2500 }, (_, i) => `${i},2025-03-01,web,${i % 13},Kommentar ${i % 7}`);
    const outcome = await importFeedback(db, tmp.file('big.csv', csv(...lines)), { batchSize: 100 });
    const [run] = ledger(db);
    expect(run).toMatchObject({ rows_read: 2500, rejected: 2 * Math.floor(2500 / 13) + (2500 % 13 > 11 ? 1 : 0) });
    expect(Number(run!['rows_read'])).toBe(
      Number(run!['inserted']) + Number(run!['updated']) + Number(run!['unchanged']) + Number(run!['rejected']),
    );
    expect(outcome.counts.read).toBe(2500);
  });

  it('records a failed file in the ledger with the reason, keeping rows read before the failure', async () => {
    const db = openTestDb(tmp.dir());
    const good = Array.from({ length: 30 }, (_, i) => `${i},,,9,ok ${i}`).join('\n');
    const bytes = Buffer.concat([Buffer.from(csv(good)), Buffer.alloc(70_000, 'x'), Buffer.from([0xff, 0xfe, 0x0a])]);
    const outcome = await importFeedback(db, tmp.file('broken.csv', bytes), { batchSize: 10 });
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.code).toBe('E_ENCODING');
    expect(ledger(db)[0]).toMatchObject({ status: 'failed', rows_read: 30, inserted: 30 });
  });
});

describe('importFile (scores)', () => {
  it('links answers to responses by id, and keeps answers whose feedback comes later', async () => {
    const db = openTestDb(tmp.dir());
    await importFeedback(db, tmp.file('tickets.jsonl', [
      '{"id":"T-1","feedback":"Очень долго ждал ответа"}',
      '{"id":"T-2","feedback":"Supergott bemötande"}',
      '{"id":"T-3","feedback":"Inline answer wins","nps":"9"}',
    ].join('\n')));
    const scores = await importFile(db, tmp.file('scores.csv', 'id,nps\nT-1,3\nT-2,10\nT-3,1\nT-9,8\nT-4,\n'), scoresImport, options());
    expect(scores.counts).toEqual({ read: 5, inserted: 4, updated: 0, unchanged: 0, rejected: 1, warnings: 0, linked: 3 });
    expect(rows(db, 'SELECT external_id, score, score_origin FROM responses ORDER BY external_id')).toEqual([
      { external_id: 'T-1', score: 3, score_origin: 'scores-file' },
      { external_id: 'T-2', score: 10, score_origin: 'scores-file' },
      { external_id: 'T-3', score: 9, score_origin: 'inline' },
    ]);
    const late = await importFeedback(db, tmp.file('late.jsonl', '{"id":"T-9","feedback":"Köszönöm!"}\n'));
    expect(late.counts.inserted).toBe(1);
    expect(rows(db, "SELECT score, score_origin FROM responses WHERE external_id = 'T-9'")).toEqual([
      { score: 8, score_origin: 'scores-file' },
    ]);
    const again = await importFile(db, tmp.file('scores2.csv', 'id,nps\nT-1,3\nT-2,9\n'), scoresImport, options());
    expect(again.counts).toMatchObject({ read: 2, unchanged: 1, updated: 1 });
    expect(rows(db, "SELECT score FROM responses WHERE external_id = 'T-2'")).toEqual([{ score: 9 }]);
  });
});
