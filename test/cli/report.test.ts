import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/run-cli.js';
import { simulatedDump } from '../helpers/simulated-dump.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

function database(): string {
  const db = join(tmp.dir(), 'r.db');
  const result = runCli(['run', tmp.file('sim.csv', simulatedDump(300)), '--db', db, '--segment-column', 'channel', '--no-summary']);
  expect(result.status).toBe(0);
  return db;
}

describe('heartline report', () => {
  it('prints the documented JSON', () => {
    const db = database();
    const result = runCli(['report', '--db', db, '--format', 'json', '--by', 'lang,channel']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['responses', 'scored', 'nps', 'languages', 'emotions', 'models']));
    expect(report['nps']).toMatchObject({ score: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)], promoters: expect.any(Number), passives: expect.any(Number), detractors: expect.any(Number) });
    const [first] = report['emotions'] as Record<string, unknown>[];
    expect(Object.keys(first!)).toEqual(expect.arrayContaining(['emotion', 'mentions', 'share', 'npsWith', 'npsWithout', 'impact', 'oddsRatio', 'ci95', 'pValue', 'qValue', 'importance', 'tooRare']));
    expect(Object.keys(report['models'] as object)).toEqual(expect.arrayContaining(['aucEmotions', 'aucSentiment', 'aucBoth']));
  });

  it.each(['table', 'csv', 'md', 'html'])('writes %s to --out', (format) => {
    const db = database();
    const out = join(tmp.dir(), `report.${format}`);
    const result = runCli(['report', '--db', db, '--format', format, '--out', out, '--period', 'week']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`wrote ${format} report to ${out}`);
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(500);
  });

  it.each([
    [['--since', 'March'], "--since needs a date like 2025-03-31, not 'March'"],
    [['--segment', 'channel'], "--segment needs key=value, not 'channel'"],
    [['--format', 'pdf'], "argument 'pdf' is invalid"],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const db = database();
    const result = runCli(['report', '--db', db, ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  // Issue #11, item 15.
  it('--segment matches keys exactly, ORs the values of a repeated key, and takes values with commas', () => {
    const db = join(tmp.dir(), 's.db');
    const dump = [
      'id,market,plan.tier,city,nps,comment',
      '1,SE,gold,"Stockholm, Södermalm",9,Tack så mycket!',
      '2,HU,gold,Budapest,3,Soha többé.',
      '3,RU,silver,"Москва, центр",10,Спасибо!',
      '4,CN,silver,上海,0,太失望了',
    ].join('\n');
    const imported = runCli(['run', tmp.file('m.csv', dump), '--db', db, '--no-summary',
      '--segment-column', 'market', '--segment-column', 'plan.tier', '--segment-column', 'city']);
    expect(imported.status).toBe(0);
    const responses = (...args: string[]) => {
      const result = runCli(['report', '--db', db, '--format', 'json', ...args]);
      expect(result.stderr).toBe('');
      return (JSON.parse(result.stdout) as { responses: number }).responses;
    };
    expect(responses('--segment', 'market=SE', '--segment', 'market=HU')).toBe(2);
    expect(responses('--segment', 'plan.tier=silver')).toBe(2);
    expect(responses('--segment', 'city=Stockholm, Södermalm')).toBe(1);
    expect(responses('--segment', 'market=SE', '--segment', 'market=HU', '--segment', 'plan.tier=gold')).toBe(2);
    expect(responses('--segment', 'market=SE', '--segment', 'plan.tier=silver')).toBe(0);
    const table = runCli(['report', '--db', db, '--segment', 'market=SE', '--segment', 'market=HU']);
    expect(table.stdout.split('\n')[0]).toBe(`Heartline report — ${db} (market=SE or HU)`);
  });

  // Issue #11, item 16.
  it('shows control characters in segment values and rejected lines as symbols (table, Markdown, rejects)', () => {
    const db = join(tmp.dir(), 'c.db');
    const dump = [
      'id,channel,nps,comment',
      '1,"web\u001b[2J",9,Tack så mycket!',
      '2,"two\nlines",3,Soha többé.',
      '3,app,10,Спасибо!',
      '4,app,\u001b[31m11,太失望了',
    ].join('\n');
    expect(runCli(['run', tmp.file('c.csv', dump), '--db', db, '--segment-column', 'channel', '--no-summary']).status).toBe(3);
    const table = runCli(['report', '--db', db, '--by', 'channel']).stdout;
    expect(table).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(table).toContain('\nweb␛[2J   ');
    expect(table).toContain('\ntwo⏎lines ');
    const md = runCli(['report', '--db', db, '--by', 'channel', '--format', 'md']).stdout;
    expect(md).toContain('| two⏎lines | 1 |');
    expect(md).toContain('| web␛\\[2J | 1 |');
    const rejects = runCli(['rejects', '--db', db]).stdout;
    expect(rejects).toContain(`: R_SCORE: NPS answer '␛[31m11' is not a number from 0 to 10\n    4,app,␛[31m11,太失望了\n`);
  });

  // Issue #11, item 14: with a file-size limit (ulimit -f) the write fails half-way, as on a full disk.
  it('writes --out atomically: a failed write leaves the last good report whole, and no temporary file', () => {
    const db = database();
    const folder = join(tmp.dir(), 'reports');
    mkdirSync(folder);
    const out = join(folder, 'nps.html');
    const args = ['report', '--db', db, '--format', 'html', '--out', out, '--by', 'lang,channel', '--verbatims', '20'];
    expect(runCli(args).status).toBe(0);
    const good = readFileSync(out);
    // Over the limit below, which leaves room for SQLite's 32 KiB shared-memory file.
    expect(good.length).toBeGreaterThan(48 * 1024);
    const limited = spawnSync('bash', ['-c', 'ulimit -f 48 && exec "$0" "$@"', process.execPath, BIN, ...args], { encoding: 'utf8' });
    expect(limited.status).toBe(1);
    expect(limited.stderr).toBe(`heartline: [E_IO] ${out}: cannot write the report (EFBIG)\n  hint: free some space, or write elsewhere\n`);
    expect(readFileSync(out).equals(good)).toBe(true);
    expect(readdirSync(folder)).toEqual(['nps.html']);
  });

  it('says so when there is no database', () => {
    const result = runCli(['report', '--db', join(tmp.dir(), 'none.db')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no such database');
  });
});
