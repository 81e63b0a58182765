import { HeartlineError } from '../errors.js';
import { countNewlines } from './count-newlines.js';
import { guessEncoding } from './guess-encoding.js';

/** Encodings we can be told to use: anything TextDecoder knows, or `auto`. */
export function checkEncoding(label: string): string {
  if (label.toLowerCase() === 'auto') return 'auto';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new HeartlineError(
      'E_USAGE',
      `unknown encoding '${label}'`,
      {},
      'use auto, or e.g. utf-8, utf-16le, windows-1251 (Russian), windows-1250 (Hungarian), windows-1252, gb18030, big5',
    );
  }
}

/** The encoding a file's byte-order mark declares, if it has one. */
function sniffBom(head: Buffer): string | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

export interface DecodedText {
  encoding: string;
  /** Why `--encoding auto` chose the encoding; undefined when it was not asked. */
  evidence?: string;
  chunks: AsyncGenerator<string>;
}

/** Bytes `--encoding auto` looks at before it decides: enough text for the letters to tell. */
const AUTO_SAMPLE_BYTES = 256 * 1024;

/**
 * Decodes a byte stream to text. A BOM decides the encoding; otherwise `--encoding`, else UTF-8.
 * UTF-8 is decoded strictly: invalid bytes stop the import with the line they are on and the legacy
 * encoding the bytes fit, because a windows-1251 file read as UTF-8 would otherwise be stored as mojibake.
 * `--encoding auto` reads UTF-8 when the first 256 KiB are UTF-8, else the legacy encoding they fit.
 */
export async function decodeText(bytes: AsyncIterable<Buffer>, label: string, encoding?: string): Promise<DecodedText> {
  const iterator = bytes[Symbol.asyncIterator]();
  const auto = encoding !== undefined && checkEncoding(encoding) === 'auto';
  let head: Buffer = Buffer.alloc(0);
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
    if (!auto || head.length >= AUTO_SAMPLE_BYTES) break;
  }
  const bom = sniffBom(head);
  let chosen = bom ?? (encoding && !auto ? checkEncoding(encoding) : 'utf-8');
  let evidence: string | undefined;
  if (auto && !bom) {
    refuseNonText(head, label);
    ({ encoding: chosen, evidence } = detect(head, label));
  }
  if (!chosen.startsWith('utf-16')) refuseNonText(head, label);
  return { encoding: chosen, evidence, chunks: decodeChunks(head, iterator, chosen, label) };
}

/** --encoding auto: UTF-8 when the sample is, else the legacy encoding it fits; an error when none does. */
function detect(sample: Buffer, label: string): { encoding: string; evidence: string } {
  if (isUtf8(sample)) {
    return { encoding: 'utf-8', evidence: sample.some((b) => b >= 0x80) ? 'the bytes are valid UTF-8' : 'the first bytes are plain ASCII, read as UTF-8' };
  }
  const guess = guessEncoding(sample);
  if (guess) return guess;
  throw new HeartlineError(
    'E_ENCODING',
    'the file is not UTF-8, and no legacy encoding Heartline knows fits it',
    { file: label },
    'pass its encoding with --encoding (any label TextDecoder knows), or re-save it as UTF-8',
  );
}

/** Valid UTF-8, a character cut off at the end of the sample allowed. */
function isUtf8(sample: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Bytes looked at to tell a text export from UTF-16 without a BOM or from a binary file. */
const SNIFF_BYTES = 4096;
/** Share of control bytes (other than tab, CR, LF) above which a file is binary, not text with a stray NUL. */
const BINARY_SHARE = 0.1;

/** Binary signatures of files that are often renamed `.csv` by mistake, with what to do instead. */
const SIGNATURES: { magic: number[]; what: string; hint: string }[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (an Excel .xlsx or LibreOffice .ods workbook?), not a text export',
    hint: 'leave out --format to read an .xlsx workbook as Excel; save other workbooks as .xlsx or CSV UTF-8',
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'an old Excel .xls workbook, not a text export',
    hint: "open it in Excel and save it as .xlsx (read directly) or 'CSV UTF-8', then import that file",
  },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not a text export', hint: 'export the survey data as CSV or JSON' },
];

