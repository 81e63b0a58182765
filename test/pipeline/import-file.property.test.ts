import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slashOrder } from '../../src/ingest/parse-date.js';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { type FileOutcome, importFile } from '../../src/pipeline/import-file.js';
import { scoresImport } from '../../src/pipeline/scores-import.js';
import type { Database } from '../../src/store/database.js';
import { PgImportStore } from '../../src/store/pg/pg-import-store.js';
import { openPostgres } from '../../src/store/pg/postgres.js';
import { type Engine, postgresAvailable, useEngines } from '../helpers/engines.js';
import { fuzzRuns, fuzzTimeout } from '../helpers/fuzz-runs.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';

const engines = useEngines();

/**
 * The ledger invariant under fuzzed dumps: small CSV files with duplicate ids, garbage scores and dates,
 * missing fields and text in every script are imported, re-imported, imported changed, joined by a scores
 * file and re-imported again; after each import every run satisfies rows_read = inserted + updated +
 * unchanged + rejected, its counts match the rows in `responses`, `nps_scores` and `rejects`, and
 * (source, external_id) stays unique.
 */

/** Each run imports three files into a fresh SQLite file: a handful of runs is a few seconds. */
const RUNS = fuzzRuns(25);

const ALL_COLUMNS = ['id', 'nps', 'comment', 'date', 'channel'] as const;
type Column = (typeof ALL_COLUMNS)[number];
/** `cut` shortens a CSV row; `typed` writes a JSON row's numeric score as a number. */
type Row = Partial<Record<Column, string>> & { cut?: number; typed?: boolean };

const TEXTS = ['Спасибо, всё супер!', 'Не советую.', 'Tack för hjälpen!', 'Jag är inte nöjd', '谢谢你们！', '太失望了',
  'Köszönöm szépen!', 'Soha többé.', 'NOT happy!!!', 'Love it 😀', "I won't be coming back", 'ok', '',
  'quote " inside', 'a,b;c\td|e', 'line\nbreak', 'crlf\r\nbreak', '\uFEFFbom', '𝕏 👍🏽 ❤️', '{"ImportId":"x"}'];
