import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { HeartlineError } from '../errors.js';

/** An input file's bytes (gunzipped when the file is gzip), and the checksum of the bytes as stored. */
export interface Input {
  /** The name users see in messages and the ledger: the path, or `<stdin>`. */
  label: string;
  compressed: boolean;
  bytes: AsyncIterable<Buffer>;
  /** sha256 of the raw bytes; complete once `bytes` has been read to the end. */
  checksum(): string;
  /** Raw bytes read so far, and the file's size (undefined for stdin), for progress. */
  progress(): { read: number; total: number | undefined };
}

const GZIP_MAGIC = [0x1f, 0x8b];
/** Decompressed size cap: a small file that expands past this is a zip bomb, not a survey export. */
export const DEFAULT_MAX_BYTES = 8 * 1024 ** 3;
/**
 * Survey text gzips 3–10×, highly repetitive exports 30×; a stream of one repeated byte reaches 1000×.
 * Past GRACE_BYTES of output, expanding more than MAX_RATIO times the bytes read is a bomb, whatever the cap:
 * a 2 GB bomb would otherwise be read (and its junk rows written to `rejects`) under the 8 GiB cap.
 */
export const MAX_RATIO = 100;
export const GRACE_BYTES = 16 * 1024 ** 2;

export async function openInput(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Input> {
  const label = path === '-' ? '<stdin>' : path;
  const total = path === '-' ? undefined : assertReadableFile(path);
  const hash = createHash('sha256');
  const raw = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 16 });
  const counter = { read: 0 };
  const source = hashing(raw, hash, label, counter);
  const first = await source.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  const compressed = GZIP_MAGIC.every((b, i) => head[i] === b);
  const all = prepend(head, source);
  const bytes = compressed ? capped(Readable.from(all).pipe(createGunzip()), maxBytes, label, counter) : all;
  return {
    label,
    compressed,
    bytes: guardGunzip(bytes, label),
    checksum: () => hash.digest('hex'),
    progress: () => ({ read: counter.read, total }),
  };
}

/** The file's size; throws a clear error when it cannot be read. */
function assertReadableFile(path: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new HeartlineError('E_IO', 'is a directory, not a file', { file: path });
    return stat.size;
  } catch (error) {
    if (error instanceof HeartlineError) throw error;
    throw ioError(error, path);
  }
}

function ioError(error: unknown, file: string): HeartlineError {
  const code = (error as NodeJS.ErrnoException).code;
  const [message, hint] =
    code === 'ENOENT'
      ? ['no such file', 'check the path']
      : code === 'EACCES' || code === 'EPERM'
        ? ['permission denied', 'let this user read the file (e.g. chmod a+r), or run heartline as a user who can']
        : [String((error as Error).message), 'check that the file can be read (e.g. with cat) and that its disk is healthy'];
  return new HeartlineError('E_IO', `cannot read input: ${message}`, { file }, hint);
}

async function* hashing(
  stream: AsyncIterable<Buffer | string>,
  hash: ReturnType<typeof createHash>,
  label: string,
  counter: { read: number },
) {
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(buf);
      counter.read += buf.length;
      yield buf;
    }
  } catch (error) {
    throw ioError(error, label);
  }
}

async function* prepend(head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  yield* rest;
}

async function* capped(
  stream: AsyncIterable<Buffer>,
  maxBytes: number,
  label: string,
  compressed: { read: number },
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new HeartlineError(
        'E_FORMAT',
        `gzip input expands past ${maxBytes} bytes (--max-bytes); refusing to read further`,
        { file: label },
        'if the file is genuine, raise the limit with --max-bytes',
      );
    }
    if (total > GRACE_BYTES && total > MAX_RATIO * compressed.read) {
      throw new HeartlineError(
        'E_FORMAT',
        `gzip input expands more than ${MAX_RATIO}× (${total} bytes from ${compressed.read}): a zip bomb, not a survey export; refusing to read further`,
        { file: label },
        'if the file is genuine, gunzip it and import the plain file',
      );
    }
    yield chunk;
  }
}

async function* guardGunzip(stream: AsyncIterable<Buffer>, label: string): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (error) {
    if (error instanceof HeartlineError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) {
      throw new HeartlineError('E_FORMAT', `broken gzip data (${code})`, { file: label });
    }
    throw error;
  }
}
