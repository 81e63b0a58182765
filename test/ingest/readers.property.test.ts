import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeartlineError } from '../../src/errors.js';
import { openInput, type Input } from '../../src/ingest/open-input.js';
import { type ReadOptions, readTable } from '../../src/ingest/read-table.js';
import type { SourceRecord } from '../../src/ingest/table.js';
import { fuzzRuns, fuzzTimeout } from '../helpers/fuzz-runs.js';
import { useTempDir } from '../helpers/temp-dir.js';

/**
 * Properties of the readers: whatever bytes arrive, a reader yields records or throws a HeartlineError, never
 * another exception and never hangs; record lines start at 1 and never go back; well-formed files round-trip.
 */

const tmp = useTempDir();
/** Runs per property: enough to shake out chunk-boundary and quoting bugs, few enough for a loaded 2-core box. */
const RUNS = fuzzRuns(150);
/** A reader that takes longer than this on a few kilobytes is hanging (generous: the machine may be busy). */
const RUN_TIMEOUT_MS = 5000;

/** An Input over bytes in memory, cut into chunks at the given places (mid-character cuts included). */
function memoryInput(bytes: Uint8Array, cuts: number[] = [], label = '<stdin>'): Input {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    if (to > from) chunks.push(Buffer.from(bytes.subarray(from, to)));
    from = Math.max(from, to);
  }
  async function* stream(): AsyncGenerator<Buffer> {
    yield* chunks;
  }
  return { label, compressed: false, bytes: stream(), checksum: () => '', progress: () => ({ read: 0, total: bytes.length }) };
}

async function readAll(input: Input, options: ReadOptions = {}): Promise<SourceRecord[]> {
  const table = await readTable(input, options);
  const records: SourceRecord[] = [];
  for await (const r of table.records) records.push(r);
  return records;
}

/** Reads, and checks the reader's contract: records with sane lines, or a HeartlineError. */
async function readsOrFailsCleanly(input: Input, options: ReadOptions = {}): Promise<SourceRecord[] | HeartlineError> {
  let records: SourceRecord[];
  try {
    records = await readAll(input, options);
  } catch (error) {
    if (error instanceof HeartlineError) return error;
    throw error;
  }
  let previous = 1;
  for (const r of records) {
    expect(Number.isInteger(r.line), `line ${r.line}`).toBe(true);
    expect(r.line).toBeGreaterThanOrEqual(previous);
    expect(typeof r.raw).toBe('string');
    expect(r.fields !== undefined || r.reject !== undefined).toBe(true);
    previous = r.line;
  }
  return records;
}

const LABELS = ['<stdin>', 'dump.csv', 'dump.tsv', 'dump.jsonl', 'dump.json'];
const label = fc.constantFrom(...LABELS);
const encoding = fc.constantFrom(undefined, 'utf-8', 'windows-1251', 'windows-1250', 'utf-16le');
/** Chunk boundaries, anywhere in the bytes (taken modulo their length). */
const cuts = fc.array(fc.nat(), { maxLength: 6 });

/** Pieces that make CSV and JSON hard: quotes, every delimiter, line breaks, BOMs, NULs, every script. */
const NASTY = ['"', '""', ',', ';', '\t', '|', '\n', '\r\n', '\r', '\uFEFF', '\0', ' ', '\\', '{', '}', '[', ']', ':',
  '{"ImportId":"QID1"}', 'id', 'nps', 'comment', '10', '-1', 'null', 'é', 'ő', 'å', 'ж', 'Ё', '中', '谢谢', '😀', '👍🏽',
  '𝕏', '\u2028', '\u0301', 'x'.repeat(40)];
