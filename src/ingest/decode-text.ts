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
  let chunk: Buffer | undefined = head.length > 0 ? head : undefined;
  for (;;) {
    if (chunk) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw invalidUtf8(chunk, linesBefore, label);
      }
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

function invalidUtf8(chunk: Buffer, linesBefore: number, label: string): HeartlineError {
  // Decode leniently to find where the first bad byte sits.
  const lenient = new TextDecoder('utf-8').decode(chunk);
  const at = lenient.indexOf('\uFFFD');
  const line = linesBefore + 1 + (at >= 0 ? countNewlines(lenient.slice(0, at)) : 0);
  return new HeartlineError(
    'E_ENCODING',
    'invalid UTF-8 bytes: the file is not UTF-8',
    { file: label, line },
    'pass its encoding, e.g. --encoding windows-1251 (Russian), windows-1250 (Hungarian) or windows-1252',
  );
}

