import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HeartlineError } from '../../src/errors.js';
import { MAX_RAW_CHARS, MAX_RECORD_CHARS } from '../../src/ingest/limits.js';
import { openInput } from '../../src/ingest/open-input.js';
import { type ReadOptions, readTable } from '../../src/ingest/read-table.js';
import type { SourceRecord } from '../../src/ingest/table.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

async function read(name: string, content: string | Buffer, options: ReadOptions = {}) {
  const input = await openInput(tmp.file(name, content));
  const table = await readTable(input, options);
  const records: SourceRecord[] = [];
  for await (const r of table.records) records.push(r);
  return { table, records, checksum: input.checksum() };
}

const HEADER = 'id,nps,comment\n';
const ROWS = [
  ['1', '10', 'Отличный сервис, спасибо!'],
  ['2', '3', 'Fick ringa tre gånger innan någon svarade.'],
  ['3', '9', '送货很快，服务很好'],
  ['4', '0', 'Soha többé nem rendelek.'],
  ['5', '8', 'Fine, nothing special.'],
];

/** A CSV line with fields quoted where they need it. */
function csvLine(fields: string[], sep = ','): string {
  return fields.map((f) => (/[",;\t|\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(sep);
}

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

describe('readTable: formats', () => {
  it.each([
    ['comma.csv', ','],
    ['semicolon.csv', ';'],
    ['tab.csv', '\t'],
    ['tab.tsv', '\t'],
    ['pipe.txt', '|'],
  ])('reads %s (delimiter %j) in every language', async (name, sep) => {
    const text = [HEADER.trim().split(',').join(sep), ...ROWS.map((r) => csvLine(r, sep))].join('\n');
    const { records } = await read(name, text);
    expect(records.map((r) => r.fields?.['comment'])).toEqual(ROWS.map((r) => r[2]));
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('keeps quoted newlines and "" escapes, and reports the line a row starts on', async () => {
    const { records } = await read(
      'quoted.csv',
      'id,nps,comment\r\n1,10,"Он сказал ""вау""\r\nи ушёл довольный"\r\n2,9,"a, b"\r\n',
    );
    expect(records.map((r) => [r.line, r.fields?.['comment']])).toEqual([
      [2, 'Он сказал "вау"\r\nи ушёл довольный'],
      [4, 'a, b'],
    ]);
  });

  it('reads JSON Lines, rejecting bad lines without losing the good ones', async () => {
    const { records, table } = await read(
      'dump.jsonl',
      '{"id":"a","score":9,"feedback":"Tack för snabb leverans!"}\n\nnot json\n[1,2]\n{"id":"b","score":"2","feedback":"Köszönöm, de késett."}\n',
    );
    expect(table.format).toBe('jsonl');
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'score', 'feedback']);
    expect(records.map((r) => [r.line, r.reject?.code ?? r.fields?.['id']])).toEqual([
      [1, 'a'],
      [3, 'R_JSON'],
      [4, 'R_NOT_OBJECT'],
      [5, 'b'],
    ]);
  });

  it('streams a JSON array, with the line each element starts on', async () => {
    const { records, table } = await read(
      'dump.json',
      '[\n  {"id": 1, "text": "很满意，谢谢"},\n  {"id": 2,\n   "text": "bracket ] and brace } in \\"text\\""},\n  {"id": 3, "text": oops}\n]\n',
    );
    expect(table.format).toBe('json');
    expect(records.map((r) => [r.line, r.reject?.code ?? r.fields?.['text']])).toEqual([
      [2, '很满意，谢谢'],
      [3, 'bracket ] and brace } in "text"'],
      [5, 'R_JSON'],
    ]);
  });

  it('sniffs NDJSON saved as .json and a JSON array on stdin-like names', async () => {
    expect((await read('really-ndjson.json', '{"id":1,"text":"ok"}\n{"id":2,"text":"ok"}\n')).table.format).toBe('jsonl');
    expect((await read('export', '[{"id":1,"text":"ok"}]')).table.format).toBe('json');
  });

  it('fails clearly on a JSON array cut short', async () => {
    await expect(read('cut.json', '[{"id":1},{"id":2')).rejects.toThrow(/not closed/);
  });

  it.each(['gz.csv.gz', 'gz.jsonl.gz'])('reads gzip-compressed %s (detected by content)', async (name) => {
    const text = name.includes('jsonl')
      ? ROWS.map((r) => JSON.stringify({ id: r[0], nps: r[1], comment: r[2] })).join('\n')
      : HEADER + ROWS.map((r) => csvLine(r)).join('\n');
    const { records } = await read(name, gzipSync(Buffer.from(text)));
    expect(records).toHaveLength(5);
    expect(records[2]?.fields?.['comment']).toBe('送货很快，服务很好');
  });

  it('caps gzip input that expands past --max-bytes', async () => {
    const path = tmp.file('bomb.csv.gz', gzipSync(Buffer.alloc(5_000_000, 'a')));
    await expect(async () => {
      const table = await readTable(await openInput(path, 1_000_000));
      for await (const _ of table.records);
    }).rejects.toThrow(/expands past 1000000 bytes/);
  });
});

describe('readTable: encodings', () => {
  const text = HEADER + ROWS.map((r) => csvLine(r)).join('\n');

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(text, 'le'), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(text, 'be'), 'utf-16be'],
  ])('reads %s', async (_, bytes, encoding) => {
    const { records, table } = await read('enc.csv', bytes);
    expect(table.encoding).toBe(encoding);
    expect(table.columns[0]?.name).toBe('id');
    expect(records.map((r) => r.fields?.['comment'])).toEqual(ROWS.map((r) => r[2]));
  });

  it.each([
    ['windows-1251', 'id,nps,comment\n1,10,"Спасибо, всё отлично"\n', 'Спасибо'],
    ['windows-1250', 'id,nps,comment\n1,10,"Köszönöm, nagyon elégedett vagyok. Hűtő ő"\n', 'Hűtő ő'],
    ['windows-1252', 'id,nps,comment\n1,10,"Très bien, merci – fast delivery"\n', 'Très'],
  ])('reads %s with --encoding', async (encoding, source, expected) => {
    const bytes = encodeSingleByte(source, encoding);
    const { records } = await read('legacy.csv', bytes, { encoding });
    expect(String(records[0]?.fields?.['comment'])).toContain(expected);
  });

  it('stops on invalid UTF-8 with the line it is on and a hint', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,nps,comment\n1,10,ok\n'),
      encodeSingleByte('2,3,Ужасно\n', 'windows-1251'),
    ]);
    const error = await read('cp1251.csv', bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeartlineError);
    expect((error as HeartlineError).code).toBe('E_ENCODING');
    expect((error as HeartlineError).context.line).toBe(3);
    expect((error as HeartlineError).format()).toContain('--encoding windows-1251');
  });

  it('refuses binary input and UTF-16 without a BOM', async () => {
    const noBom = Buffer.from(text, 'utf16le');
    await expect(read('nobom.csv', noBom)).rejects.toMatchObject({ code: 'E_ENCODING' });
  });
});

