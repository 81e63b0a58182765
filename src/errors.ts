/** What went wrong, as a stable code users can search for, with the place it happened. */
export type ErrorCode =
  | 'E_USAGE' // a flag or argument is wrong
  | 'E_COLUMN' // a named column does not exist, or no usable column was found
  | 'E_ENCODING' // bytes do not decode in the expected encoding
  | 'E_FORMAT' // the file's structure is broken (unterminated quote, not a JSON array …)
  | 'E_DATE' // the dates can be read day first or month first, and nothing in the file settles which
  | 'E_IO' // a file or directory cannot be read or written
  | 'E_LOCKED' // another run holds the database lock
  | 'E_DATABASE' // SQLite refused (corrupt file, full disk, read-only …), or the file is not a Heartline database
  | 'E_NO_DATA' // the database holds nothing the command can work on (e.g. no NPS answers in scope)
  | 'E_INTERRUPTED'; // SIGINT or SIGTERM stopped a long command: whole batches were kept

export interface ErrorContext {
  file?: string;
  line?: number;
  column?: string;
}

/** Every error Heartline raises on purpose; anything else is a bug. */
export class HeartlineError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;
  /** What the user can do about it, printed after the message. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, context: ErrorContext = {}, hint?: string) {
    super(message);
    this.name = 'HeartlineError';
    this.code = code;
    this.context = context;
    this.hint = hint;
  }

  /** `[E_ENCODING] survey.csv:12: invalid UTF-8 … (hint)` */
  format(): string {
    const where = this.context.file
      ? `${this.context.file}${this.context.line ? `:${this.context.line}` : ''}: `
      : '';
    return `[${this.code}] ${where}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

/** A long command stopped by SIGINT or SIGTERM: what it committed is kept; exit 130 or 143 by convention. */
export class Interrupted extends HeartlineError {
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(
      'E_INTERRUPTED',
      `stopped by ${signal}: batches committed before it are kept`,
      {},
      'run the same command again to finish; nothing is imported twice',
    );
    this.name = 'Interrupted';
  }
}
