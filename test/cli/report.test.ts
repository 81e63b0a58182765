import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFixtureDb } from '../helpers/report-fixture-db.js';
import { runCli } from '../helpers/run-cli.js';
import { simulatedDump } from '../helpers/simulated-dump.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

/** A database imported by `heartline run`, the way users get one. */
function importedDatabase(): string {
  const db = join(tmp.dir(), 'r.db');
  const result = runCli(['run', tmp.file('sim.csv', simulatedDump(300)), '--db', db, '--segment-column', 'channel', '--no-summary']);
  expect(result.status).toBe(0);
  return db;
}

/** The fixed five-language database (test/helpers/report-fixture-db.ts). */
function fixtureDatabase(): string {
  const dir = tmp.dir();
  reportFixtureDb(dir).close();
  return join(dir, 'report.db');
}

interface JsonReport {
  schema: string;
  responses: number;
  filters: { lang?: string[] };
  emotions: { emotion: string; oddsRatio: number | null; ci95: [number, number] | null; detractor: { ci95: unknown; qValue: unknown }; npsImpact: unknown }[];
  models: { aucDifference: { value: number; ci95: [number, number] } };
  states: { rules: string; definitions: { id: string }[] };
}

describe('heartline report', () => {
  it('prints the documented JSON, every odds ratio with its interval', () => {
    const result = runCli(['report', '--db', importedDatabase(), '--format', 'json', '--by', 'lang,channel']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport & Record<string, unknown>;
    expect(report.schema).toBe('heartline-report/2');
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['responses', 'scored', 'nps', 'languages', 'tagAccuracy', 'emotions', 'models', 'priorities', 'answer', 'guidance', 'howToRead', 'states', 'segments', 'trend', 'verbatims']),
    );
    for (const e of report.emotions.filter((d) => d.oddsRatio !== null)) {
      expect(e.ci95, e.emotion).toHaveLength(2);
      expect(e.detractor.ci95, e.emotion).toHaveLength(2);
      expect(e.npsImpact, e.emotion).toMatchObject({ value: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] });
    }
    expect(report.models.aucDifference.ci95).toHaveLength(2);
  });

  it.each(['table', 'csv', 'md', 'html'])('writes %s to --out', (format) => {
    const db = importedDatabase();
    const out = join(tmp.dir(), `report.${format}`);
    const result = runCli(['report', '--db', db, '--format', format, '--out', out, '--period', 'week']);
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: `heartline: wrote ${format} report to ${out}\n` });
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(500);
  });

  it('takes --lang as hun, hu, HU or Hungarian alike', () => {
    const db = fixtureDatabase();
    const outputs = ['hun', 'hu', 'HU', 'Hungarian'].map((lang) => {
      const result = runCli(['report', '--db', db, '--format', 'json', '--lang', lang]);
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.filters.lang).toEqual(['hun']);
      return report.responses;
    });
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toBe(73);
  });

  it('exports one row per response with its state and emotions (--per-response)', () => {
    const db = fixtureDatabase();
    const out = join(tmp.dir(), 'responses.csv');
    const result = runCli(['report', '--db', db, '--format', 'csv', '--per-response', '--by', 'channel', '--out', out]);
    expect(result).toMatchObject({ status: 0, stderr: `heartline: wrote per-response csv to ${out}\n` });
    const lines = readFileSync(out, 'utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 420);
    expect(lines[0]).toBe(
      'response_id,source,external_id,responded_at,language,language_name,analysed,score,nps_group,state,emotions,delight,valued,gratitude,trust,commitment,satisfaction,ease,anger,disappointment,frustration,distrust,defection,anxiety,polarity,channel',
    );
    // A German response: counted and scored, not analysed, so no state and no emotion columns.
    expect(lines.find((l) => l.includes(',deu,'))).toMatch(/^\d+,fixture,r\d+,2025-\d\d-\d\d,deu,German,0,\d+,\w+,{17}\w+$/);
    // Every analysed, scored response has a state, and its emotions as a list and as 0/1 columns.
    const analysed = lines.slice(1).map((l) => l.split(',')).filter((c) => c[6] === '1' && c[7] !== '');
    expect(analysed.length).toBe(390);
    for (const c of analysed) {
      expect(c[9]).toMatch(/^(dissatisfied|disappointed|satisfied|loyal|at-risk|advocate)$/);
      const said = c[10] ? c[10].split(' ') : [];
      expect(said.length).toBe(c.slice(11, 24).filter((v) => v === '1').length);
    }
  });

  it.each([
    [['--since', 'March'], "heartline: [E_USAGE] --since needs a date like 2025-03-31, not 'March'\n"],
    [['--segment', 'channel'], "heartline: [E_USAGE] --segment needs key=value, not 'channel'\n"],
    [['--per-response'], 'heartline: [E_USAGE] --per-response writes CSV: add --format csv\n'],
    [
      ['--lang', 'Klingon'],
      "heartline: [E_USAGE] --lang: no language 'Klingon'\n  hint: use a code or a name: Russian (rus), Swedish (swe), Chinese (cmn), Hungarian (hun), English (eng), or the three-letter code of another detected language\n",
    ],
  ])('%j is a usage error (exit 2)', (args, stderr) => {
    const result = runCli(['report', '--db', fixtureDatabase(), ...args]);
    expect(result).toMatchObject({ status: 2, stdout: '', stderr });
  });

  it('reads customer states from --states, and refuses a file that leaves responses without a state', () => {
    const db = fixtureDatabase();
    const good = tmp.file('states.json', JSON.stringify({ states: [{ id: 'unhappy' }, { id: 'happy' }], rules: [{ state: 'happy', score: [9, 10] }, { state: 'unhappy' }] }));
    const report = JSON.parse(runCli(['report', '--db', db, '--format', 'json', '--states', good]).stdout) as JsonReport;
    expect(report.states.rules).toBe(good);
    expect(report.states.definitions.map((d) => d.id)).toEqual(['unhappy', 'happy']);
    const bad = tmp.file('bad.json', JSON.stringify({ states: [{ id: 'happy' }], rules: [{ state: 'happy', score: [9, 10] }] }));
    expect(runCli(['report', '--db', db, '--states', bad])).toMatchObject({
      status: 2,
      stderr: `heartline: [E_USAGE] ${bad}: a response scoring 0 with no matching emotions falls through every rule\n  hint: end the rules with ones that only give a score range, covering 0-10\n`,
    });
  });

  it('says so when there is no database', () => {
    const result = runCli(['report', '--db', join(tmp.dir(), 'none.db')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no such database');
  });
});
