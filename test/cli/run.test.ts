import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { rows } from '../helpers/open-test-db.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

const GOOD = [
  'response_id,submitted_at,channel,nps,comment',
  '1,2025-03-01,web,10,"Превзошли ожидания, спасибо!"',
  '2,2025-03-02,app,3,Fick ringa tre gånger innan någon svarade.',
  '3,2025-03-03,phone,9,客服很耐心，谢谢',
  '4,2025-03-04,store,0,Soha többé.',
  '5,2025-03-05,web,8,Fine.',
].join('\n');

describe('heartline run', () => {
  it('imports a dump, prints the ledger line and the summary, and exits 0', () => {
    const file = tmp.file('good.csv', GOOD);
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', file, '--db', db, '--segment-column', 'channel']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        `${file} (csv, utf-8): read 5 = inserted 5 + updated 0 + unchanged 0 + rejected 0`,
        '  columns: id ← response_id; score ← nps; comment ← comment; date ← submitted_at; segments ← channel',
        `database ${db}: 5 responses`,
        '  by source: default 5',
        '  by detected language: cmn 1, eng 1, hun 1, rus 1, swe 1',
        '  with an NPS answer: 5; with a comment: 5; with both: 5',
        '  NPS +0.0 (n=5): promoters 2 (40.0%), passives 1 (20.0%), detractors 2 (40.0%)',
        '',
      ].join('\n'),
    );
  });

  it('exits 3 when rows were rejected, and `rejects` lists them with file:line and reason', () => {
    const file = tmp.file('bad.csv', `${GOOD}\n6,2025-03-06,web,11,Слишком\n7,2025-03-07,web,N/A,\n`);
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', file, '--db', db]);
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('read 7 = inserted 5 + updated 0 + unchanged 0 + rejected 2');
    expect(result.stdout).toContain('see why: heartline rejects --run 1');
    const rejects = runCli(['rejects', '--db', db]);
    expect(rejects.status).toBe(0);
    expect(rejects.stdout).toBe(
      [
        `${file}:7: R_SCORE: NPS answer 11 is outside 0–10`,
        '    6,2025-03-06,web,11,Слишком',
        `${file}:8: R_SCORE: NPS answer 'N/A' is not a number from 0 to 10`,
        '    7,2025-03-07,web,N/A,',
        '2 rejects',
        '',
      ].join('\n'),
    );
  });

  it('analyses in worker threads with --workers, and exits when done', () => {
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', tmp.file('good.csv', GOOD), '--db', db, '--workers', '2', '--no-summary']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('read 5 = inserted 5');
    const handle = openDatabase(db);
    expect(rows(handle, 'SELECT COUNT(*) AS n FROM responses WHERE lexicon_version IS NOT NULL')).toEqual([{ n: 5 }]);
    handle.close();
  });

  it('logs structured JSON lines to stderr with --log-format json, never the comments', () => {
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', tmp.file('good.csv', GOOD), '--db', db, '--log-format', 'json', '--no-summary']);
    expect(result.status).toBe(0);
    const events = result.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => e['event'])).toEqual(['file-start', 'file-done']);
    expect(events[1]).toMatchObject({ status: 'ok', counts: { read: 5, inserted: 5 }, rowsPerSecond: expect.any(Number) });
    for (const comment of ['Превзошли', 'Fick ringa', '客服', 'Soha', 'Fine.']) expect(result.stderr).not.toContain(comment);
  });

  it('reads standard input with -', () => {
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', '-', '--db', db], { input: '{"id":"a","nps":9,"comment":"Köszönöm!"}\n' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<stdin> (jsonl, utf-8): read 1 = inserted 1');
  });

  it('reads files in the order given and prints a total', () => {
    const db = join(tmp.dir(), 'h.db');
    const a = tmp.file('a.csv', GOOD);
    const b = tmp.file('b.jsonl.gz', gzipSync('{"response_id":"6","nps":10,"comment":"Tack!"}\n'));
    const result = runCli(['run', a, b, '--db', db]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => !l.startsWith('  '));
    expect(lines[0]).toMatch(/a\.csv/);
    expect(lines[1]).toMatch(/b\.jsonl\.gz \(jsonl, utf-8\): read 1 = inserted 1/);
    expect(lines[2]).toBe('total, 2 files: read 6 = inserted 6 + updated 0 + unchanged 0 + rejected 0');
  });

  it.each([
    [['run', 'FILE', '--text-column', 'kommentar'], 2, "--text-column 'kommentar' is not a column of this file"],
    [['run', 'FILE', '--encoding', 'klingon'], 2, "unknown encoding 'klingon'"],
    [['run', 'FILE', '--frobnicate'], 2, "unknown option '--frobnicate'"],
    [['run'], 2, "missing required argument 'files'"],
    [['run', 'missing.csv'], 1, 'cannot read input: no such file'],
    [['run', 'FILE', '--workers', 'many'], 2, "--workers needs a whole number 0–64, not 'many'"],
  ])('%j exits %i with a clear message', (args, status, message) => {
    const file = tmp.file('good.csv', GOOD);
    const db = join(tmp.dir(), 'h.db');
    const result = runCli([...args.map((a) => (a === 'FILE' ? file : a)), '--db', db], { cwd: tmp.dir() });
    expect(result.status).toBe(status);
    expect(result.stderr).toContain(message);
  });

  // Issue #11, item 6: found in a worker thread, a bad lexicon ended in a stack trace and a `running` ledger row.
  it.each([
    ['a bad emotion id in taxonomy.json', 'taxonomy.json', JSON.stringify({ emotions: [{ id: 'Über Freude', valence: 1 }] }),
      (dir: string) => `[E_USAGE] ${join(dir, 'taxonomy.json')}: --lexicon-dir: emotion id "Über Freude" must be lowercase letters, digits, _ or -`],
    ['taxonomy.json that is not JSON', 'taxonomy.json', '{ emotions: ',
      (dir: string) => `[E_USAGE] ${join(dir, 'taxonomy.json')}: --lexicon-dir: taxonomy.json is not valid JSON`],
    ['an entry with an unknown emotion', 'swe/emotions.tsv', 'jättebra\tdelite\t0.9\n',
      (dir: string) => `[E_USAGE] --lexicon-dir: ${join(dir, 'swe', 'emotions.tsv')}:1: unknown emotion 'delite'`],
  ])('--lexicon-dir with %s is a usage error before anything starts', (_, name, content, message) => {
    const lexicon = join(tmp.dir(), 'lexicon');
    mkdirSync(join(lexicon, 'swe'), { recursive: true });
    writeFileSync(join(lexicon, name), content);
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', tmp.file('good.csv', GOOD), '--db', db, '--lexicon-dir', lexicon, '--workers', '1']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`heartline: ${message(lexicon)}`);
    expect(result.stderr).toContain(`  hint: heartline lexicon check --lexicon-dir ${lexicon} lists every problem\n`);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(db)).toBe(false);
  });

  it('exits 4 while another run holds the lock', () => {
    const db = join(tmp.dir(), 'h.db');
    const handle = openDatabase(db);
    const lease = new Date(Date.now() + 60_000).toISOString();
    handle
      .prepare('INSERT INTO run_lock (id, pid, host, command, started_at, token, lease_until) VALUES (1, ?, ?, ?, ?, ?, ?)')
      .run(process.pid, hostname(), 'run', '2026-01-01T00:00:00Z', 'test', lease);
    handle.close();
    const result = runCli(['run', tmp.file('good.csv', GOOD), '--db', db]);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain(`[E_LOCKED]`);
    expect(result.stderr).toContain(`pid ${process.pid}`);
    expect(result.stderr).toContain('--wait');
  });

  it('imports a 4,000-row export with no flags, and a second import reports 4,000 unchanged', () => {
    const comments = ['Отлично, спасибо', 'Fick vänta länge', '送货很快', 'Nagyon elégedett vagyok', 'Had to call twice', ''];
    const lines = ['response_id,submitted_at,channel,nps,comment'];
    for (let i = 0; i < 4000; i++) {
      lines.push(`R${i},2025-0${1 + (i % 9)}-1${i % 10} 0${i % 10}:1${i % 6},${['web', 'app', 'phone'][i % 3]},${i % 11},"${comments[i % 6]} #${i}"`);
    }
    const file = tmp.file('export.csv', lines.join('\n'));
    const db = join(tmp.dir(), 'h.db');
    const first = runCli(['run', file, '--db', db]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('read 4000 = inserted 4000 + updated 0 + unchanged 0 + rejected 0');
    const second = runCli(['run', file, '--db', db]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('read 4000 = inserted 0 + updated 0 + unchanged 4000 + rejected 0');
  }, 60_000);

  it('keeps every comment and tag when a scores file is given to run instead of import-scores (issue #11)', () => {
    const db = join(tmp.dir(), 'h.db');
    const corpora = (name: string) => new URL(`../../corpora/${name}`, import.meta.url).pathname;
    const tickets = runCli(['run', corpora('support-tickets.jsonl'), '--source', 'helpdesk', '--db', db, '--no-summary']);
    expect(tickets.status).toBe(0);
    const scores = runCli(['run', corpora('support-scores.csv'), '--source', 'helpdesk', '--db', db, '--no-summary']);
    expect(scores.stderr).toBe('');
    expect(scores.status).toBe(0);
    expect(scores.stdout).toBe(
      [
        `${corpora('support-scores.csv')} (csv, utf-8): read 241 = inserted 241 + updated 0 + unchanged 0 + rejected 0`,
        '  235 of these answers belong to responses already imported',
        '  columns: id ← id; score ← nps',
        '  note: no comment, date or segment column: read as NPS answers by id, as `heartline import-scores` does (comments already stored are kept)',
        '',
      ].join('\n'),
    );
    const handle = openDatabase(db);
    expect(rows(handle, "SELECT COUNT(*) AS n, SUM(text <> '') AS comments, COUNT(score) AS scored FROM responses")).toEqual([
      { n: 247, comments: 247, scored: 235 },
    ]);
    expect(rows(handle, 'SELECT COUNT(*) AS n FROM emotion_tags')).toEqual([{ n: 331 }]);
    handle.close();
  });

  it('prints complete help with the exit codes', () => {
    const top = runCli(['--help']);
    expect(top.status).toBe(0);
    for (const word of ['run', 'import-scores', 'rejects', 'summary', 'Exit codes:', '4  another heartline run']) {
      expect(top.stdout).toContain(word);
    }
    const run = runCli(['run', '--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--db', '--source', '--format', '--encoding', '--id-column', '--score-column', '--text-column',
      '--date-column', '--segment-column', '--date-format', '--batch-size', '--wait', '--max-bytes']) {
      expect(run.stdout).toContain(flag);
    }
  });
});

describe('heartline import-scores', () => {
  it('attaches answers by id and says how many link to imported responses', () => {
    const db = join(tmp.dir(), 'h.db');
    runCli(['run', tmp.file('t.jsonl', '{"id":"T-1","feedback":"Долго ждал"}\n{"id":"T-2","feedback":"Snabbt!"}\n'), '--db', db]);
    const result = runCli(['import-scores', tmp.file('s.csv', 'id,nps\nT-1,2\nT-2,10\nT-3,9\n'), '--db', db]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('read 3 = inserted 3 + updated 0 + unchanged 0 + rejected 0');
    expect(result.stdout).toContain('2 of these answers belong to responses already imported');
    expect(result.stdout).toContain('answers waiting for their feedback: 1');
    const handle = openDatabase(db);
    expect(rows(handle, 'SELECT external_id, score FROM responses ORDER BY external_id')).toEqual([
      { external_id: 'T-1', score: 2 },
      { external_id: 'T-2', score: 10 },
    ]);
    handle.close();
  });
});
