import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HeartlineError } from '../errors.js';

/**
 * Writes a report file atomically: to a temporary file in the same folder, then renamed over the target, so
 * a crash, a kill or a full disk never leaves a truncated report where the last good one was.
 */
export function writeOutput(path: string, text: string, options: { createFolder?: boolean } = {}): void {
  const temporary = temporaryFor(path);
  try {
    if (options.createFolder) mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw ioError(path, error);
  }
}

/**
 * Writes text as it is produced (the per-response export can be a million lines): to the file, or to standard
 * output when there is none. A file is written atomically, as by writeOutput; one that cannot be written fails
 * before anything is read.
 */
export async function writeOutputChunks(path: string | undefined, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  if (path === undefined) {
    try {
      for await (const chunk of chunks) writeAll(1, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return; // `| head` closed the pipe
      throw error;
    }
    return;
  }
  const temporary = temporaryFor(path);
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    throw ioError(path, error);
  }
  try {
    try {
      for await (const chunk of chunks) writeAll(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw error instanceof HeartlineError ? error : ioError(path, error);
  }
}

/** Beside the target, so the rename stays on one file system; the pid keeps two writers apart. */
function temporaryFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // A folder we cannot write: the temporary file was never made.
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
        : code === 'EISDIR'
          ? 'name a file, not a folder'
          : 'let this user write there, or write elsewhere';
  return new HeartlineError('E_IO', `cannot write the report (${code})`, { file: path }, hint);
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
