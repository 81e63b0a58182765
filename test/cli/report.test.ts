import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFixtureDb } from '../helpers/report-fixture-db.js';
import { BIN, runCli } from '../helpers/run-cli.js';
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
    const db = importedDatabase();
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