const nastyText = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('readers never throw anything but a HeartlineError', () => {
  it('on arbitrary bytes, in any chunking, format and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), cuts, label, encoding, async (bytes, at, name, enc) => {
        await readsOrFailsCleanly(memoryInput(bytes, at, name), { encoding: enc });
      }),
      { numRuns: RUNS, timeout: RUN_TIMEOUT_MS },
    );
  }, fuzzTimeout());

  it('on arbitrary unicode text, as UTF-8 with or without a BOM', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), cuts, label, async (text, bom, at, name) => {
        await readsOrFailsCleanly(memoryInput(utf8((bom ? '\uFEFF' : '') + text), at, name));
      }),
      { numRuns: RUNS, timeout: RUN_TIMEOUT_MS },
    );
  }, fuzzTimeout());

  it('on broken CSV, TSV, JSON Lines and JSON built from quotes, delimiters, line breaks and BOMs', async () => {
    await fc.assert(
      fc.asyncProperty(nastyText, cuts, label, async (text, at, name) => {
        await readsOrFailsCleanly(memoryInput(utf8(text), at, name));
      }),
      { numRuns: RUNS * 2, timeout: RUN_TIMEOUT_MS },
    );
  }, fuzzTimeout());

  it('on files from disk, plain, gzipped, or gzipped and cut short', async () => {
    const kinds = fc.constantFrom('plain', 'gzip', 'cut', 'magic');
    await fc.assert(
      fc.asyncProperty(nastyText, kinds, fc.nat(), label, async (text, kind, cut, name) => {
        const plain = Buffer.from(text, 'utf8');
        const gz = gzipSync(plain);
        const bytes =
          kind === 'plain' ? plain
          : kind === 'gzip' ? gz
          : kind === 'cut' ? gz.subarray(0, cut % gz.length)
          : Buffer.concat([Buffer.from([0x1f, 0x8b]), plain]);
        const path = tmp.file(name.startsWith('<') ? 'stdin.txt' : name, bytes);
        await readsOrFailsCleanly(await openInput(path));
      }),
      { numRuns: fuzzRuns(60), timeout: RUN_TIMEOUT_MS },
    );
  }, fuzzTimeout());
});

describe('invalid UTF-8 is reported on its line', () => {
  it('whatever the chunking, and however the text around it is encoded', async () => {
    // Lines of any script, with genuine U+FFFD characters that must not be mistaken for the bad byte.
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom('\uFFFD', 'ж', '中', '😀', 'ő'));
    const line = fc.array(piece, { maxLength: 6 }).map((p) => p.join('').replace(/[\0\r\n]/g, ''));
    const lines = fc.array(line, { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(lines, fc.nat(), fc.nat(), cuts, async (text, lineAt, charAt, at) => {
        const k = lineAt % text.length;
        const chars = [...text[k]!];
        const cut = charAt % (chars.length + 1);
        const bytes = Buffer.concat([
          Buffer.from([...text.slice(0, k), chars.slice(0, cut).join('')].join('\n'), 'utf8'),
          Buffer.from([0xff]),
          Buffer.from([chars.slice(cut).join(''), ...text.slice(k + 1)].join('\n'), 'utf8'),
        ]);
        const error = await readAll(memoryInput(new Uint8Array(bytes), at, 'dump.csv')).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(HeartlineError);
        expect((error as HeartlineError).code).toBe('E_ENCODING');
        expect((error as HeartlineError).context.line).toBe(k + 1);
      }),
      { numRuns: RUNS, timeout: RUN_TIMEOUT_MS },
    );
  }, fuzzTimeout());
});

/** Any well-formed text: every script, emoji, quotes, delimiters and line breaks; no NUL (it marks UTF-16/binary). */
const cellText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 8 }).map((p) => p.join('')),
).map((s) => s.replaceAll('\0', ''));
/**
 * Header names as a reader returns them: trimmed, and unique ignoring case (else a suffix is added); an
 * empty name is read as `column N` by position.
 */
const names = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom('id', 'nps', 'comment', 'Comment ', '__proto__', 'constructor', 'toString', 'a\nb', 'x"y', 'a,b;c', ''),
    cellText,
  ).map((n) => n.trim()).filter((n) => !/^column \d+$/i.test(n)),
  { minLength: 1, maxLength: 4, selector: (n) => n.toLowerCase() },
);
const table = names.chain((columns) =>
  fc.tuple(fc.constant(columns), fc.array(fc.array(cellText, { minLength: columns.length, maxLength: columns.length }), { maxLength: 10 })),
);

const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;
const newlines = (text: string) => text.split('\n').length - 1;
const object = (columns: string[], values: string[]) =>
  Object.fromEntries(columns.map((c, i) => [c === '' ? `column ${i + 1}` : c, values[i]]));
/** A third line whose filled cells are mostly `{"ImportId":…}` is a Qualtrics header by design (read-csv.ts). */
const qualtrics = (rows: string[][]) => {
  const filled = (rows[1] ?? []).map((v) => v.trim()).filter((v) => v !== '');
  return filled.length > 0 && filled.filter((v) => v.startsWith('{"ImportId":')).length >= filled.length / 2;
};