const text = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
).map((s) => s.replaceAll('\0', '')); // NUL marks a binary or UTF-16 file: a reader test covers it
const id = fc.oneof(fc.constantFrom('1', '2', '3', ' 1 ', '', ' ', 'a', 'ж', '中'), fc.string({ maxLength: 3 }));
const score = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map(String),
  fc.constantFrom('', ' 9 ', '10.0', '-0', '11', '-1', '7.5', 'ten', 'N/A', '10/10', '1e1', '٣'),
);
const date = fc.oneof(
  fc.constantFrom('', '2025-03-01', '2025-03-01T10:22:00Z', '01.03.2025', '2025. 03. 01.', '3/1/2025 1:05 PM',
    '13/1/2025', '1/13/2025 9:00 AM', '2025-02-30', '31.02.2025', '2025-13-01', '13/13/2025', 'yesterday', '2025-03-01T25:00'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const row: fc.Arbitrary<Row> = fc.record(
  { id, nps: score, comment: text, date, channel: fc.constantFrom('web', 'app', ''), cut: fc.nat(6), typed: fc.boolean() },
  { requiredKeys: [] },
);
/** The header: any non-empty subset of the columns, in any order. */
const header = fc.shuffledSubarray([...ALL_COLUMNS], { minLength: 1 });

const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;

/** The fields a row is written with: `cut` drops trailing ones (a short row). */
function fieldsOf(columns: readonly Column[], r: Row): string[] {
  const fields = columns.map((c) => r[c] ?? '');
  return r.cut !== undefined && r.cut > 0 && r.cut < fields.length ? fields.slice(0, r.cut) : fields;
}

/** Every field quoted, so no row is an empty line. */
function toCsv(columns: readonly Column[], data: Row[]): string {
  const lines = [columns.join(','), ...data.map((r) => fieldsOf(columns, r).map(quote).join(','))];
  return `${lines.join('\n')}\n`;
}

/** JSON Lines: a missing field is a missing key. */
function toJsonLines(columns: readonly Column[], data: Row[]): string {
  const value = (r: Row, c: Column) => (c === 'nps' && r.typed && /^\d+$/.test(r[c]!) ? Number(r[c]) : r[c]);
  return data.map((r) => `${JSON.stringify(Object.fromEntries(columns.filter((c) => r[c] !== undefined).map((c) => [c, value(r, c)])))}\n`).join('');
}

interface Dump {
  format: 'csv' | 'jsonl';
  columns: readonly Column[];
  data: Row[];
}

/** The columns the reader will see: the CSV header, or the keys the JSON objects use. */
function present({ format, columns, data }: Dump): Column[] {
  return format === 'csv' ? [...columns] : columns.filter((c) => data.some((r) => r[c] !== undefined));
}

function write(dir: string, name: string, dump: Dump): string {
  const path = join(dir, `${name}.${dump.format}`);
  writeFileSync(path, dump.format === 'csv' ? toCsv(dump.columns, dump.data) : toJsonLines(dump.columns, dump.data));
  return path;
}

/** A third line whose filled cells are mostly `{"ImportId":…}` makes the file a Qualtrics export (read-csv.ts). */
function isQualtrics(columns: readonly Column[], data: Row[]): boolean {
  const third = data[1];
  if (!third) return false;
  const filled = fieldsOf(columns, third).map((v) => v.trim()).filter((v) => v !== '');
  return filled.length > 0 && filled.filter((v) => v.startsWith('{"ImportId":')).length >= filled.length / 2;
}

function checkLedger(db: Database): void {
  type Run = {
    id: number; kind: string; status: string; checksum: string | null;
    rows_read: number; inserted: number; updated: number; unchanged: number; rejected: number; warnings: number;
  };
  const runs = rows<Run>(db, 'SELECT id, kind, status, checksum, rows_read, inserted, updated, unchanged, rejected, warnings FROM import_runs');
  for (const run of runs) {
    expect(run.rows_read).toBe(run.inserted + run.updated + run.unchanged + run.rejected);
    // One reject per (source, file checksum, line): the latest run of a file holds all of its rejects, an
    // earlier run of the same bytes keeps only those the later one did not reject again.
    const [rejects] = rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM rejects WHERE run_id = ?', run.id);
    const latest = !runs.some((r) => r.id > run.id && r.checksum !== null && r.checksum === run.checksum);
    if (latest) expect(rejects!.n).toBe(run.rejected);
    else expect(rejects!.n).toBeLessThanOrEqual(run.rejected);
    // Rows kept without their date: one warning row each, counted in the ledger.
    const [warnings] = rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM import_warnings WHERE run_id = ?', run.id);
    expect(warnings!.n).toBe(run.warnings);
    // A run that failed (no usable column) read nothing; expectRead says which files may fail.
    expect(run.status).toBe(run.status === 'failed' ? 'failed' : run.rejected > 0 ? 'rejects' : 'ok');
  }
  const feedback = runs.filter((r) => r.kind === 'feedback');
  for (const run of feedback) {
    const [inserted] = rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM responses WHERE first_run_id = ?', run.id);
    expect(inserted!.n).toBe(run.inserted);
  }
  // Scores runs insert into nps_scores, one row per id.
  const [answers] = rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM nps_scores');
  expect(answers!.n).toBe(runs.filter((r) => r.kind === 'scores').reduce((n, r) => n + r.inserted, 0));
  const [repeated] = rows<{ n: number }>(
    db,
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM rejects j JOIN import_runs u ON u.id = j.run_id WHERE u.checksum IS NOT NULL
     GROUP BY u.source, u.checksum, j.line HAVING COUNT(*) > 1)`,
  );
  expect(repeated!.n).toBe(0);
  // The latest feedback run last read each response it inserted, updated or left unchanged (a repeated row
  // twice). A file of ids and answers alone is read as a scores file: there may be none.
  const latest = feedback.at(-1);
  if (latest) {
    const [last] = rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM responses WHERE last_run_id = ?', latest.id);
    expect(last!.n).toBeGreaterThanOrEqual(latest.inserted + latest.updated);
    expect(last!.n).toBeLessThanOrEqual(latest.inserted + latest.updated + latest.unchanged);
  }
  const [totals] = rows<{ responses: number; keys: number }>(
    db, 'SELECT COUNT(*) AS responses, COUNT(DISTINCT source || char(0) || external_id) AS keys FROM responses',
  );
  expect(totals!.keys).toBe(totals!.responses);
  expect(totals!.responses).toBe(feedback.reduce((n, r) => n + r.inserted, 0));
  // Stored evidence points into the stored text.
  const tags = rows<{ text: string; evidence: string }>(
    db, 'SELECT r.text, t.evidence FROM emotion_tags t JOIN responses r ON r.id = t.response_id',
  );
  for (const tag of tags) {
    for (const e of JSON.parse(tag.evidence) as { start: number; end: number; text: string }[]) {
      expect(e.end).toBeLessThanOrEqual(tag.text.length);
      expect(tag.text.slice(e.start, e.end)).toBe(e.text);
    }
  }
}

function expectRead(outcome: FileOutcome, dump: Dump): void {
  const columns = present(dump);
  if (columns.length > 0 && !columns.includes('comment') && !columns.includes('nps')) {
    // No comment and no score column: the file cannot be a feedback dump, and nothing is read.
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.code).toBe('E_COLUMN');
    expect(outcome.counts.read).toBe(0);
    return;
  }
  if (outcome.error?.code === 'E_DATE') {
    // Day first or month first throughout: stopped before any row. Only when some date is ambiguous and no
    // row that is read (not cut short) has a date that settles the order.
    const read = dump.data.filter((r) => dump.format === 'jsonl' || fieldsOf(dump.columns, r).length === dump.columns.length);
    expect(dump.data.some((r) => slashOrder(r.date ?? '') === 'ambiguous')).toBe(true);
    expect(read.some((r) => ['day-first', 'month-first'].includes(slashOrder(r.date ?? '') ?? ''))).toBe(false);
    expect(outcome.counts.read).toBe(0);
    return;
  }
  expect(outcome.error?.format()).toBeUndefined();
  // A Qualtrics export's two extra header rows are not data.
  const qualtrics = dump.format === 'csv' && isQualtrics(dump.columns, dump.data);
  expect(outcome.counts.read).toBe(qualtrics ? dump.data.length - 2 : dump.data.length);
}

const stored = (db: Database) =>
  rows(db, 'SELECT source, external_id, text, score, responded_at, segments, row_hash, language, polarity FROM responses ORDER BY id');

/**
 * Everything an import writes, engine-neutral (ids are the same on both engines: each starts at 1 and counts
 * up the same way): what the PostgreSQL store holds must equal what SQLite holds after the same imports.
 */
const EVERYTHING = [
  `SELECT id, source, external_id, text, score, score_origin, responded_at, segments, declared_language, row_hash, file, line,
     first_run_id, last_run_id, content_run_id, language, language_confidence, language_supported, language_segments, polarity, lexicon_version
   FROM responses ORDER BY id`,
  'SELECT response_id, emotion, score, evidence, lexicon_version FROM emotion_tags ORDER BY response_id, emotion',
  'SELECT source, external_id, score, run_id, last_run_id FROM nps_scores ORDER BY source, external_id',
  'SELECT run_id, file, line, code, reason, raw, imported_by FROM rejects ORDER BY run_id, line, id',
  'SELECT run_id, line, code, reason, value FROM import_warnings ORDER BY run_id, line, id',
  `SELECT response_id, replaced_by, content_run_id, absent, text, score, score_origin, responded_at, segments, row_hash, line, last_run_id,
     language, polarity, lexicon_version FROM response_versions ORDER BY response_id, replaced_by`,
  'SELECT source, external_id, replaced_by, absent, score, run_id FROM nps_score_versions ORDER BY source, external_id, replaced_by',
  'SELECT id, kind, status, rows_read, inserted, updated, unchanged, rejected, warnings, checksum FROM import_runs ORDER BY id',
];

/** Tags kept with a replaced version are JSON: compared parsed, not as text (number formatting differs). */
const VERSION_TAGS = 'SELECT response_id, replaced_by, tags FROM response_versions ORDER BY response_id, replaced_by';

async function everything(engine: Engine, db: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const sql of EVERYTHING) out.push(await engine.query(db, sql));
  out.push((await engine.query<{ tags: string | null }>(db, VERSION_TAGS)).map((r) => ({ ...r, tags: r.tags === null ? null : JSON.parse(r.tags) as unknown })));
  return out;
}

describe(`importFile keeps the ledger invariant on fuzzed dumps${postgresAvailable() ? ', and PostgreSQL stores what SQLite stores' : ''}`, () => {
  it('on a first import, a re-import of the same file and an import of a changed file', async () => {
    const dumps = fc.record({
      format: fc.constantFrom('csv', 'jsonl'),
      columns: header,
      data: fc.array(row, { maxLength: 12 }),
      changes: fc.array(fc.tuple(fc.nat(), row), { maxLength: 4 }),
      dropped: fc.array(fc.nat(), { maxLength: 3 }),
      added: fc.array(row, { maxLength: 3 }),
      batchSize: fc.integer({ min: 1, max: 5 }),
      scores: fc.array(fc.tuple(id, score), { maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(dumps, async ({ format, columns, data, changes, dropped, added, batchSize, scores }) => {
        const dir = mkdtempSync(join(tmpdir(), 'heartline-fuzz-'));
        const db = openTestDb(dir);
        // With a PostgreSQL server at hand, every import also goes to a PostgreSQL database, and both must agree.
        const [, postgres] = engines;
        const url = postgres ? await postgres.fresh(dir) : undefined;
        const pg = url ? await openPostgres(url) : undefined;
        const twin = pg ? new PgImportStore(pg) : undefined;
        const importBoth: typeof importFile = async (target, path, kind, opts) => {
          const outcome = await importFile(target, path, kind, opts);
          if (twin) {
            const other = await importFile(twin, path, kind, opts);
            expect({ status: other.status, counts: other.counts, error: other.error?.code }).toEqual({ status: outcome.status, counts: outcome.counts, error: outcome.error?.code });
          }
          return outcome;
        };
        const options = (dump: Dump) => ({
          invocation: 'fuzz',
          source: 'fuzz',
          columns: { segments: present(dump).includes('channel') ? ['channel'] : [] },
          batchSize,
        });
        try {
          const dump: Dump = { format, columns, data };
          const file = write(dir, 'dump', dump);
          const first = await importBoth(db, file, feedbackImport, options(dump));
          expectRead(first, dump);
          checkLedger(db);
          const before = stored(db);

          const again = await importBoth(db, file, feedbackImport, options(dump));
          expectRead(again, dump);
          checkLedger(db);
          if (first.status !== 'failed') {
            // The same file again changes nothing: what was stored stays, what was rejected is rejected again.
            const { inserted, updated, unchanged } = first.counts;
            expect(again.counts).toEqual({ ...first.counts, inserted: 0, updated: 0, unchanged: inserted + updated + unchanged });
          }
          expect(stored(db)).toEqual(before);

          const at = (n: number) => n % Math.max(1, data.length);
          const changed = data.map((r, i) => changes.find(([n]) => at(n) === i)?.[1] ?? r);
          const next: Dump = { format, columns, data: [...changed.filter((_, i) => !dropped.some((n) => at(n) === i)), ...added] };
          const file2 = write(dir, 'dump-2', next);
          const changedRun = await importBoth(db, file2, feedbackImport, options(next));
          expectRead(changedRun, next);
          checkLedger(db);

          // NPS answers delivered apart, then the changed file once more: it still changes nothing.
          const scoresFile = join(dir, 'scores.csv');
          writeFileSync(scoresFile, `id,score\n${scores.map((r) => r.map(quote).join(',')).join('\n')}\n`);
          const answers = await importBoth(db, scoresFile, scoresImport, { invocation: 'fuzz', source: 'fuzz', columns: {}, batchSize });
          expect(answers.error?.format()).toBeUndefined();
          expect(answers.counts.read).toBe(scores.length);
          checkLedger(db);
          const last = await importBoth(db, file2, feedbackImport, options(next));
          checkLedger(db);
          // A file of ids and answers alone is read as a scores file: its answers and those of scores.csv take
          // turns in nps_scores, as two scores files do.
          const diverted = present(next).every((c) => c === 'id' || c === 'nps') && present(next).length === 2;
          if (changedRun.status !== 'failed' && !diverted) {
            expect(last.counts).toMatchObject({ read: changedRun.counts.read, inserted: 0, updated: 0, rejected: changedRun.counts.rejected });
          }
          if (postgres && url) expect(await everything(postgres, url)).toEqual(await everything(engines[0]!, db.name));
        } finally {
          db.close();
          await pg?.close();
          if (postgres && url) await postgres.drop(url);
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  }, fuzzTimeout(120_000));
});

describe('regressions found while fuzzing', () => {
  it('a JSON key named like an Object member (toString) that some objects lack reads as empty, not as a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heartline-fuzz-'));
    const db = openTestDb(dir);
    try {
      const file = join(dir, 'dump.jsonl');
      writeFileSync(file, '{"id":"1","nps":9,"comment":"Tack!","toString":"web"}\n{"id":"2","nps":3,"comment":"Nem jó."}\n');
      const outcome = await importFile(db, file, feedbackImport, { invocation: 'fuzz', source: 'fuzz', columns: { segments: ['toString'] } });
      expect(outcome.counts).toEqual({ read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });
      expect(stored(db).map((r) => r['segments'])).toEqual(['{"tostring":"web"}', '{"tostring":""}']);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
