import { MAX_RAW_CHARS } from './limits.js';

/** A physical line of text, 1-based, with its `\n` (the last line may lack it). */
export interface TextLine {
  no: number;
  text: string;
  /** The line was longer than the cap: `text` holds only its start, the rest was skipped unread. */
  oversize?: boolean;
}

/**
 * Splits text into lines, never holding more than `max` characters of one line: a longer line is passed on
 * as its first characters, marked `oversize`, and the rest of it is skipped up to its line break.
 */
export async function* boundedLines(chunks: AsyncIterable<string>, max: number): AsyncGenerator<TextLine> {
  let no = 1;
  let carry = '';
  let skipping = false;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf('\n', start);
      if (end === -1) break;
      if (skipping) skipping = false;
      else yield line(no, carry + chunk.slice(start, end + 1), max);
      carry = '';
      no++;
      start = end + 1;
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
