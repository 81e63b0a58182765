import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_RAW_CHARS, MAX_RECORD_CHARS } from '../../src/ingest/limits.js';
import { openDatabase } from '../../src/store/open-database.js';
import { expectHealthy, type LedgerRow } from '../helpers/database-health.js';
import { rows } from '../helpers/open-test-db.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

interface Counts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

interface Case {
  /** A file in test/fixtures/bad/, or one written by `make` into the temp folder. */
  file: string;
  make?: (path: string) => void;
  args?: string[];
  exit: number;
  /** Fragments of stderr; FILE stands for the file's path. Empty: stderr must be empty. */
  stderr: string[];
  stdout?: string[];
  counts: Counts;
  /** `rejects` rows as [line, code]. */
  rejects?: [number, string][];
  /** `import_warnings` rows as [line, code]. */
  warnings?: [number, string][];
  status: string;
}

const counts = (read: number, inserted: number, unchanged: number, rejected: number): Counts => ({
  read,
  inserted,
  updated: 0,
  unchanged,
  rejected,
});

const GOOD_ROWS = [
  'g1,2025-03-01,10,"Превзошли все ожидания, спасибо!"',
  'g2,2025-03-02,3,Fick ringa tre gånger innan någon svarade.',
  'g3,2025-03-03,9,客服很耐心，谢谢',
  'g4,2025-03-04,0,Soha többé nem rendelek.',
  'g5,2025-03-05,8,"Fine, nothing special."',
];

/** Three JSON objects, the second with 6,000 levels of arrays in a field no column uses. */
function deepJsonLines(): string[] {
  const deep = `${'['.repeat(6000)}${']'.repeat(6000)}`;
  return [
    '{"id":"j1","nps":9,"comment":"Köszönöm, minden rendben volt."}',
    `{"id":"j2","nps":8,"comment":"Bra","junk":${deep}}`,
    '{"id":"j3","nps":3,"comment":"Доставка опоздала на неделю."}',
  ];
}

function deepJson(path: string): void {
  writeFileSync(path, `${deepJsonLines().join('\n')}\n`);
}

