import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, from src/eval and dist/eval alike. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Public evaluation data lives beside the project (never inside it): ../shared/data, or $HEARTLINE_DATA. */
export const SHARED_DATA = process.env['HEARTLINE_DATA'] ?? resolve(ROOT, '../shared/data');

export const FIXTURES = join(ROOT, 'test/fixtures');

export function readJsonLines<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export function readLines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
}

/** Fixed-width table for the terminal. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

export const pct = (hit: number, n: number) => (n === 0 ? '—' : `${((100 * hit) / n).toFixed(1)}%`);
