import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HeartlineError } from '../errors.js';

/**
 * Writes a report file atomically: to a temporary file in the same folder, then renamed over the target, so
 * a crash, a kill or a full disk never leaves a truncated report where the last good one was. A folder or
 * disk that refuses is the user's to fix, so say which and how.
 */
export function writeOutput(path: string, text: string, options: { createFolder?: boolean } = {}): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (options.createFolder) mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // A folder we cannot write: the temporary file was never made.
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const hint =
      code === 'ENOENT' && !existsSync(dirname(path))
        ? `create the folder ${dirname(path)} first, or write elsewhere`
        : code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT'
          ? 'free some space, or write elsewhere'
          : code === 'EISDIR'
            ? 'name a file, not a folder'
            : 'let this user write there, or write elsewhere';
    throw new HeartlineError('E_IO', `cannot write the report (${code})`, { file: path }, hint);
  }
}
