import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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
});
