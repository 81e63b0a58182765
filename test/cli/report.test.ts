import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
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

  it('says so when there is no database', () => {
    const result = runCli(['report', '--db', join(tmp.dir(), 'none.db')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no such database');
  });
});
