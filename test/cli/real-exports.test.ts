import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { encodeLegacy } from '../helpers/encode-legacy.js';
import { rows } from '../helpers/open-test-db.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

function stored(db: string, sql: string): Record<string, unknown>[] {
  const handle = openDatabase(db);
  try {
    return rows(handle, sql);
  } finally {
    handle.close();
  }
}

/** A Swedish team's workbook: a notes sheet first, the answers on "Svar", dates as date cells and one as a serial. */
async function swedishWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Anteckningar').addRow(['Exporterad från enkätverktyget, december 2026']);
  const sheet = book.addWorksheet('Svar');
  sheet.addRow(['Svars-ID', 'Betyg', 'Kommentar', 'Datum', 'Kanal', null, null]);
  sheet.addRow(['S-1', 10, 'Supersnabb leverans och trevlig personal!', new Date(Date.UTC(2026, 10, 5)), 'webb']);
  sheet.addRow(['S-2', { formula: '1+1', result: 2 }, { richText: [{ text: 'Fick ringa ' }, { text: 'tre gånger' }, { text: ' innan någon svarade.' }] }, 46335, 'telefon']);
  sheet.getCell('D3').numFmt = 'yyyy-mm-dd';
  sheet.addRow(['S-3', '9 (Mycket troligt)', 'Bra, men dyrt.', new Date(Date.UTC(2026, 10, 7, 14, 30)), 'butik']);
  sheet.addRow([]);
  sheet.addRow(['S-4', 11, 'Elva av tio!', new Date(Date.UTC(2026, 10, 8)), 'webb']);
  await book.xlsx.writeFile(path);
}