/** A comment of about 10 MB on one line, between good rows: a log pasted into the survey form. */
function hugeComment(path: string): void {
  const paste = 'Курьер опоздал, заказ 4711 потерян. '.repeat(160_000);
  const lines = ['id,date,nps,comment', GOOD_ROWS[0], `h1,2025-03-02,1,"${paste}"`, ...GOOD_ROWS.slice(1)];
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * A gzip bomb stand-in: good rows, then 64 gzip members of 16 MiB of spaces each — 1 MB on disk that
 * expands to over 1 GiB. Concatenated members are one valid gzip stream, so it is made in milliseconds.
 */
function gzipBomb(path: string): void {
  const filler = gzipSync(Buffer.alloc(16 * 1024 ** 2, ' '), { level: 9 });
  const head = gzipSync(`id,date,nps,comment\n${GOOD_ROWS.join('\n')}\n`);
  writeFileSync(path, Buffer.concat([head, ...Array.from({ length: 64 }, () => filler)]));
}

const CASES: Record<string, Case> = {
  'windows-1251 read as UTF-8': {
    file: 'windows-1251.csv',
    exit: 1,
    stderr: [
      '[E_ENCODING] FILE:2: invalid UTF-8 bytes',
      "hint: the bytes read as windows-1251 (Cyrillic: Russian), with words such as 'Превзошли', 'все', 'ожидания': pass --encoding windows-1251 (or --encoding auto)",
    ],
    counts: counts(0, 0, 0, 0),
    status: 'failed',
  },
  'windows-1251 with --encoding auto': {
    file: 'windows-1251.csv',
    args: ['--encoding', 'auto'],
    exit: 0,
    stderr: [],
    stdout: ['(csv, windows-1251): read 3 = inserted 3', 'encoding: windows-1251 chosen by --encoding auto: the bytes read as windows-1251'],
    counts: counts(3, 3, 0, 0),
    status: 'ok',
  },
  'windows-1251 with --encoding windows-1251': {
    file: 'windows-1251.csv',
    args: ['--encoding', 'windows-1251'],
    exit: 0,
    stderr: [],
    stdout: ['(csv, windows-1251): read 3 = inserted 3'],
    counts: counts(3, 3, 0, 0),
    status: 'ok',
  },
  'UTF-16 without BOM': {
    file: 'utf16le-no-bom.csv',
    exit: 1,
    stderr: ['[E_ENCODING] FILE: the file looks like UTF-16 LE without a byte-order mark', 'hint: pass --encoding utf-16le'],
    counts: counts(0, 0, 0, 0),
    status: 'failed',
  },
  'UTF-16 without BOM with --encoding utf-16le': {
    file: 'utf16le-no-bom.csv',
    args: ['--encoding', 'utf-16le'],
    exit: 0,
    stderr: [],
    stdout: ['(csv, utf-16le): read 5 = inserted 5'],
    counts: counts(5, 5, 0, 0),
    status: 'ok',
  },
  'ragged rows': {
    file: 'ragged.csv',
    exit: 3,
    stderr: [],
    stdout: ['see why: heartline rejects --run 1'],
    counts: counts(5, 3, 0, 2),
    rejects: [
      [3, 'R_FIELD_COUNT'],
      [4, 'R_FIELD_COUNT'],
    ],
    status: 'rejects',
  },
  'an unterminated quote': {
    file: 'unterminated-quote.csv',
    exit: 3,
    stderr: [],
    counts: counts(5, 4, 0, 1),
    rejects: [[4, 'R_QUOTE']],
    status: 'rejects',
  },
  'a quote closed only by a later row': {
    file: 'stray-quote.csv',
    exit: 3,
    stderr: [],
    counts: counts(5, 4, 0, 1),
    rejects: [[4, 'R_QUOTE']],
    status: 'rejects',
  },
  'NUL bytes inside rows': {
    file: 'nul-bytes.csv',
    exit: 3,
    stderr: [],
    counts: counts(5, 3, 0, 2),
    rejects: [
      [3, 'R_NUL'],
      [5, 'R_NUL'],
    ],
    status: 'rejects',
  },
  'a 10 MB comment': {
    file: 'huge-comment.csv',
    make: hugeComment,
    exit: 3,
    stderr: [],
    counts: counts(6, 5, 0, 1),
    rejects: [[3, 'R_TOO_LARGE']],
    status: 'rejects',
  },
  'an Excel workbook renamed .csv (read as Excel)': {
    file: 'excel-renamed.csv',
    exit: 0,
    stderr: [],
    stdout: ["(xlsx, sheet 'Sheet1'): read 1 = inserted 1"],
    counts: counts(1, 1, 0, 0),
    status: 'ok',
  },
  'an Excel workbook renamed .csv, read with --format csv': {
    file: 'excel-renamed.csv',
    args: ['--format', 'csv'],
    exit: 1,
    stderr: ['[E_FORMAT] FILE: the file is a ZIP archive (an Excel .xlsx', 'hint: leave out --format to read an .xlsx workbook as Excel'],
    counts: counts(0, 0, 0, 0),
    status: 'failed',
  },
  'an empty file': {
    file: 'empty.csv',
    exit: 0,
    stderr: [],
    stdout: ['note: the file is empty'],
    counts: counts(0, 0, 0, 0),
    status: 'ok',
  },
  'a header-only file': {
    file: 'header-only.csv',
    exit: 0,
    stderr: [],
    stdout: ['note: the file has a header line but no rows'],
    counts: counts(0, 0, 0, 0),
    status: 'ok',
  },
  'duplicate column names': {
    file: 'duplicate-columns.csv',
    exit: 0,
    stderr: [],
    stdout: ["note: duplicate column 'comment': the first is used; column 5 is read as 'comment (2)'"],
    counts: counts(5, 5, 0, 0),
    status: 'ok',
  },
  'no recognisable column': {
    file: 'missing-column.csv',
    exit: 2,
    stderr: [
      '[E_COLUMN] FILE: cannot find a comment column (--text-column) or a score column (--score-column)',
      'hint: the columns are: kood, päev, hinne, märkused; name them with the flags shown',
    ],
    counts: counts(0, 0, 0, 0),
    status: 'failed',
  },
  'Estonian column names named with flags': {
    file: 'missing-column.csv',
    args: ['--id-column', 'kood', '--date-column', 'päev', '--score-column', 'hinne', '--text-column', 'märkused'],
    exit: 0,
    stderr: [],
    counts: counts(3, 3, 0, 0),
    status: 'ok',
  },
  'NPS garbage': {
    file: 'nps-garbage.csv',
    exit: 3,
    stderr: [],
    counts: counts(10, 3, 0, 7),
    rejects: [3, 4, 5, 6, 7, 8, 9].map((line) => [line, 'R_SCORE']),
    status: 'rejects',
  },
  'dates in the future': {
    file: 'future-dates.csv',
    exit: 0,
    stderr: [],
    stdout: ['warning: 2 rows stored without a date: the date cannot be read (W_DATE)'],
    counts: counts(5, 5, 0, 0),
    warnings: [
      [3, 'W_DATE'],
      [5, 'W_DATE'],
    ],
    status: 'ok',
  },
  'dates that are day first or month first throughout': {
    file: 'ambiguous-dates.csv',
    exit: 2,
    stderr: [
      "[E_DATE] FILE: every date like '05/11/2026' (line 2) in the whole file can be read day first or month first; nothing was imported",
      'hint: say which: --date-format dd/MM/yyyy (day first: 05/11/2026 is 5 November 2026) or --date-format MM/dd/yyyy (month first: 11 May 2026)',
    ],
    counts: counts(0, 0, 0, 0),
    status: 'failed',
  },
  'ambiguous dates with --date-format dd/MM/yyyy': {
    file: 'ambiguous-dates.csv',
    args: ['--date-format', 'dd/MM/yyyy'],
    exit: 0,
    stderr: [],
    counts: counts(4, 4, 0, 0),
    status: 'ok',
  },
  'a JSON line nested 6,000 levels deep in a field nobody reads': {
    file: 'deep.jsonl',
    make: deepJson,
    exit: 3,
    stderr: [],
    counts: counts(3, 2, 0, 1),
    rejects: [[2, 'R_JSON']],
    status: 'rejects',
  },
  'a JSON array element nested 6,000 levels deep': {
    file: 'deep.json',
    make: (path) => writeFileSync(path, `[\n${deepJsonLines().join(',\n')}\n]\n`),
    exit: 3,
    stderr: [],
    counts: counts(3, 2, 0, 1),
    rejects: [[3, 'R_JSON']],
    status: 'rejects',
  },
  '100,000 duplicate column names': {
    file: 'duplicate-100k.csv',
    make: (path) => writeFileSync(path, `id,nps,comment${',extra'.repeat(99_997)}\n1,9,Tack!${','.repeat(99_997)}\n`),
    exit: 0,
    stderr: [],
    stdout: ["note: 99996 duplicate column names ('extra' ×99997): the first of each is used; column 5 is read as 'extra (2)', column 6 is read as 'extra (3)', column 7 is read as 'extra (4)', …\n"],
    counts: counts(1, 1, 0, 0),
    status: 'ok',
  },
  'more columns than Heartline reads': {
    file: 'wide.csv',
    make: (path) => writeFileSync(path, `id,nps,comment${Array.from({ length: 139_997 }, (_, i) => `,c${i}`).join('')}\n1,9,Tack!\n`),
    exit: 1,
    stderr: ["[E_FORMAT] FILE:1: the header has 140000 columns; Heartline reads at most 100000", "hint: check that the first line is a header and the delimiter ',' is right"],
    counts: counts(0, 0, 0, 0),
    status: 'failed',
  },
  'the same id twice with different content': {
    file: 'duplicate-id.csv',
    exit: 3,
    stderr: [],
    counts: counts(6, 4, 1, 1),
    rejects: [[4, 'R_DUPLICATE_ID']],
    status: 'rejects',
  },
  'invalid JSON lines among valid ones': {
    file: 'invalid-lines.jsonl',
    exit: 3,
    stderr: [],
    counts: counts(7, 3, 0, 4),
    rejects: [
      [2, 'R_JSON'],
      [3, 'R_JSON'],
      [4, 'R_NOT_OBJECT'],
      [8, 'R_JSON'],
    ],
    status: 'rejects',
  },
  'a CSV without its header row': {
    file: 'no-header.csv',
    exit: 2,
    stderr: [
      '[E_COLUMN] FILE: cannot find a comment column (--text-column) or a score column (--score-column)',
      'hint: the columns are: 17, 2025-03-01, anna.svensson@example.se, +46 70 123 45 67, 9, Tack för snabb hjälp!',
    ],
    counts: counts(0, 0, 0, 0),
    status: 'failed',
  },
  'ESC sequences and a line break in cells': {
    file: 'control-characters.csv',
    exit: 3,
    stderr: [],
    counts: counts(3, 2, 0, 1),
    rejects: [[5, 'R_SCORE']],
    status: 'rejects',
  },
  'a gzip bomb (1 GiB from 1 MB), default cap': {
    file: 'bomb.csv.gz',
    make: gzipBomb,
    exit: 1,
    stderr: ['[E_FORMAT] FILE: gzip input expands more than 100×', 'a zip bomb', 'hint: if the file is genuine, gunzip it'],
    counts: counts(6, 5, 0, 1),
    rejects: [[7, 'R_TOO_LARGE']],
    status: 'failed',
  },
  'a gzip bomb with --max-bytes': {
    file: 'bomb.csv.gz',
    make: gzipBomb,
    args: ['--max-bytes', '4000000'],
    exit: 1,
    stderr: ['[E_FORMAT] FILE: gzip input expands past 4000000 bytes (--max-bytes)', 'hint: if the file is genuine, raise the limit'],
    counts: counts(6, 5, 0, 1),
    rejects: [[7, 'R_TOO_LARGE']],
    status: 'failed',
  },
};

function inspect(db: string) {
  const handle = openDatabase(db);
  try {
    return {
      rejects: rows<{ run_id: number; line: number; code: string; raw: string }>(
        handle,
        'SELECT run_id, line, code, raw FROM rejects ORDER BY run_id, line',
      ),
      responses: rows<{ n: number; ids: number }>(handle, 'SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS ids FROM responses')[0]!,
      warnings: rows<{ line: number; code: string }>(handle, 'SELECT line, code FROM import_warnings WHERE run_id = 1 ORDER BY line'),
    };
  } finally {
    handle.close();
  }
}

const ledgerCounts = (r: LedgerRow): Counts => ({
  read: r.rows_read,
  inserted: r.inserted,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
});

describe('heartline run on hostile input (test/fixtures/bad/README.md)', () => {
  it.each(Object.entries(CASES))('%s', (_, c) => {
    const path = c.make ? join(tmp.dir(), c.file) : join(BAD, c.file);
    c.make?.(path);
    const db = join(tmp.dir(), 'h.db');
    const args = ['run', path, '--db', db, '--no-summary', '--workers', '0', ...(c.args ?? [])];
    const first = runCli(args, { env: { HEARTLINE_STATS: '1' } });
    const stderr = first.stderr.replace(/^heartline-stats .*\n/m, '');
    if (c.stderr.length === 0) expect(stderr).toBe('');
    for (const fragment of c.stderr) expect(stderr).toContain(fragment.replace('FILE', path));
    expect(stderr).not.toMatch(/internal error|\n\s+at /); // no stack traces
    for (const fragment of c.stdout ?? []) expect(first.stdout).toContain(fragment);
    expect(first.status).toBe(c.exit);
    // Memory stays flat whatever the file holds (the 10 MB comment, the 1 GiB bomb).
    const stats = JSON.parse(/heartline-stats (.*)/.exec(first.stderr)![1]!) as { maxRssKb: number };
    expect(stats.maxRssKb).toBeLessThan(400 * 1024);

    const once = { runs: expectHealthy(db), ...inspect(db) };
    expect(once.runs.map((r) => [r.status, ledgerCounts(r)])).toEqual([[c.status, c.counts]]);
    expect(once.rejects.map((r) => [r.line, r.code])).toEqual(c.rejects ?? []);
    expect(once.warnings.map((r) => [r.line, r.code])).toEqual(c.warnings ?? []);
    for (const r of once.rejects) expect(r.raw.length).toBeLessThanOrEqual(MAX_RAW_CHARS + 1);

    // The same file again: what was imported comes back unchanged, the same rows are rejected, nothing doubles.
    const second = runCli(args);
    expect(second.status).toBe(c.exit);
    // expectHealthy: integrity_check ok and rows_read = inserted + updated + unchanged + rejected on every run.
    const twice = { runs: expectHealthy(db), ...inspect(db) };
    const kept = c.counts.inserted + c.counts.updated + c.counts.unchanged;
    expect(ledgerCounts(twice.runs[1]!)).toEqual({ ...c.counts, inserted: 0, updated: 0, unchanged: kept });
    expect(twice.responses).toEqual({ n: c.counts.inserted, ids: c.counts.inserted });

  }, 60_000);

  it('keeps only the start of an oversized row in rejects, with the limit in the reason', () => {
    const path = join(tmp.dir(), 'huge-comment.csv');
    hugeComment(path);
    const db = join(tmp.dir(), 'h.db');
    runCli(['run', path, '--db', db, '--no-summary', '--workers', '0']);
    const listed = runCli(['rejects', '--db', db]);
    expect(listed.stdout).toContain(
      `${path}:3: R_TOO_LARGE: the row is longer than ${MAX_RECORD_CHARS} characters, the limit for one response; shorten or split it\n` +
        '    h1,2025-03-02,1,"Курьер опоздал, заказ 4711 потерян.',
    );
  }, 60_000);
});
