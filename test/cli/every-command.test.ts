import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

/**
 * Issue #11, item 8: every command, on every file in test/fixtures/bad/ (and any added there later), as its
 * input, as its standard input, as its database and as a lexicon — none may print "internal error" or a
 * stack trace, or die of a signal. Expected outcomes per file are in test/cli/bad-input.test.ts; this test
 * only guards the floor: a coded error or a result.
 */
const tmp = useTempDir();
const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const FIXTURES = readdirSync(BAD).filter((f) => f !== 'README.md').sort();
/** Processes at once: most of each is start-up, so a few in parallel finish much sooner on 2 cores. */
const PARALLEL = 5;

interface Outcome {
  args: string[];
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function cli(args: string[], input?: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined); // a command that does not read stdin may close it first
    child.stdin.end(input);
    child.once('close', (status, signal) => resolve({ args, status, signal, stderr }));
  });
}

/** Runs the commands, PARALLEL at a time. */
async function runAll(commands: { args: string[]; input?: Buffer }[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < commands.length; i += PARALLEL) {
    outcomes.push(...(await Promise.all(commands.slice(i, i + PARALLEL).map((c) => cli(c.args, c.input)))));
  }
  return outcomes;
}

function expectNoCrash(outcomes: Outcome[]): void {
  for (const o of outcomes) {
    const what = `heartline ${o.args.join(' ')}\n${o.stderr}`;
    expect(o.stderr, what).not.toContain('internal error');
    expect(o.stderr, what).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(o.signal, what).toBeNull();
    expect([0, 1, 2, 3], what).toContain(o.status);
  }
}

const DUP = join(BAD, 'duplicate-id.csv');

describe('every command on every hostile file: no internal error, no stack trace', () => {
  it('imports of all of them (run, import-scores, nightly), then every command that reads the database', async () => {
    const dir = tmp.dir();
    const db = join(dir, 'h.db');
    const files = FIXTURES.map((f) => join(BAD, f));
    const drop = join(dir, 'drop');
    mkdirSync(drop);
    for (const f of FIXTURES) writeFileSync(join(drop, f), readFileSync(join(BAD, f)));
    const config = join(dir, 'heartline.config.json');
    writeFileSync(config, JSON.stringify({ database: 'h.db', inputs: [{ path: 'drop' }], reports: [{ format: 'md', path: 'r.md' }], redact: true }));
    const imports = [
      ['run', ...files, '--db', db, '--workers', '0'],
      ['run', ...files, '--db', db, '--redact', '--format', 'jsonl', '--workers', '1'],
      ['import-scores', ...files, '--db', db],
      ['nightly', '--config', config, '--log-format', 'json'],
    ];
    const outcomes: Outcome[] = [];
    for (const args of imports) outcomes.push(await cli(args));
    outcomes.push(
      ...(await runAll(
        [
          ['report', '--db', db, '--by', 'lang'],
          ['report', '--db', db, '--format', 'md', '--redact'],
          ['status', '--db', db],
          ['summary', '--db', db],
          ['rejects', '--all', '--db', db],
          ['rejects', '--json', '--db', db],
          ['suggest', '--db', db, '--min-count', '1'],
          ['forget', '--db', db, '--run', '1'],
          ['unlock', '--db', db],
        ].map((args) => ({ args })),
      )),
    );
    outcomes.push(await cli(['reanalyze', '--db', db, '--all']));
    outcomes.push(await cli(['forget', '--db', db, '--run', '2', '--yes']));
    expectNoCrash(outcomes);
  }, 300_000);

  it.each(FIXTURES)('%s as a database, as standard input and as a lexicon', async (name) => {
    const bytes = readFileSync(join(BAD, name));
    const dir = tmp.dir();
    // A copy: a write command given an empty file as its database makes it one.
    const asDb = join(dir, name);
    writeFileSync(asDb, bytes);
    const lexicon = join(dir, 'lexicon');
    mkdirSync(join(lexicon, 'swe'), { recursive: true });
    writeFileSync(join(lexicon, 'taxonomy.json'), bytes);
    writeFileSync(join(lexicon, 'swe', 'emotions.tsv'), bytes);
    const outcomes = await runAll([
      { args: ['summary', '--db', asDb] },
      { args: ['inspect', join(BAD, name)] },
      { args: ['forget', '--db', asDb, '--run', '1'] },
      { args: ['run', DUP, '--db', asDb, '--workers', '0', '--no-summary'] },
      { args: ['tag'], input: bytes },
      { args: ['lexicon', 'check', '--lexicon-dir', lexicon] },
      { args: ['run', DUP, '--db', join(dir, 'l.db'), '--lexicon-dir', lexicon, '--workers', '1', '--no-summary'] },
    ]);
    expectNoCrash(outcomes);
  }, 120_000);
});