describe('real exports, as CX teams feed them', () => {
  it('an Excel workbook: the sheet named, Swedish headers, date cells and serials, formulas, rich text; a bad row rejected by its row number', async () => {
    const file = join(tmp.dir(), 'svar.xlsx');
    await swedishWorkbook(file);
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', file, '--db', db, '--sheet', 'Svar', '--segment-column', 'Kanal', '--no-summary', '--import-only']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `${file} (xlsx, sheet 'Svar'): read 4 = inserted 3 + updated 0 + unchanged 0 + rejected 1`,
        '  columns: id ← Svars-ID; score ← Betyg; comment ← Kommentar; date ← Datum; segments ← Kanal',
        '  see why: heartline rejects --run 1',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(3);
    expect(stored(db, 'SELECT external_id, score, text, responded_at, segments FROM responses ORDER BY id')).toEqual([
      { external_id: 'S-1', score: 10, text: 'Supersnabb leverans och trevlig personal!', responded_at: '2026-11-05', segments: '{"kanal":"webb"}' },
      { external_id: 'S-2', score: 2, text: 'Fick ringa tre gånger innan någon svarade.', responded_at: '2026-11-09', segments: '{"kanal":"telefon"}' },
      { external_id: 'S-3', score: 9, text: 'Bra, men dyrt.', responded_at: '2026-11-07T14:30:00', segments: '{"kanal":"butik"}' },
    ]);
    expect(runCli(['rejects', '--db', db]).stdout).toBe(`${file}:6: R_SCORE: NPS answer 11 is outside 0–10\n    S-4,11,Elva av tio!,2026-11-08,webb\n1 reject\n`);
  });

  it('an Excel workbook without --sheet reads the first sheet, and names the sheets when --sheet is wrong', async () => {
    const file = join(tmp.dir(), 'svar.xlsx');
    await swedishWorkbook(file);
    const db = join(tmp.dir(), 'h.db');
    const first = runCli(['run', file, '--db', db, '--no-summary', '--import-only']);
    expect(first.status).toBe(2);
    expect(first.stderr).toContain('[E_COLUMN]');
    const wrong = runCli(['run', file, '--db', db, '--sheet', 'Answers', '--no-summary']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe(`heartline: [E_USAGE] ${file}: --sheet 'Answers' is not a sheet of this workbook\n  hint: the sheets are: Anteckningar, Svar\n`);
  });

  it('a UK-dated CSV: the column settles day first, and a date that cannot be read keeps its row', () => {
    const file = tmp.file(
      'uk.csv',
      [
        'Response ID,Date,NPS,Comment',
        'u1,05/11/2026,9,Lovely staff in the Leeds store.',
        'u2,12/11/2026,3,Delivery slot moved twice.',
        'u3,13/11/2026,10,Brilliant!',
        'u4,31/11/2026,6,No 31st of November.',
        '',
      ].join('\n'),
    );
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', file, '--db', db, '--no-summary', '--import-only']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `${file} (csv, utf-8): read 4 = inserted 4 + updated 0 + unchanged 0 + rejected 0`,
        '  columns: id ← Response ID; score ← NPS; comment ← Comment; date ← Date',
        "  dates: day first (dd/MM/yyyy), settled by '13/11/2026' on line 4",
        '  warning: 1 row stored without a date: the date cannot be read (W_DATE)',
        '  see why: heartline rejects --run 1',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(0);
    expect(stored(db, 'SELECT external_id, responded_at, score, text FROM responses ORDER BY id')).toEqual([
      { external_id: 'u1', responded_at: '2026-11-05', score: 9, text: 'Lovely staff in the Leeds store.' },
      { external_id: 'u2', responded_at: '2026-11-12', score: 3, text: 'Delivery slot moved twice.' },
      { external_id: 'u3', responded_at: '2026-11-13', score: 10, text: 'Brilliant!' },
      { external_id: 'u4', responded_at: null, score: 6, text: 'No 31st of November.' },
    ]);
    expect(runCli(['rejects', '--db', db]).stdout).toBe(
      `0 rejects\n${file}:5: W_DATE: date '31/11/2026' is not in a recognised format (dd/MM/yyyy, as this file's dates settled); stored without a date\n1 row imported with a warning\n`,
    );
  });

  it('nested JSON: a Typeform-style export (responses under "items", answers as question–answer pairs) and dotted paths', () => {
    const typeform = {
      total_items: 2,
      items: [
        {
          token: 'tf1',
          submitted_at: '2026-11-20T09:15:00Z',
          hidden: { market: 'HU' },
          answers: [
            { field: { id: 'a1', ref: 'nps', type: 'opinion_scale' }, type: 'number', number: 9 },
            { field: { id: 'a2', ref: 'reason', type: 'long_text' }, type: 'text', text: 'Gyors szállítás, kedves futár.' },
          ],
        },
        {
          token: 'tf2',
          submitted_at: '2026-11-21T17:40:00Z',
          hidden: { market: 'SE' },
          answers: [{ field: { id: 'a1', ref: 'nps', type: 'opinion_scale' }, type: 'number', number: 4 }],
        },
      ],
    };
    const file = tmp.file('typeform.json', JSON.stringify(typeform, null, 2));
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', file, '--db', db, '--segment-column', 'hidden.market', '--no-summary', '--import-only']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `${file} (json, utf-8, array under 'items'): read 2 = inserted 2 + updated 0 + unchanged 0 + rejected 0`,
        '  columns: id ← token; score ← answers.nps; comment ← answers.reason; date ← submitted_at; segments ← hidden.market',
        "  note: JSON object: the responses are the array under 'items'",
        '',
      ].join('\n'),
    );
    expect(stored(db, 'SELECT external_id, score, text, responded_at, segments FROM responses ORDER BY id')).toEqual([
      { external_id: 'tf1', score: 9, text: 'Gyors szállítás, kedves futár.', responded_at: '2026-11-20T09:15:00Z', segments: '{"hidden.market":"HU"}' },
      { external_id: 'tf2', score: 4, text: '', responded_at: '2026-11-21T17:40:00Z', segments: '{"hidden.market":"SE"}' },
    ]);

    const lines = tmp.file('nested.jsonl', [
      '{"ticket":{"id":"Z-1"},"survey":{"q":{"nps":"10 - Extremely likely","why":"Отличная поддержка!"}},"created":1795000000}',
      '{"ticket":{"id":"Z-2"},"survey":{"q":{"nps":{"value":7},"why":"So-so."}},"created":1795003600}',
      '',
    ].join('\n'));
    const db2 = join(tmp.dir(), 'h2.db');
    const named = runCli(['run', lines, '--db', db2, '--id-column', 'ticket.id', '--score-column', 'survey.q.nps', '--text-column', 'survey.q.why', '--no-summary', '--import-only']);
    expect(named.stdout).toBe(
      [
        `${lines} (jsonl, utf-8): read 2 = inserted 2 + updated 0 + unchanged 0 + rejected 0`,
        '  columns: id ← ticket.id (named); score ← survey.q.nps (named); comment ← survey.q.why (named); date ← created',
        '  not used: survey.q.nps.value (keep one with --segment-column)',
        '',
      ].join('\n'),
    );
    // An object where the score was is its own column (survey.q.nps.value), never "[object Object]".
    expect(stored(db2, 'SELECT external_id, score, text, responded_at FROM responses ORDER BY id')).toEqual([
      { external_id: 'Z-1', score: 10, text: 'Отличная поддержка!', responded_at: '2026-11-18T11:06:40Z' },
      { external_id: 'Z-2', score: null, text: 'So-so.', responded_at: '2026-11-18T12:06:40Z' },
    ]);
  });

  it('a Qualtrics export with choice text: "10 - Extremely likely" and its translations are scores', () => {
    const file = tmp.file(
      'qualtrics.csv',
      [
        'StartDate,RecordedDate,ResponseId,UserLanguage,Q1,Q1_NPS_GROUP,Q2',
        'Start Date,Recorded Date,Response ID,User Language,How likely are you to recommend us to a friend?,How likely are you to recommend us to a friend? - Group,What is the main reason for your score?',
        '{"ImportId":"startDate"},{"ImportId":"recordedDate"},{"ImportId":"_recordId"},{"ImportId":"userLanguage"},{"ImportId":"QID1"},{"ImportId":"QID1_NPS_GROUP"},{"ImportId":"QID2_TEXT"}',
        '2026-11-02 10:00:00,2026-11-02 10:04:00,R_1,EN,10 - Extremely likely,Promoter,Great service.',
        '2026-11-02 11:00:00,2026-11-02 11:03:00,R_2,SV,0 - Inte alls troligt,Detractor,Aldrig mer.',
        '2026-11-03 09:00:00,2026-11-03 09:02:00,R_3,RU,9 (Весьма вероятно),Promoter,Быстро и вежливо.',
        '2026-11-03 12:00:00,2026-11-03 12:06:00,R_4,HU,10 – Nagyon valószínű,Promoter,Minden rendben volt.',
        '2026-11-04 08:00:00,2026-11-04 08:01:00,R_5,ZH-S,极有可能（10）,Promoter,非常满意',
        '2026-11-04 09:00:00,2026-11-04 09:01:00,R_6,EN,Extremely likely,,Label without its number.',
        '',
      ].join('\n'),
    );
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', file, '--db', db, '--no-summary', '--import-only']);
    expect(result.stdout).toBe(
      [
        `${file} (csv, utf-8): read 6 = inserted 5 + updated 0 + unchanged 0 + rejected 1`,
        '  columns: id ← ResponseId; score ← Q1 (beside Q1_NPS_GROUP); comment ← Q2 (by its question); date ← RecordedDate; survey language ← UserLanguage',
        '  not used: StartDate, Q1_NPS_GROUP (keep one with --segment-column)',
        '  note: Qualtrics export: skipped the question-text and ImportId header rows',
        '  see why: heartline rejects --run 1',
        '',
      ].join('\n'),
    );
    expect(stored(db, 'SELECT external_id, score FROM responses ORDER BY id')).toEqual([
      { external_id: 'R_1', score: 10 },
      { external_id: 'R_2', score: 0 },
      { external_id: 'R_3', score: 9 },
      { external_id: 'R_4', score: 10 },
      { external_id: 'R_5', score: 10 },
    ]);
    expect(runCli(['rejects', '--db', db]).stdout).toContain(
      `${file}:9: R_SCORE: NPS answer 'Extremely likely' is not a number from 0 to 10 (a choice label without its number? export the numbers, or the choice text with them)`,
    );
  });

  it('a Hungarian-headed CSV in windows-1250: the error names the encoding with evidence, and --encoding auto reads it', () => {
    const text = [
      'Azonosító;Pontszám;Megjegyzés;Dátum',
      'H-1;9;Nagyszerű kiszolgálás, köszönöm!;2026.11.05.',
      'H-2;2;Háromszor kellett felhívnom az ügyfélszolgálatot, erről ennyit.;2026.11.06.',
      'H-3;7;Rendben volt, de drága.;2026.11.07.',
      '',
    ].join('\r\n');
    const file = tmp.file('hu.csv', encodeLegacy(text, 'windows-1250'));
    const db = join(tmp.dir(), 'h.db');
    const plain = runCli(['run', file, '--db', db, '--no-summary']);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe(
      `heartline: [E_ENCODING] ${file}:1: invalid UTF-8 bytes: the file is not UTF-8\n` +
        "  hint: the bytes read as windows-1250 (Central European: Hungarian, Czech, Polish …), with words such as 'Azonosító', 'Pontszám', 'Megjegyzés': pass --encoding windows-1250 (or --encoding auto)\n",
    );
    const auto = runCli(['run', file, '--db', db, '--encoding', 'auto', '--no-summary', '--import-only']);
    expect(auto.stderr).toBe('');
    expect(auto.stdout).toBe(
      [
        `${file} (csv, windows-1250): read 3 = inserted 3 + updated 0 + unchanged 0 + rejected 0`,
        '  columns: id ← Azonosító; score ← Pontszám; comment ← Megjegyzés; date ← Dátum',
        "  encoding: windows-1250 chosen by --encoding auto: the bytes read as windows-1250 (Central European: Hungarian, Czech, Polish …), with words such as 'Azonosító', 'Pontszám', 'Megjegyzés'",
        '',
      ].join('\n'),
    );
    expect(stored(db, 'SELECT text, responded_at FROM responses ORDER BY id')[1]).toEqual({
      text: 'Háromszor kellett felhívnom az ügyfélszolgálatot, erről ennyit.',
      responded_at: '2026-11-06',
    });
  });

  it('headers in the five languages and of help-desk tools are recognised', () => {
    const cases: [string, string][] = [
      ['Номер;Оценка;Комментарий;Дата', 'id ← Номер; score ← Оценка; comment ← Комментарий; date ← Дата'],
      ['Ärende;Betyg;Kommentar;Datum', 'id ← Ärende; score ← Betyg; comment ← Kommentar; date ← Datum'],
      ['编号;评分;评论;日期', 'id ← 编号; score ← 评分; comment ← 评论; date ← 日期'],
      ['Azonosító;Pontszám;Megjegyzés;Dátum', 'id ← Azonosító; score ← Pontszám; comment ← Megjegyzés; date ← Dátum'],
      ['Ticket ID;Satisfaction Comment;Created at;Likelihood to recommend', 'id ← Ticket ID; score ← Likelihood to recommend; comment ← Satisfaction Comment; date ← Created at'],
      ['#;How likely are you to recommend us?;Why?;Submit Date (UTC)', 'id ← #; score ← How likely are you to recommend us? (by its question); comment ← Why? (by its question); date ← Submit Date (UTC)'],
    ];
    for (const [header, mapping] of cases) {
      const file = tmp.file('headers.csv', `${header}\n1;9;ok;2026-11-05\n`);
      const result = runCli(['inspect', file, '--rows', '1']);
      expect(result.stdout, header).toContain(`  columns: ${mapping}\n`);
    }
  });
});

