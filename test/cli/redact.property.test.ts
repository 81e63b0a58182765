import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/build-report.js';
import { MAX_RAW_CHARS, MAX_RECORD_CHARS } from '../../src/ingest/limits.js';
import { RENDERERS, type ReportFormat } from '../../src/report/renderers.js';
import type { Database } from '../../src/store/database.js';
import { fuzzRuns, fuzzTimeout } from '../helpers/fuzz-runs.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue #11, item 3: under --redact no e-mail address, phone number, card number or IBAN reaches stdout,
 * stderr, the JSON log, the ledger, the rejects or any report. Random personal data is planted in a random
 * field (comment, segment, survey language, id, score, date, an unused column, a column name), at a random
 * place in it, on a random path (stored, rejected for each reason, a file without a header row, an unknown
 * column, a row over the size limit cut at MAX_RAW_CHARS, a JSON line that does not parse), through `run`,
 * `import-scores` or `nightly`; afterwards none of it — nor 8 of its digits in a row — is found anywhere.
 */

const RUNS = fuzzRuns(12);

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Luhn check digit for the digits before it. */
function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** ISO 13616 check digits for a country and its BBAN. */
function ibanOf(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const ch of numeric) remainder = (remainder * 10 + Number(ch)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

const group4 = (s: string, sep: string) => s.match(/.{1,4}/g)!.join(sep);

const card = fc
  .tuple(pick('4', '51', '55', '2200', '6200'), digits(14), pick(' ', '-', ''))
  .map(([prefix, rest, sep]) => {
    const body = (prefix + rest).slice(0, 15);
    return group4(body + luhnDigit(body), sep);
  });

const phone = fc.oneof(
  digits(9).map((d) => `+7 9${d.slice(0, 2)} ${d.slice(2, 5)}-${d.slice(5, 7)}-${d.slice(7, 9)}`),
  digits(9).map((d) => `8 (9${d.slice(0, 2)}) ${d.slice(2, 5)}-${d.slice(5, 7)}-${d.slice(7, 9)}`),
  digits(8).map((d) => `+46 7${d[0]} ${d.slice(1, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`),
  digits(8).map((d) => `07${d[0]}-${d.slice(1, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`),
  digits(9).map((d) => `+86 13${d[0]} ${d.slice(1, 5)} ${d.slice(5, 9)}`),
  digits(9).map((d) => `13${d}`),
  fc.tuple(pick('20', '30', '70'), digits(7)).map(([a, d]) => `+36 ${a} ${d.slice(0, 3)} ${d.slice(3)}`),
  digits(7).map((d) => `06 30 ${d.slice(0, 3)} ${d.slice(3)}`),
  digits(8).map((d) => `+44 20 ${d.slice(0, 4)} ${d.slice(4)}`),
  fc.tuple(fc.integer({ min: 2, max: 9 }), digits(9)).map(([a, d]) => `(${a}${d.slice(0, 2)}) ${d.slice(2, 5)}-${d.slice(5)}`),
  fc.tuple(fc.integer({ min: 2, max: 9 }), digits(9)).map(([a, d]) => `+1 ${a}${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`),
);

const iban = fc
  .oneof(
    digits(20).map((d) => ibanOf('SE', d)),
    digits(18).map((d) => ibanOf('DE', d)),
    digits(24).map((d) => ibanOf('HU', d)),
    digits(14).map((d) => ibanOf('GB', `WEST${d}`)),
  )
  .chain((compact) => pick(compact, group4(compact, ' ')));

/** A local part with a digit in it, so that finding it anywhere can only be a leak. */
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z]{2,7}$/),
    digits(2),
    pick('', '.', '_', '+'),
    fc.stringMatching(/^[a-z]{0,5}$/),
    fc.stringMatching(/^[a-z]{3,8}$/),
    pick('se', 'ru', 'hu', 'cn', 'com', 'co.uk', 'рф'),
  )
  .map(([a, n, sep, b, domain, tld]) => `${a}${n}${b ? `${sep}${b}` : ''}@${domain}.${tld}`);

type Kind = 'email' | 'phone' | 'card' | 'iban';
const pii = fc.oneof(
  email.map((v) => ({ kind: 'email' as Kind, value: v })),
  phone.map((v) => ({ kind: 'phone' as Kind, value: v })),
  card.map((v) => ({ kind: 'card' as Kind, value: v })),
  iban.map((v) => ({ kind: 'iban' as Kind, value: v })),
);

const WORDS = ['Спасибо', 'звоните', 'Tack', 'ring', 'mig', '谢谢', '电话', 'Köszönöm', 'hívjon', 'please', 'call', 'refund', 'to'];
const words = fc.array(pick(...WORDS), { maxLength: 3 }).map((w) => w.join(' '));

