import { describe, expect, it } from 'vitest';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { type ImportOptions, importFile } from '../../src/pipeline/import-file.js';
import type { Database } from '../../src/store/database.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

/**
 * Issue #11, item 1: a column the file does not have is "not supplied" and never overwrites what the
 * database holds; an empty cell in a column the file has is a real change, counted as `updated`.
 */
const tmp = useTempDir();

const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  invocation: 'test',
  source: 'helpdesk',
  columns: { segments: ['channel', 'market'] },
  ...over,
});

/** The first import: every column a response has, in five languages. */
const FULL = [
  'id,date,channel,market,language,nps,comment',
  'T-1,2025-03-01,web,RU,ru,2,"Ужасная поддержка, ждал ответа три дня."',
  'T-2,2025-03-02,app,SE,sv,10,Fantastisk service och snabb leverans!',
  'T-3,2025-03-03,phone,CN,zh,9,客服很耐心，谢谢',
  'T-4,2025-03-04,store,HU,hu,0,Soha többé nem rendelek tőletek.',
  'T-5,2025-03-05,web,GB,en,8,"Great app, I love the new design."',
].join('\n');

interface Stored {
  external_id: string;
  text: string;
  score: number | null;
  score_origin: string | null;
  responded_at: string | null;
  segments: string;
  declared_language: string | null;
  language: string | null;
  lexicon_version: string | null;
  tags: number;
}

function stored(db: Database): Stored[] {
  return rows<Stored>(
    db,
    `SELECT external_id, text, score, score_origin, responded_at, segments, declared_language, language, lexicon_version,
            (SELECT COUNT(*) FROM emotion_tags t WHERE t.response_id = r.id) AS tags
     FROM responses r ORDER BY external_id`,
  );
}

async function importAfterFull(second: string, over: Partial<ImportOptions> = {}) {
  const db = openTestDb(tmp.dir());
  await importFile(db, tmp.file('full.csv', FULL), feedbackImport, options());
  const before = stored(db);
  expect(before.every((r) => r.text !== '' && r.tags > 0 && r.lexicon_version !== null)).toBe(true);
  const outcome = await importFile(db, tmp.file('second.csv', second), feedbackImport, options(over));
  return { db, before, after: stored(db), outcome };
}

describe('a column the file does not have never overwrites what is stored', () => {
  it('a scores file (ids and answers only) given to run is read as import-scores reads it, with a note', async () => {
    const { db, before, after, outcome } = await importAfterFull('id,nps\nT-1,3\nT-2,10\nT-9,7\n', { columns: {} });
    expect(outcome.notes).toContain(
      'no comment, date or segment column: read as NPS answers by id, as `heartline import-scores` does (comments already stored are kept)',
    );
    expect(outcome.counts).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, warnings: 0, linked: 2 });
    // Every comment, tag, date, segment and language stays; an answer in the feedback row itself wins.
    expect(after).toEqual(before);
    expect(rows(db, 'SELECT external_id, score FROM nps_scores ORDER BY external_id')).toEqual([
      { external_id: 'T-1', score: 3 },
      { external_id: 'T-2', score: 10 },
      { external_id: 'T-9', score: 7 },
    ]);
    expect(rows(db, 'SELECT kind FROM import_runs ORDER BY id')).toEqual([{ kind: 'feedback' }, { kind: 'scores' }]);
  });

  it('answers and dates without a comment column update those, keeping comments, tags and segments', async () => {
    const { before, after, outcome } = await importAfterFull('id,date,nps\nT-1,2025-04-01,6\nT-2,2025-03-02,10\n', { columns: {} });
    expect(outcome.notes).toEqual([]);
    expect(outcome.counts).toEqual({ read: 2, inserted: 0, updated: 1, unchanged: 1, rejected: 0, warnings: 0 });
    expect(after[0]).toEqual({ ...before[0], score: 6, responded_at: '2025-04-01' });
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('comments without a score, date or language column keep those', async () => {
    const { before, after, outcome } = await importAfterFull(
      'id,comment\nT-3,客服很耐心，谢谢\nT-4,"Végül minden rendben lett, köszönöm!"\n',
      { columns: {} },
    );
    expect(outcome.counts).toEqual({ read: 2, inserted: 0, updated: 1, unchanged: 1, rejected: 0, warnings: 0 });
    expect(after[2]).toEqual(before[2]);
    expect(after[3]).toMatchObject({
      ...before[3],
      text: 'Végül minden rendben lett, köszönöm!',
      tags: expect.any(Number),
    });
    expect(after[3]!.score).toBe(0);
    expect(after[3]!.responded_at).toBe('2025-03-04');
    expect(after[3]!.declared_language).toBe('hu');
  });

  it('a segment column not named keeps its values; the named one changes', async () => {
    const second = 'id,channel,comment\nT-5,app,"Great app, I love the new design."\n';
    const { before, after, outcome } = await importAfterFull(second, { columns: { segments: ['channel'] } });
    expect(outcome.counts).toMatchObject({ read: 1, updated: 1 });
    expect(after[4]).toEqual({ ...before[4], segments: '{"channel":"app","market":"GB"}' });
  });

  it('supplying the stored values again is unchanged', async () => {
    const second = 'id,nps,comment\nT-1,2,"Ужасная поддержка, ждал ответа три дня."\nT-2,10,Fantastisk service och snabb leverans!\n';
    const { before, after, outcome } = await importAfterFull(second, { columns: {} });
    expect(outcome.counts).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0, warnings: 0 });
    expect(after).toEqual(before);
  });

  it('an empty cell in a column the file has is a real change, and counted', async () => {
    const { before, after, outcome } = await importAfterFull('id,nps,comment\nT-2,10,\nT-3,,客服很耐心，谢谢\n', { columns: {} });
    expect(outcome.counts).toEqual({ read: 2, inserted: 0, updated: 2, unchanged: 0, rejected: 0, warnings: 0 });
    expect(after[1]).toMatchObject({ text: '', score: 10, tags: 0, responded_at: before[1]!.responded_at });
    expect(after[2]).toMatchObject({ text: before[2]!.text, score: null, score_origin: null, tags: before[2]!.tags });
  });

  it('a date that cannot be read (W_DATE) leaves the stored date alone', async () => {
    const second = 'id,date,nps,comment\nT-1,someday,2,"Ужасная поддержка, ждал ответа три дня."\n';
    const { before, after, outcome } = await importAfterFull(second, { columns: {} });
    expect(outcome.counts).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0, warnings: 1 });
    expect(after).toEqual(before);
  });

  it('a scores file in JSON Lines is diverted too; a file with a date column is not', async () => {
    const jsonl = await importAfterFull('{"id":"T-1","nps":4}\n', { columns: {}, format: 'jsonl' });
    expect(jsonl.outcome.counts).toMatchObject({ read: 1, inserted: 1, linked: 1 });
    expect(jsonl.after).toEqual(jsonl.before);
    const dated = await importAfterFull('id,nps,date\nT-9,4,2025-03-09\n', { columns: {} });
    expect(dated.outcome.notes).toEqual([]);
    expect(dated.after.at(-1)).toMatchObject({ external_id: 'T-9', text: '', score: 4, responded_at: '2025-03-09' });
  });
});
