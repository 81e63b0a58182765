import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const LIMIT_KB = 400 * 1024;

/**
 * Pipes generated lines into `heartline run - --import-only` (never held whole, here or there) and returns
 * its output with the peak RSS it reports (HEARTLINE_STATS).
 */
function pipeThrough(lines: (i: number) => string | undefined, db: string): Promise<{ status: number | null; stdout: string; stderr: string; maxRssKb: number }> {
  const child = spawn(process.execPath, [BIN, 'run', '-', '--db', db, '--import-only', '--no-summary'], {
    env: { ...process.env, HEARTLINE_STATS: '1', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.on('error', () => {}); // the child may stop reading early (a refused header): that is its answer
  let i = 0;
  const write = () => {
    for (;;) {
      const line = lines(i++);
      if (line === undefined) return void child.stdin.end();
      if (!child.stdin.write(line)) return void child.stdin.once('drain', write);
    }
  };
  write();
  return new Promise((resolve) =>
    child.on('close', (status) => {
      const stats = /heartline-stats (.*)/.exec(stderr);
      const maxRssKb = stats ? (JSON.parse(stats[1]!) as { maxRssKb: number }).maxRssKb : Number.NaN;
      resolve({ status, stdout, stderr: stderr.replace(/^heartline-stats .*\n/m, ''), maxRssKb });
    }),
  );
}

describe('memory is bounded by the row limit, not by the file (issue #11)', () => {
  it('3,000 rows of 900,000 characters piped to run --import-only: all imported, peak RSS ≤ 400 MB', async () => {
    const comment = 'The courier was late but polite and the sofa had a scratch on one arm. '.repeat(12_500).slice(0, 900_000);
    const result = await pipeThrough((i) => (i === 0 ? 'id,nps,comment\n' : i <= 3000 ? `${i},9,${comment}\n` : undefined), join(tmp.dir(), 'h.db'));
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe('<stdin> (csv, utf-8): read 3000 = inserted 3000 + updated 0 + unchanged 0 + rejected 0');
    expect(result.status).toBe(0);
    expect(result.maxRssKb).toBeLessThan(LIMIT_KB);
  }, 900_000);

  it('1,200 rows × 140,000 columns: a clear E_FORMAT with the count, peak RSS ≤ 400 MB', async () => {
    const header = `id,nps,comment${Array.from({ length: 139_997 }, (_, c) => `,q${c}`).join('')}\n`;
    const row = `,9,ok${',1'.repeat(139_997)}\n`;
    const result = await pipeThrough((i) => (i === 0 ? header : i <= 1200 ? `${i}${row}` : undefined), join(tmp.dir(), 'h.db'));
    expect(result.stderr).toBe(
      'heartline: [E_FORMAT] <stdin>:1: the header has 140000 columns; Heartline reads at most 100000\n' +
        "  hint: check that the first line is a header and the delimiter ',' is right (--format csv or tsv)\n",
    );
    expect(result.status).toBe(1);
    expect(result.maxRssKb).toBeLessThan(LIMIT_KB);
  }, 300_000);

  it('1,200 rows × 20,000 columns, under the cap: only the columns used are kept, peak RSS ≤ 400 MB', async () => {
    const header = `id,nps,comment${Array.from({ length: 19_997 }, (_, c) => `,q${c}`).join('')}\n`;
    const row = `,9,Köszönöm!${',1'.repeat(19_997)}\n`;
    const result = await pipeThrough((i) => (i === 0 ? header : i <= 1200 ? `${i}${row}` : undefined), join(tmp.dir(), 'h.db'));
    expect(result.stdout.split('\n')[0]).toBe('<stdin> (csv, utf-8): read 1200 = inserted 1200 + updated 0 + unchanged 0 + rejected 0');
    expect(result.status).toBe(0);
    expect(result.maxRssKb).toBeLessThan(LIMIT_KB);
  }, 300_000);
});