describe('well-formed files read back exactly', () => {
  it('CSV and TSV, every field quoted, LF, CRLF or both, with or without a BOM, with blank lines anywhere', async () => {
    const blanks = fc.array(fc.nat(2), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        table, fc.constantFrom(',', ';', '\t', '|'), fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 1 }), fc.boolean(), blanks, cuts,
        async ([columns, rows], sep, eols, bom, blank, at) => {
          fc.pre(!qualtrics(rows));
          const lines = [columns, ...rows].map((r) => r.map(quote).join(sep));
          const before = (k: number) => blank[k] ?? 0;
          // Line k ends with eols[k], or with the last one given: one line ending, or a mix.
          const eol = (k: number) => eols[Math.min(k, eols.length - 1)]!;
          const text = (bom ? '\uFEFF' : '') + lines.map((l, k) => eol(k).repeat(before(k)) + l + eol(k)).join('');
          const records = await readAll(memoryInput(utf8(text), at, sep === '\t' ? 'dump.tsv' : 'dump.csv'));
          expect(records.map((r) => r.fields)).toEqual(rows.map((r) => object(columns, r)));
          // Line k starts after every earlier line and the blank lines just before it.
          let line = 1;
          lines.forEach((l, k) => {
            line += before(k);
            if (k > 0) expect(records[k - 1]!.line).toBe(line);
            line += newlines(l) + 1;
          });
        },
      ),
      { numRuns: RUNS, timeout: RUN_TIMEOUT_MS },
    );
  }, fuzzTimeout());

  it('a row whose quote never closes is one reject on the line it starts, after every row before it', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('\n', '\r\n'), fc.nat(2), cellText, cuts, async ([columns, rows], eol, blank, broken, at) => {
        fc.pre(!qualtrics(rows) && !qualtrics([...rows, ['{"ImportId":']]));
        const lines = [columns, ...rows].map((r) => r.map(quote).join(','));
        const text = lines.join(eol) + eol + eol.repeat(blank) + `"${broken.replaceAll('"', '')}${eol}`;
        const records = await readAll(memoryInput(utf8(text), at, 'dump.csv'));
        expect(records.slice(0, rows.length).map((r) => r.fields)).toEqual(rows.map((r) => object(columns, r)));
        const broke = records[rows.length]!;
        expect(broke.reject?.code).toBe('R_QUOTE');
        expect(broke.line).toBe(lines.reduce((n, l) => n + newlines(l) + 1, 1) + blank);
        // The lines after the one it opens on are read again as rows (R_QUOTE, test/fixtures/bad/README.md):
        // only they may follow it, and with none it is the last record.
        for (const r of records.slice(rows.length + 1)) expect(r.line).toBeGreaterThan(broke.line);
        if (!broken.includes('\n')) expect(records).toHaveLength(rows.length + 1);
      }),
      { numRuns: RUNS, timeout: RUN_TIMEOUT_MS },
    );
  }, fuzzTimeout());

  it('JSON Lines and JSON arrays of objects', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('jsonl', 'json'), fc.constantFrom('\n', '\r\n'), cuts, async ([columns, rows], format, eol, at) => {
        const objects = rows.map((r) => object(columns, r));
        const lines = objects.map((o) => JSON.stringify(o));
        const text = format === 'jsonl' ? lines.join(eol) + eol : `[${eol}${lines.join(`,${eol}`)}${eol}]${eol}`;
        const records = await readAll(memoryInput(utf8(text), at, `dump.${format}`));
        expect(records.map((r) => r.fields)).toEqual(objects);
        expect(records.map((r) => r.line)).toEqual(objects.map((_, i) => i + (format === 'jsonl' ? 1 : 2)));
      }),
      { numRuns: RUNS, timeout: RUN_TIMEOUT_MS },
    );
  }, fuzzTimeout());
});