/** One or two pieces of personal data (the second right after the first: item 2) amid words. */
const planted = fc
  .record({ before: words, first: pii, second: fc.option(pii, { nil: undefined }), after: words })
  .map(({ before, first, second, after }) => ({
    text: [before, first.value, second?.value, after].filter(Boolean).join(' '),
    values: [first, ...(second ? [second] : [])],
  }));

type Path =
  | 'comment' // stored in responses.text
  | 'segment' // a segment value: stored, in every report by channel
  | 'language' // the survey's language column
  | 'id' // the id of a row rejected as a duplicate: quoted in the reason
  | 'score' // R_SCORE quotes the answer
  | 'date' // R_DATE quotes the date
  | 'unused' // a column nobody reads, on a row rejected as empty (R_EMPTY keeps the raw line)
  | 'header' // a column name: listed by "the columns are: …" when a flag names a column that does not exist
  | 'headerless' // a CSV without a header row: its first data row is read as the column names
  | 'duplicate-header' // a column name given twice: named in a note
  | 'too-large' // a row over MAX_RECORD_CHARS: rejects.raw keeps MAX_RAW_CHARS, cut in the middle of the data
  | 'broken-json' // a JSON line that does not parse (the parser's message quotes it)
  | 'field-count' // a CSV row with one field too many
  | 'scores'; // a scores file (import-scores): R_SCORE on the answer

const PATHS: Path[] = ['comment', 'segment', 'language', 'id', 'score', 'date', 'unused', 'header', 'headerless',
  'duplicate-header', 'too-large', 'broken-json', 'field-count', 'scores'];

interface Case {
  path: Path;
  format: 'csv' | 'jsonl';
  command: 'run' | 'nightly';
  data: { text: string; values: { kind: Kind; value: string }[] };
  /** Where the data ends in a too-large row: at the cut, or just across it. */
  cutShift: number;
}

const cases: fc.Arbitrary<Case> = fc.record({
  path: pick(...PATHS),
  format: pick('csv', 'jsonl'),
  command: pick('run', 'nightly'),
  data: planted,
  cutShift: fc.integer({ min: -25, max: 5 }),
});

const HEADER = ['id', 'date', 'channel', 'language', 'nps', 'comment', 'note'];
const GOOD_ROWS = [
  ['g1', '2025-03-01', 'web', 'ru', '10', 'Превзошли все ожидания, спасибо!', ''],
  ['g2', '2025-03-02', 'app', 'sv', '2', 'Fick ringa tre gånger innan någon svarade.', ''],
  ['g3', '2025-03-03', 'phone', 'zh', '9', '客服很耐心，谢谢', ''],
];

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The dump for a case, and the arguments `run` gets for it. */
function dumpFor(c: Case): { name: string; content: string; args: string[] } {
  const text = c.data.text;
  const rows = GOOD_ROWS.map((r) => [...r]);
  let header = [...HEADER];
  const bad = ['b1', '2025-03-04', 'store', 'hu', '0', 'Soha többé nem rendelek.', ''];
  const args = ['--segment-column', 'channel'];
  let extra = '';
  switch (c.path) {
    case 'comment': bad[5] = text; break;
    case 'segment': bad[2] = text; break;
    case 'language': bad[3] = text; break;
    case 'id': rows.push(['dup', '2025-03-05', 'web', 'en', '8', 'Fine, thanks.', '']); bad[0] = 'dup'; bad[5] = `Changed ${text}`; break;
    case 'score': bad[4] = text; break;
    case 'date': bad[1] = text; break;
    case 'unused': bad[4] = ''; bad[5] = ''; bad[6] = text; break;
    case 'header': header[6] = text; args.push('--text-column', 'kommentar'); break;
    case 'headerless': header = bad.map((v, i) => (i === 5 ? text : v)); break;
    case 'duplicate-header': header[6] = text; header.push(text); rows.forEach((r) => r.push('')); bad.push(''); break;
    case 'too-large': {
      // The data straddles the cut at MAX_RAW_CHARS of the raw line, which is longer than MAX_RECORD_CHARS.
      bad[5] = '\u0001';
      const offset = serialise(c.format, header, bad).indexOf('\u0001');
      const fill = 'Курьер опоздал. '.repeat(MAX_RAW_CHARS).slice(0, MAX_RAW_CHARS - offset - Math.floor(text.length / 2) + c.cutShift);
      bad[5] = `${fill}${text} ${'x'.repeat(MAX_RECORD_CHARS)}`;
      break;
    }
    case 'broken-json': extra = `{"id":"b2","nps":3,"comment":${text}}`; break;
    case 'field-count': extra = `b2,2025-03-04,store,hu,0,ok,,${csvCell(text)}`; break;
    case 'scores': break;
  }
  if (c.path === 'scores') {
    return { name: 'scores.csv', content: `id,nps\ng1,9\nb1,${csvCell(text)}\n`, args: [] };
  }
  const all = [...rows, bad];
  const format = c.path === 'headerless' || c.path === 'field-count' || c.path === 'duplicate-header' ? 'csv' : c.path === 'broken-json' ? 'jsonl' : c.format;
  const lines = all.map((r) => serialise(format, header, r));
  if (format === 'csv') lines.unshift(header.map(csvCell).join(','));
  if (extra) lines.push(extra);
  return { name: `dump.${format}`, content: `${lines.join('\n')}\n`, args };
}

