import { MAX_RAW_CHARS } from './limits.js';

/** A physical line of text, 1-based, with its line end (the last line may lack it). */
export interface TextLine {
  no: number;
  text: string;
  /** The line was longer than the cap: `text` holds only its start, the rest was skipped unread. */
  oversize?: boolean;
}

export interface LineEnds {
  /**
   * A `\r` not followed by `\n` ends a line too: old Mac files. Off, a lone `\r` is a character of its line (in
   * a CSV field, in JSON whitespace), and `\r\n` and `\n` end lines.
   */
  bareCr?: boolean;
}

/**
 * Splits text into lines, never holding more than `max` characters of one line: a longer line is passed on
 * as its first characters, marked `oversize`, and the rest of it is skipped up to its line break.
 */
export async function* boundedLines(
  chunks: AsyncIterable<string>,
  max: number,
  { bareCr = false }: LineEnds = {},
): AsyncGenerator<TextLine> {
  let no = 1;
  let carry = '';
  let skipping = false;
  /** The last chunk ended with `\r`: the line ends there, with the `\n` that may start this chunk. */
  let crPending = false;
  for await (const chunk of chunks) {
    if (chunk === '') continue; // else a `\r` and its `\n` on either side of it would end two lines
    let start = 0;
    if (crPending) {
      crPending = false;
      if (chunk.startsWith('\n')) {
        if (!skipping) carry += '\n';
        start = 1;
      }
      if (skipping) skipping = false;
      else yield line(no, carry, max);
      carry = '';
      no++;
    }
    // The next `\r` is looked up again only once passed, so LF-only text is scanned for it once per chunk.
    let cr = bareCr ? chunk.indexOf('\r', start) : -1;
    for (;;) {
      let end = chunk.indexOf('\n', start);
      if (cr !== -1 && (end === -1 || cr < end - 1)) {
        if (cr === chunk.length - 1) {
          crPending = true;
          break;
        }
        end = cr;
      }
      if (end === -1) break;
      if (skipping) skipping = false;
      else yield line(no, carry + chunk.slice(start, end + 1), max);
      carry = '';
      no++;
      start = end + 1;
      if (cr !== -1 && cr < start) cr = chunk.indexOf('\r', start);
    }
    if (skipping) continue;
    carry += chunk.slice(start);
    if (carry.length > max) {
      yield { no, text: carry.slice(0, MAX_RAW_CHARS), oversize: true };
      carry = '';
      skipping = true;
    }
  }
  if (carry && !skipping) yield line(no, carry, max);
}

function line(no: number, text: string, max: number): TextLine {
  return text.length > max ? { no, text: text.slice(0, MAX_RAW_CHARS), oversize: true } : { no, text };
}