describe('regressions the properties found', () => {
  it('an unclosed quote on the header line is an E_FORMAT error, not an empty file', async () => {
    for (const [text, line] of [['"id,nps\n1,9\n2,10\n', 1], ['id,"nps\n1,9\n', 1], ['\n\n"id,nps\n1,9\n', 3]] as const) {
      const error = await readAll(memoryInput(utf8(text), [], 'dump.csv')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HeartlineError);
      expect((error as HeartlineError).format()).toBe(
        `[E_FORMAT] dump.csv:${line}: the header line cannot be read: a quote is never closed\n  hint: check the quotes on the header line`,
      );
    }
  });

  it('the delimiter is detected from the whole header record, even when a quoted name spans lines', async () => {
    const records = await readAll(memoryInput(utf8('"Why?\n(comment)";nps\n"Bra, tack";9\n'), [], 'dump.csv'));
    expect(records).toEqual([{ line: 3, raw: '"Bra, tack";9', size: 14, fields: { 'Why?\n(comment)': 'Bra, tack', nps: '9' } }]);
  });

  it('blank lines in a CRLF file count as lines', async () => {
    const records = await readAll(memoryInput(utf8('id,b\r\n1,2\r\n\r\n\r\n"x\r\ny",4\r\n5,6\r\n'), [], 'dump.csv'));
    expect(records.map((r) => r.line)).toEqual([2, 5, 7]);
  });

  it('a file that mixes LF and CRLF keeps no \\r in its last field; old Mac CR-only files still read', async () => {
    const mixed = await readAll(memoryInput(utf8('id,comment\n1,"Tack"\r\n2,Bra\r\n3,ok\n'), [], 'dump.csv'));
    expect(mixed.map((r) => [r.line, r.fields])).toEqual([
      [2, { id: '1', comment: 'Tack' }],
      [3, { id: '2', comment: 'Bra' }],
      [4, { id: '3', comment: 'ok' }],
    ]);
    const mac = await readAll(memoryInput(utf8('id,comment\r1,"Tack"\r2,Bra\r'), [], 'dump.csv'));
    expect(mac.map((r) => [r.line, r.fields])).toEqual([
      [2, { id: '1', comment: 'Tack' }],
      [3, { id: '2', comment: 'Bra' }],
    ]);
  });

  it('the delimiter is detected from the header, not from blank lines before it', async () => {
    const records = await readAll(memoryInput(utf8('\r\n\r\nid;comment\r\n1;"Bra, tack"\r\n'), [], 'dump.csv'));
    expect(records).toEqual([{ line: 4, raw: '1;"Bra, tack"', size: 15, fields: { id: '1', comment: 'Bra, tack' } }]);
  });

  it('invalid UTF-8 after a character cut in two by a chunk boundary is reported on its own line', async () => {
    const bytes = Buffer.concat([Buffer.from('id\nab'), Buffer.from([0xd0]), Buffer.from([0xb6]), Buffer.from('\nc\n�d'), Buffer.from([0xff])]);
    const cut = Buffer.from('id\nab').length + 1; // between the two bytes of ж
    const error = await readAll(memoryInput(new Uint8Array(bytes), [cut], 'dump.csv')).catch((e: unknown) => e);
    expect((error as HeartlineError).format()).toMatch(/^\[E_ENCODING\] dump.csv:4: invalid UTF-8/);
  });

  it('a last row whose quote never closes comes last, on the line it starts, also in CRLF files', async () => {
    for (const eol of ['\n', '\r\n']) {
      const records = await readAll(memoryInput(utf8(['id', '1', '2', '"broken', ''].join(eol)), [], 'dump.csv'));
      expect(records.map((r) => [r.line, r.raw, r.reject?.code])).toEqual([
        [2, '1', undefined],
        [3, '2', undefined],
        [4, '"broken', 'R_QUOTE'],
      ]);
    }
  });

  it('a blank line or a lone \\r inside a quoted field belongs to its row, in an LF or CRLF file', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['id,comment', `1,"Tack${eol}${eol}så"`, '2,"a\rb"', '3,ok', ''].join(eol);
      const records = await readAll(memoryInput(utf8(text), [], 'dump.csv'));
      expect(records.map((r) => [r.line, r.fields])).toEqual([
        [2, { id: '1', comment: `Tack${eol}${eol}så` }],
        [5, { id: '2', comment: 'a\rb' }],
        [6, { id: '3', comment: 'ok' }],
      ]);
    }
  });

  it('a column named __proto__ is read like any other', async () => {
    const [record] = await readAll(memoryInput(utf8('__proto__,nps\nx,9\n'), [], 'dump.csv'));
    expect(Object.keys(record!.fields!)).toEqual(['__proto__', 'nps']);
    expect(record!.fields!['__proto__']).toBe('x');
  });
});
