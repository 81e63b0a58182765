import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HeartlineError } from '../errors.js';

/** Writes a report file; a folder or disk that refuses is the user's to fix, so say which and how. */
export function writeOutput(path: string, text: string, options: { createFolder?: boolean } = {}): void {
  try {
    if (options.createFolder) mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const hint =
      code === 'ENOENT' && !existsSync(dirname(path))
        ? `create the folder ${dirname(path)} first, or write elsewhere`
        : code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT'
          ? 'free some space, or write elsewhere'
          : 'let this user write there, or write elsewhere';
    throw new HeartlineError('E_IO', `cannot write the report (${code})`, { file: path }, hint);
  }
}
