import { basename, dirname, resolve } from 'node:path';
import { HeartlineError } from '../errors.js';

/**
 * What the machine did to us, by SQLite's primary result code: the disk, the file system or the file, not a
 * bug in Heartline. Each says what the user can do. (SQLITE_ERROR, a bad statement, is a bug: not here.)
 */
const CAUSES: Record<string, (path: string) => { message: string; hint: string; file?: true }> = {
  SQLITE_FULL: () => ({
    message: 'the disk is full',
    hint: 'free some space, then run the same command again: rows already committed are kept and not imported twice',
  }),
  SQLITE_IOERR: () => ({
    message: 'the disk refused a read or write (disk I/O error)',
    hint: 'check free space, the file-size limit (ulimit -f) and the disk, then run the same command again: rows already committed are kept',
  }),
  SQLITE_READONLY: (path) => ({
    message: 'the database cannot be written (read-only file or folder)',
    hint: `let this user write ${basename(path)} and its folder ${dirname(resolve(path))} (SQLite keeps -wal and -shm files beside the database), or choose another --db`,
  }),
  SQLITE_CANTOPEN: (path) => ({
    message: 'the database file cannot be opened or created',
    hint: `check that the folder ${dirname(resolve(path))} is writable by this user and that ${basename(path)} is a file, or choose another --db`,
  }),
  SQLITE_PERM: (path) => ({
    message: 'permission denied',
    hint: `let this user read and write ${basename(path)} and its folder ${dirname(resolve(path))}`,
  }),
  SQLITE_CORRUPT: () => ({
    message: 'the database file is corrupt',
    hint: 'restore it from a backup, or import the dumps again into a new --db',
    file: true,
  }),
  SQLITE_NOTADB: () => ({
    message: 'not a Heartline database: the file is not an SQLite database at all',
    hint: 'check the --db path; Heartline creates the file itself when it does not exist',
    file: true,
  }),
  SQLITE_BUSY: () => ({
    message: 'the database stayed locked by another connection',
    hint: 'wait for the other program using it to finish, then try again',
  }),
};

/**
 * An error SQLite raised because of the environment, as a HeartlineError naming the database; anything
 * else (a bug) is returned unchanged so it surfaces with its stack. What the command was doing is said,
 * unless the file itself is broken: then every command answers with the same message.
 */
export function databaseError(error: unknown, path: string, doing: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  const cause = CAUSES[/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? '']; // SQLITE_IOERR_WRITE → SQLITE_IOERR
  if (!cause) return error;
  const { message, hint, file } = cause(path);
  return new HeartlineError('E_DATABASE', `${file ? '' : `${doing}: `}${message} (${code})`, { file: path }, hint);
}