/**
 * Refuses UTF-16 without a BOM and binary files at once, with what to do. A few NUL bytes in otherwise
 * readable text are left to the rows they are in (R_NUL), so the good rows around them are still imported.
 */
function refuseNonText(head: Buffer, label: string): void {
  const sample = head.subarray(0, SNIFF_BYTES);
  const signature = SIGNATURES.find((s) => s.magic.every((b, i) => sample[i] === b));
  if (signature) throw new HeartlineError('E_FORMAT', `the file is ${signature.what}`, { file: label }, signature.hint);
  if (!sample.includes(0)) return;
  const utf16 = utf16Order(sample);
  if (utf16) {
    throw new HeartlineError(
      'E_ENCODING',
      `the file looks like UTF-16 ${utf16.toUpperCase()} without a byte-order mark (every other byte is NUL)`,
      { file: label },
      `pass --encoding utf-16${utf16}, or re-save it as UTF-8`,
    );
  }
  let control = 0;
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  if (control > BINARY_SHARE * sample.length) {
    throw new HeartlineError(
      'E_FORMAT',
      'the file is binary data, not a text export (CSV, TSV, JSON)',
      { file: label },
      'check that this is the export you meant; re-export the survey as CSV UTF-8 or JSON',
    );
  }
}

/** 'le' when most odd bytes are NUL and few even ones (ASCII in UTF-16 LE), 'be' for the reverse. */
function utf16Order(sample: Buffer): 'le' | 'be' | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (odd > 0.25 * pairs && even < 0.05 * pairs) return 'le';
  if (even > 0.25 * pairs && odd < 0.05 * pairs) return 'be';
  return undefined;
}

async function* decodeChunks(
  head: Buffer,
  rest: AsyncIterator<Buffer>,
  encoding: string,
  label: string,
): AsyncGenerator<string> {
  const fatal = encoding === 'utf-8';
  const decoder = new TextDecoder(encoding, { fatal });
  let linesBefore = 0;
  /** The start of a character the previous chunk cut in two: the decoder holds it until this chunk. */
  let pending: Buffer = Buffer.alloc(0);
  let chunk: Buffer | undefined = head.length > 0 ? head : undefined;
  for (;;) {
    if (chunk) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw invalidUtf8(Buffer.concat([pending, chunk]), linesBefore, label);
      }
      if (fatal) pending = incompleteTail(pending, chunk);
      linesBefore += countNewlines(text);
      if (text) yield text;
    }
    const next = await rest.next();
    if (next.done) break;
    chunk = next.value;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw invalidUtf8(Buffer.alloc(0), linesBefore, label);
  }
  if (tail) yield tail;
}

/** Bytes at the end of `chunk` (after `pending`) that begin a UTF-8 character not yet complete. */
function incompleteTail(pending: Buffer, chunk: Buffer): Buffer {
  const bytes = chunk.length >= 3 ? chunk : Buffer.concat([pending, chunk]);
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) break;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? Buffer.from(bytes.subarray(bytes.length - back)) : Buffer.alloc(0);
    }
  }
  return Buffer.alloc(0);
}

/**
 * The error for invalid bytes in `bytes` (which start on a character boundary), on the line of the first bad
 * byte: found by bisecting for the longest prefix a strict decoder accepts, since the text itself may hold
 * a genuine U+FFFD before it.
 */
function invalidUtf8(bytes: Buffer, linesBefore: number, label: string): HeartlineError {
  const accepts = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (accepts(mid)) good = mid;
    else bad = mid;
  }
  const line = linesBefore + 1 + countNewlines(new TextDecoder('utf-8').decode(bytes.subarray(0, good)));
  const guess = guessEncoding(bytes);
  return new HeartlineError(
    'E_ENCODING',
    'invalid UTF-8 bytes: the file is not UTF-8',
    { file: label, line },
    guess
      ? `${guess.evidence}: pass --encoding ${guess.encoding} (or --encoding auto)`
      : 'pass its encoding, e.g. --encoding windows-1251 (Russian), windows-1250 (Hungarian) or windows-1252, or --encoding auto',
  );
}
