import { HeartlineError } from '../errors.js';
import { countNewlines } from './count-newlines.js';

/** Encodings we can be told to use; anything TextDecoder knows is accepted. */
export function checkEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new HeartlineError(
      'E_USAGE',
      `unknown encoding '${label}'`,
      {},
      'use e.g. utf-8, utf-16le, windows-1251 (Russian), windows-1250 (Hungarian), windows-1252',
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
  chunks: AsyncGenerator<string>;
}

/**
 * Decodes a byte stream to text. A BOM decides the encoding; otherwise `--encoding`, else UTF-8.
 * UTF-8 is decoded strictly: invalid bytes stop the import with the line they are on, because a
 * windows-1251 file read as UTF-8 would otherwise be stored as mojibake.
 */
export async function decodeText(bytes: AsyncIterable<Buffer>, label: string, encoding?: string): Promise<DecodedText> {
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  const bom = sniffBom(head);
  const chosen = bom ?? (encoding ? checkEncoding(encoding) : 'utf-8');
  if (!chosen.startsWith('utf-16') && looksLikeUtf16OrBinary(head)) {
    throw new HeartlineError(
      'E_ENCODING',
      'the file contains NUL bytes: it is binary, or UTF-16 without a byte-order mark',
      { file: label },
      'if it is a text export, re-save it as UTF-8, or pass --encoding utf-16le',
    );
  }
  return { encoding: chosen, chunks: decodeChunks(head, iterator, chosen, label) };
}

function looksLikeUtf16OrBinary(head: Buffer): boolean {
  return head.subarray(0, 4096).includes(0);
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
  return new HeartlineError(
    'E_ENCODING',
    'invalid UTF-8 bytes: the file is not UTF-8',
    { file: label, line },
    'pass its encoding, e.g. --encoding windows-1251 (Russian), windows-1250 (Hungarian) or windows-1252',
  );
}