function serialise(format: 'csv' | 'jsonl', header: string[], row: string[]): string {
  if (format === 'csv') return row.map(csvCell).join(',');
  return JSON.stringify(Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** Everything a user or an operator can see afterwards: output, logs, ledger, rejects, every report. */
function everything(db: string, output: string): string {
  const seen = [output];
  const rejects = runCli(['rejects', '--all', '--db', db]);
  seen.push(rejects.stdout, rejects.stderr);
  const status = runCli(['status', '--db', db]);
  seen.push(status.stdout, status.stderr);
  let handle: BetterSqlite3.Database;
  try {
    handle = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
  } catch {
    return seen.join('\n'); // the run failed before creating the database
  }
  try {
    seen.push(JSON.stringify(handle.prepare('SELECT * FROM import_runs').all()));
    seen.push(JSON.stringify(handle.prepare('SELECT * FROM rejects').all()));
    const report = buildReport(handle as unknown as Database, { database: db, filters: {}, by: ['lang', 'channel'] });
    for (const format of Object.keys(RENDERERS) as ReportFormat[]) seen.push(RENDERERS[format](report));
  } finally {
    handle.close();
  }
  return seen.join('\n');
}

/** The planted values found in `text`: whole, or 8 of a number's digits in a row (separators between them ignored). */
function leaks(text: string, values: { kind: Kind; value: string }[]): string[] {
  const joined = text.replace(/(?<=\d)[ .\-()]+(?=\d)/g, '');
  const found: string[] = [];
  for (const { kind, value } of values) {
    if (text.includes(value)) found.push(value);
    if (kind === 'email') {
      const local = value.slice(0, value.indexOf('@'));
      if (text.includes(local)) found.push(`${value} (its local part)`);
      continue;
    }
    const numerals = value.replace(/\D/g, '');
    for (let i = 0; i + 8 <= numerals.length; i++) {
      // A stretch like 00000000 (fast-check shrinks towards zeros) is found in any long number.
      if (new Set(numerals.slice(i, i + 8)).size < 4) continue;
      if (joined.includes(numerals.slice(i, i + 8))) {
        found.push(`${value} (digits ${numerals.slice(i, i + 8)})`);
        break;
      }
    }
  }
  return found;
}

describe('--redact leaks no personal data, on any path (property)', () => {
  it('plants random personal data in random fields, places and failure paths, and finds none of it afterwards', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const dir = mkdtempSync(join(tmpdir(), 'heartline-leak-'));
        try {
          const db = join(dir, 'h.db');
          const dump = dumpFor(c);
          const file = join(dir, dump.name);
          writeFileSync(file, dump.content);
          let result;
          if (c.command === 'nightly') {
            mkdirSync(join(dir, 'reports'));
            const input = { path: dump.name, source: 'survey', scores: c.path === 'scores', columns: c.path === 'scores' ? {} : { segments: ['channel'], ...(c.path === 'header' ? { text: 'kommentar' } : {}) } };
            writeFileSync(join(dir, 'heartline.config.json'), JSON.stringify({
              database: 'h.db', redact: true, inputs: [input],
              reports: (['md', 'table', 'json'] as const).map((format) => ({ format, path: `reports/r.${format}`, by: ['lang', 'channel'] })),
            }));
            result = runCli(['nightly', '--config', join(dir, 'heartline.config.json'), '--log-format', 'json']);
          } else {
            const command = c.path === 'scores' ? 'import-scores' : 'run';
            result = runCli([command, file, '--db', db, '--redact', '--log-format', 'json', '--workers', '0', ...dump.args]);
          }
          expect(result.stderr).not.toContain('internal error');
          const seen = everything(db, `${result.stdout}\n${result.stderr}`);
          const reports = c.command === 'nightly' ? ['md', 'table', 'json'].map((f) => readIfThere(join(dir, 'reports', `r.${f}`))) : [];
          expect(leaks([seen, ...reports].join('\n'), c.data.values)).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  }, fuzzTimeout(600_000));
});

function readIfThere(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
