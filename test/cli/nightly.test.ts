import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

function setUp(config: unknown): string {
  const dir = tmp.dir();
  mkdirSync(join(dir, 'drop'));
  writeFileSync(join(dir, 'drop', '2025-03-01.csv'), 'response_id,nps,comment\n1,10,Tack så mycket!\n2,2,Пришлось звонить три раза.\n');
  writeFileSync(join(dir, 'drop', '2025-03-02.jsonl'), '{"id":"3","nps":9,"feedback":"服务很好"}\n{"id":"4","nps":0,"feedback":"Soha többé!"}\n');
  writeFileSync(join(dir, 'drop', 'notes.pdf'), 'not a dump');
  writeFileSync(join(dir, 'heartline.config.json'), JSON.stringify(config));
  return dir;
}

const CONFIG = {
  database: 'data/heartline.db',
  inputs: [{ path: 'drop', source: 'survey' }],
  reports: [{ format: 'html', path: 'reports/heartline-{date}.html', by: ['lang'] }],
};

describe('heartline nightly', () => {
  it('imports a drop folder, and a second run does nothing and says so', () => {
    const dir = setUp(CONFIG);
    mkdirSync(join(dir, 'data'));
    const config = join(dir, 'heartline.config.json');
    const first = runCli(['nightly', '--config', config]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('2025-03-01.csv (csv, utf-8): read 2 = inserted 2');
    expect(first.stdout).toContain('2025-03-02.jsonl (jsonl, utf-8): read 2 = inserted 2');
    expect(first.stdout).toContain('imported 2 files, skipped 0 already imported');
    const today = new Date().toISOString().slice(0, 10);
    expect(existsSync(join(dir, 'reports', `heartline-${today}.html`))).toBe(true);

    const second = runCli(['nightly', '--config', config]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/2025-03-01\.csv: already imported \(run #1, same checksum\), skipped/);
    expect(second.stdout).toContain('nothing new to import (2 files already imported)');
    expect(readdirSync(join(dir, 'reports'))).toEqual([`heartline-${today}.html`]);
  });

  it.each([
    [{ inputs: [] }, 'inputs: must be a non-empty list'],
    [{ inputs: [{ path: 'drop', sauce: 'x' }] }, "inputs[0]: unknown key 'sauce'"],
    [{ inputs: [{ path: 'drop' }], reports: [{ format: 'pdf', path: 'r.pdf' }] }, 'reports[0].format: must be one of table, json, csv, md, html'],
    [{ inputs: [{ path: 'drop' }], wait: 'soon' }, 'wait: must be a number of seconds ≥ 0'],
  ])('rejects a bad config with a clear message (exit 2): %j', (config, message) => {
    const dir = setUp(config);
    const result = runCli(['nightly', '--config', join(dir, 'heartline.config.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  // Issue #11, item 1: a scores file dropped among the dumps must not erase the comments.
  it('reads a scores file found in the drop folder as NPS answers, keeping every comment', () => {
    const dir = setUp(CONFIG);
    mkdirSync(join(dir, 'data'));
    const config = join(dir, 'heartline.config.json');
    expect(runCli(['nightly', '--config', config]).status).toBe(0);
    writeFileSync(join(dir, 'drop', '2025-03-03-scores.csv'), 'id,nps\n1,3\n2,9\n9,7\n');
    const second = runCli(['nightly', '--config', config]);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(
      '2025-03-03-scores.csv (csv, utf-8): read 3 = inserted 3 + updated 0 + unchanged 0 + rejected 0\n' +
        '  2 of these answers belong to responses already imported\n' +
        '  columns: id ← id; score ← nps\n' +
        '  note: no comment, date or segment column: read as NPS answers by id, as `heartline import-scores` does (comments already stored are kept)\n',
    );
    const db = new BetterSqlite3(join(dir, 'data', 'heartline.db'), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM responses WHERE text <> ''").get()).toEqual({ n: 4 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM emotion_tags').get()).toEqual({ n: expect.any(Number) });
    db.close();
    // The third night skips it like any file already imported.
    expect(runCli(['nightly', '--config', config]).stdout).toMatch(/2025-03-03-scores\.csv: already imported \(run #\d+, same checksum\), skipped/);
  });
});

/** Issue #11, item 11: the nightly fails loudly when what it was told to read is not there. */
describe('heartline nightly fails loudly', () => {
  function night(config: Record<string, unknown>, files: Record<string, string> = {}): { dir: string; result: ReturnType<typeof runCli> } {
    const dir = setUp({ database: 'heartline.db', reports: [{ format: 'md', path: 'reports/r.md' }], ...config });
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return { dir, result: runCli(['nightly', '--config', join(dir, 'heartline.config.json')]) };
  }

  it.each([
    ['a missing drop folder', { path: 'dorp', source: 'survey' }, 'inputs[0].path: the file does not exist: DIR/dorp'],
    ['a pattern whose folder is wrong', { path: 'dorp/*.csv', source: 'survey' }, 'inputs[0].path: the folder of the pattern *.csv does not exist: DIR/dorp'],
    ['a named file that is not there', { path: 'drop/2025-03-09.csv', source: 'survey' }, 'inputs[0].path: the file does not exist: DIR/drop/2025-03-09.csv'],
  ])('%s is an error (exit 1); the other inputs are still imported and the reports written', (_, bad, message) => {
    const { dir, result } = night({ inputs: [bad, { path: 'drop', source: 'survey' }] });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `heartline: [E_IO] ${message.replace('DIR', dir)}\n` +
        '  hint: check the path (relative paths are relative to the config file) and that its disk is mounted\n',
    );
    expect(result.stdout).toContain('imported 2 files, skipped 0 already imported');
    expect(result.stdout).toContain('wrote md report');
  });

  it('a pattern that matches nothing in its folder is a quiet night (exit 0)', () => {
    const { result } = night({ inputs: [{ path: 'drop/*.tsv', source: 'survey' }] });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('nothing new to import (0 files already imported)');
  });

  it('a missing lexiconDirs folder is a usage error before anything is imported (exit 2)', () => {
    const { dir, result } = night({ inputs: [{ path: 'drop' }], lexiconDirs: ['our-lexicon'] });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`heartline: [E_USAGE] ${join(dir, 'heartline.config.json')}: lexiconDirs[0]: no such folder: ${join(dir, 'our-lexicon')}\n`);
    expect(existsSync(join(dir, 'heartline.db'))).toBe(false);
  });

  it('a lexiconDirs folder with a bad taxonomy is a usage error before anything is imported (exit 2)', () => {
    const taxonomy = JSON.stringify({ emotions: [{ id: 'Bad Id', valence: 1 }] });
    const { dir, result } = night({ inputs: [{ path: 'drop' }], lexiconDirs: ['lex'] }, { 'lex/taxonomy.json': taxonomy });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `heartline: [E_USAGE] ${join(dir, 'lex', 'taxonomy.json')}: lexiconDirs: emotion id "Bad Id" must be lowercase letters, digits, _ or -\n` +
        `  hint: heartline lexicon check --lexicon-dir ${join(dir, 'lex')} lists every problem\n`,
    );
    expect(existsSync(join(dir, 'heartline.db'))).toBe(false);
  });

  it('a folder whose name matches the pattern is skipped with a warning', () => {
    const { dir, result } = night({ inputs: [{ path: 'drop/*.csv', source: 'survey' }] }, { 'drop/old.csv/2024.csv': 'id,nps\n1,2\n' });
    expect(result.stderr).toBe(`heartline: warning: ${join(dir, 'drop', 'old.csv')} matches inputs[0].path but is a folder: skipped\n`);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2025-03-01.csv (csv, utf-8): read 2 = inserted 2');
    expect(result.stdout).toContain('wrote md report');
  });

  it.each([
    ['under maxRejectedShare (default 5%): exit 0, the rejects still listed', {}, 0],
    ['over it: exit 3', { maxRejectedShare: 0.01 }, 3],
    ['maxRejectedShare 0: any rejected row exits 3', { maxRejectedShare: 0 }, 3],
  ])('rejected rows %s', (_, share, status) => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 11},Tack så mycket ${i}`);
    const { dir, result } = night({ inputs: [{ path: 'in/*.csv' }], ...share }, { 'in/d.csv': `id,nps,comment\n${rows.join('\n')}\n99,11,Слишком дорого\n` });
    expect(result.status).toBe(status);
    expect(result.stdout).toContain('read 41 = inserted 40 + updated 0 + unchanged 0 + rejected 1\n');
    expect(result.stdout).toContain('  see why: heartline rejects --run 1\n');
    expect(result.stdout).toContain('imported 1 file, skipped 0 already imported; 1 row rejected (heartline rejects)\n');
    expect(runCli(['rejects', '--db', join(dir, 'heartline.db')]).stdout).toContain('R_SCORE');
  });

  it('maxRejectedShare outside 0–1 is a usage error', () => {
    const { result } = night({ inputs: [{ path: 'drop' }], maxRejectedShare: 5 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("maxRejectedShare: must be a number from 0 to 1 (0.05: 5% of a file's rows)");
  });
});
