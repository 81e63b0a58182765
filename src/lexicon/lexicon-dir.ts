import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The lexicons shipped with Heartline: `lexicons/` at the package root (from src/ and dist/ alike). */
export const BUILTIN_LEXICON_DIR = fileURLToPath(new URL('../../lexicons/', import.meta.url));

/** Lines of a lexicon file without comments and blank lines; a missing file has none. */
export function readLexiconLines(dir: string, ...path: string[]): string[] {
  const file = join(dir, ...path);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