describe('heartline inspect', () => {
  it('shows how a file would be read, and writes nothing', () => {
    const file = tmp.file(
      'export.csv',
      [
        'Ticket;NPS;Feedback;submitted;agent',
        'T-1;9;Köszönöm a gyors segítséget!;05/11/2026;anna',
        'T-2;11;Too high;06/11/2026;ben',
        'T-3;3;"Долго ждал ответа, call me at +7 912 345-67-89";13/11/2026;anna',
        '',
      ].join('\n'),
    );
    const result = runCli(['inspect', file, '--redact'], { cwd: tmp.dir() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        file,
        "  format: csv, utf-8, delimiter ';'",
        '  columns: id ← Ticket; score ← NPS; comment ← Feedback; date ← submitted',
        "  dates: day first (dd/MM/yyyy), settled by '13/11/2026' on line 4",
        '  not used: agent (keep one with --segment-column)',
        '  first 3 rows as read:',
        '    line 2: id T-1 · score 9 · date 2026-11-05 · comment "Köszönöm a gyors segítséget!"',
        '    line 3: rejected R_SCORE: NPS answer 11 is outside 0–10',
        '    line 4: id T-3 · score 3 · date 2026-11-13 · comment "Долго ждал ответа, call me at [PHONE]"',
        '  rows: 3 read: 2 would be imported, 1 rejected',
        '  would be rejected:',
        '    R_SCORE ×1',
        '      line 3: NPS answer 11 is outside 0–10',
        'nothing was written',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(3);
    expect(existsSync(join(tmp.dir(), 'heartline.db'))).toBe(false);
  });
});
