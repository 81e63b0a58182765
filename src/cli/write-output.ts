import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { HeartlineError } from '../errors.js';

/** Writes a report file; a folder or disk that refuses is the user's to fix, so say which and how. */
export function writeOutput(path: string, text: string, options: { createFolder?: boolean } = {}): void {
  try {
    if (options.createFolder) mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw ioError(path, error);
  }
}

/** A file or disk that refuses is the user's to fix, so say which and how. */
function ioError(path: string, error: unknown): HeartlineError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  const hint =
    code === 'ENOENT' && !existsSync(dirname(path))
      ? `create the folder ${dirname(path)} first, or write elsewhere`
      : code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT'
        ? 'free some space, or write elsewhere'
        : 'let this user write there, or write elsewhere';
  return new HeartlineError('E_IO', `cannot write the report (${code})`, { file: path }, hint);
}

/**
 * Writes text as it is produced (the per-response export can be a million lines): to the file, or to standard
 * output when there is none. A file that cannot be written fails as writeOutput does, before anything is read.
 */
export function writeOutputChunks(path: string | undefined, chunks: Iterable<string>): void {
  let fd = 1;
  if (path !== undefined) {
    try {
      fd = openSync(path, 'w');
    } catch (error) {
      throw ioError(path, error);
    }
  }
  try {
    for (const chunk of chunks) writeAll(fd, chunk);
  } catch (error) {
    if (path === undefined && (error as NodeJS.ErrnoException).code === 'EPIPE') return; // `| head` closed the pipe
    throw path === undefined ? error : ioError(path, error);
  } finally {
    if (path !== undefined) closeSync(fd);
  }
}

/** writeSync may write less than asked (pipes): loop until every byte is out. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}
