import { redact } from './redact.js';

export interface ShowOptions {
  /** --redact: mask e-mail addresses, phone numbers, card numbers and IBANs. */
  redact?: boolean;
  /** Cut to this many characters (an ellipsis marks the cut). */
  max?: number;
}

/**
 * Every piece of a file's content Heartline prints — cell values, and column names, which are data when a
 * file has no header row — goes through here: masked under --redact, line breaks and control characters
 * shown as visible symbols so a value cannot garble the terminal, and cut to `max`.
 */
export function showData(value: string, options: ShowOptions = {}): string {
  const masked = options.redact ? redact(value).text : value;
  const flat = masked
    .replace(/\r?\n/g, '⏎')
    .replace(/\t/g, '⇥')
    .replace(/[\u0000-\u001f\u007f]/g, (c) => String.fromCodePoint(0x2400 + (c === '\u007f' ? 0x21 : c.charCodeAt(0))));
  const max = options.max ?? Number.POSITIVE_INFINITY;
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
