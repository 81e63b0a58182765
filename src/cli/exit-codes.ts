/** Documented exit codes (docs/operations.md, "Exit codes"); cron jobs rely on them. */
export const EXIT = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  REJECTS: 3,
  LOCKED: 4,
  /** 128 + the signal's number, as shells report a process a signal ended. */
  SIGINT: 130,
  SIGTERM: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

import { type ErrorCode, type HeartlineError, Interrupted } from '../errors.js';

export function exitCodeFor(code: ErrorCode): ExitCode {
  if (code === 'E_USAGE' || code === 'E_COLUMN' || code === 'E_DATE') return EXIT.USAGE;
  if (code === 'E_LOCKED') return EXIT.LOCKED;
  return EXIT.FAILURE;
}

/** The exit code of a command that ended in this error (an interruption says which signal). */
export function exitCodeOf(error: HeartlineError): ExitCode {
  return error instanceof Interrupted ? EXIT[error.signal] : exitCodeFor(error.code);
}

/** The most severe outcome wins: lock > usage > failure > rejects > ok. */
export function worstExit(codes: readonly ExitCode[]): ExitCode {
  const order: ExitCode[] = [EXIT.LOCKED, EXIT.USAGE, EXIT.FAILURE, EXIT.REJECTS];
  return order.find((c) => codes.includes(c)) ?? EXIT.OK;
}
