import { HeartlineError } from '../errors.js';
import { redact } from './redact.js';

const mask = (text: string) => redact(text).text;

/**
 * An error as --redact shows and stores it. Messages can quote a file's cells: a CSV without a header row
 * has its first data row read as column names, and "the columns are: …" then lists an e-mail and a phone.
 */
export function redactError(error: HeartlineError): HeartlineError {
  const { file, line, column } = error.context;
  const context = { file, line, ...(column === undefined ? {} : { column: mask(column) }) };
  return new HeartlineError(error.code, mask(error.message), context, error.hint === undefined ? undefined : mask(error.hint));
}

/** A file's outcome as --redact prints it: notes (which name columns) and the error masked. */
export function redactOutcome<O extends { notes: string[]; error?: HeartlineError }>(outcome: O): O {
  return {
    ...outcome,
    notes: outcome.notes.map(mask),
    ...(outcome.error ? { error: redactError(outcome.error) } : {}),
  };
}
