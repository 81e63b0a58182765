import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the store owns all SQL', () => {
  it('no file outside src/store/ prepares a statement, runs SQL or sets a pragma', () => {
    const outside: string[] = [];
    for (const file of files(SRC)) {
      const path = relative(SRC, file);
      if (path.startsWith('store/') || !path.endsWith('.ts')) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\.(prepare|pragma)\(|\bdb\.exec\(/.test(line)) outside.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(outside).toEqual([]);
  });
});
