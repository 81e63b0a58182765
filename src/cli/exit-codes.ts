/** Documented exit codes (docs/operations.md, "Exit codes"); cron jobs rely on them. */
export const EXIT = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  REJECTS: 3,
  LOCKED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

import type { ErrorCode } from '../errors.js';

export function exitCodeFor(code: ErrorCode): ExitCode {
  if (code === 'E_USAGE' || code === 'E_COLUMN' || code === 'E_DATE') return EXIT.USAGE;
  if (code === 'E_LOCKED') return EXIT.LOCKED;
  return EXIT.FAILURE;
}

/** The most severe outcome wins: lock > usage > failure > rejects > ok. */
export function worstExit(codes: readonly ExitCode[]): ExitCode {
  const order: ExitCode[] = [EXIT.LOCKED, EXIT.USAGE, EXIT.FAILURE, EXIT.REJECTS];
  return order.find((c) => codes.includes(c)) ?? EXIT.OK;
}