describe('readTable: CSV structure', () => {
  it('detects a Qualtrics export and uses its question texts', async () => {
    const { table, records } = await read(
      'qualtrics.csv',
      [
        'ResponseId,Q1,Q1_NPS_GROUP,Q2',
        'Response ID,How likely are you to recommend us?,How likely are you to recommend us? - Group,Why?',
        '{"ImportId":"_recordId"},{"ImportId":"QID1"},{"ImportId":"QID1_NPS_GROUP"},{"ImportId":"QID2_TEXT"}',
        'R_1,10,3,Mycket nöjd',
      ]
        .map((l) => l.replace(/\{"ImportId":"([^"]+)"\}/g, '"{""ImportId"":""$1""}"'))
        .join('\n'),
    );
    expect(table.columns[1]).toEqual({ name: 'Q1', question: 'How likely are you to recommend us?' });
    expect(table.notes[0]).toMatch(/Qualtrics/);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 4, fields: { Q2: 'Mycket nöjd' } });
  });

  it('rejects ragged rows with the field counts, keeping the rest', async () => {
    const { records } = await read('ragged.csv', 'id,nps,comment\n1,9,ok\n2,9\n3,9,a,b\n4,9,fine,,\n');
    expect(records.map((r) => r.reject?.reason ?? 'ok')).toEqual([
      'ok',
      'row has 2 fields but the header has 3',
      'row has 4 fields but the header has 3',
      'ok',
    ]);
  });

  it.each([
    ['an unclosed quote', 'id,nps,comment\r\n1,9,"Спасибо\r\n2,3,Tack\r\n3,9,好\r\n', [[2, 'R_QUOTE'], [3, '2'], [4, '3']]],
    ['a quote closed by a later row', 'id,nps,comment\n1,9,"Köszönöm\n2,3,Tack\n3,9,"a, b"\n', [[2, 'R_QUOTE'], [3, '2'], [4, '3']]],
    ['a quoted newline that fits', 'id,nps,comment\n1,9,"Tack\nså mycket"\n\n2,3,ok\n', [[2, '1'], [5, '2']]],
    // Found by the ledger property: short, but its comment's second line holds no row — one reject, not two.
    ['a short row with a quoted newline', 'id,comment,channel\n1,"Köszönöm\r\nszépen"\n2,ok,web\n', [[2, 'R_FIELD_COUNT'], [4, '2']]],
    ['a row over the size limit', `id,nps,comment\n1,9,ok\n2,9,${'ж'.repeat(MAX_RECORD_CHARS)}\n3,9,ok\n`, [[2, '1'], [3, 'R_TOO_LARGE'], [4, '3']]],
    ['a JSON line over the size limit', `{"id":1}\n{"id":2,"c":"${'好'.repeat(MAX_RECORD_CHARS)}"}\n{"id":3}\n`, [[1, 1], [2, 'R_TOO_LARGE'], [3, 3]]],
  ])('reads past %s, rejecting only its line', async (_, text, expected) => {
    const { records } = await read(text.startsWith('{') ? 'rows.jsonl' : 'rows.csv', text);
    expect(records.map((r) => [r.line, r.reject?.code ?? r.fields?.['id']])).toEqual(expected);
    for (const r of records) expect(r.raw.length).toBeLessThanOrEqual(MAX_RAW_CHARS + 1);
  });

  it('renames duplicate column names instead of shadowing one', async () => {
    const { table } = await read('dup.csv', 'id,comment,comment\n1,a,b\n');
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'comment', 'comment (2)']);
  });

  it('reads an empty file and a header-only file as no rows', async () => {
    expect((await read('empty.csv', '')).records).toEqual([]);
    expect((await read('header.csv', 'id,nps,comment\n')).records).toEqual([]);
  });
});

function encodeSingleByte(text: string, encoding: string): Buffer {
  // Build the reverse table from TextDecoder itself: no encoder for legacy code pages ships with Node.
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}
