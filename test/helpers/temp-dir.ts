import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards; `file()` writes into it and returns the path. */
export function useTempDir(): { dir: () => string; file: (name: string, content: string | Buffer) => string } {
  let current: string | undefined;
  afterEach(() => {
    if (current) rmSync(current, { recursive: true, force: true });
    current = undefined;
  });
  const dir = () => (current ??= mkdtempSync(join(tmpdir(), 'heartline-test-')));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir(), name);
      writeFileSync(path, content);
      return path;
    },
  };
}
