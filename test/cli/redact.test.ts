import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { rows } from '../helpers/open-test-db.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

/** Feedback with personal data in every language; the last two rows are rejected (NPS 11, N/A). */
const DUMP = [
  'response_id,submitted_at,channel,nps,comment',
  '1,2025-03-01,web,10,"Превзошли ожидания, спасибо! Звоните: +7 912 345-67-89"',
  '2,2025-03-02,app,2,Jag är jättearg. Ring mig på 070-123 45 67 eller mejla anna.svensson@example.se',
  '3,2025-03-03,phone,9,客服很耐心，谢谢！我的电话 138 0013 8000',
  '4,2025-03-04,store,0,"Soha többé, csalódott vagyok! Utalják vissza: HU42 1177 3016 1111 1018 0000 0000"',
  '5,2025-03-05,web,1,"They charged my card 4111 1111 1111 1111 twice, furious! Email jane.doe@example.co.uk"',
  '6,2025-03-06,web,11,Слишком дорого. Пишите на иван@почта.рф или 8 (912) 345-67-89',
  '7,2025-03-07,web,N/A,Refund to GB82 WEST 1234 5698 7654 32 or call (555) 123-4567',
].join('\n');

/** Every piece of personal data in DUMP, as written. */
const PII = [
  '+7 912 345-67-89', '070-123 45 67', 'anna.svensson@example.se', '138 0013 8000', 'HU42 1177 3016 1111 1018 0000 0000',
  '4111 1111 1111 1111', 'jane.doe@example.co.uk', 'иван@почта.рф', '8 (912) 345-67-89', 'GB82 WEST 1234 5698 7654 32', '(555) 123-4567',
];

const leaks = (text: string) => PII.filter((p) => text.includes(p));

function stored(db: string): { texts: string; rejects: string } {
  const handle = openDatabase(db);
  const texts = rows<{ text: string }>(handle, 'SELECT text FROM responses ORDER BY external_id').map((r) => r.text);
  const rejects = rows<{ raw: string; reason: string }>(handle, 'SELECT raw, reason FROM rejects ORDER BY line');
  handle.close();
  return { texts: texts.join('\n'), rejects: rejects.map((r) => `${r.reason}\n${r.raw}`).join('\n') };
}

describe('heartline run --redact', () => {
  it('stores comments and rejected rows masked, and the reports show no personal data', () => {
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', tmp.file('pii.csv', DUMP), '--db', db, '--redact', '--no-summary']);
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('read 7 = inserted 5 + updated 0 + unchanged 0 + rejected 2');
    const { texts, rejects } = stored(db);
    expect(texts).toBe(
      [
        'Превзошли ожидания, спасибо! Звоните: [PHONE]',
        'Jag är jättearg. Ring mig på [PHONE] eller mejla [EMAIL]',
        '客服很耐心，谢谢！我的电话 [PHONE]',
        'Soha többé, csalódott vagyok! Utalják vissza: [IBAN]',
        'They charged my card [CARD] twice, furious! Email [EMAIL]',
      ].join('\n'),
    );
    expect(leaks(rejects)).toEqual([]);
    expect(rejects).toContain('6,2025-03-06,web,11,Слишком дорого. Пишите на [EMAIL] или [PHONE]');
    expect(rejects).toContain('7,2025-03-07,web,N/A,Refund to [IBAN] or call [PHONE]');
    expect(leaks(runCli(['rejects', '--db', db]).stdout)).toEqual([]);

    const json = runCli(['report', '--db', db, '--format', 'json']);
    expect(json.status).toBe(0);
    expect(leaks(json.stdout)).toEqual([]);
    const verbatims = Object.values(JSON.parse(json.stdout).verbatims as Record<string, { text: string }[]>).flat();
    expect(verbatims.map((v) => v.text)).toContain('They charged my card [CARD] twice, furious! Email [EMAIL]');
    const html = runCli(['report', '--db', db, '--format', 'html']);
    expect(leaks(html.stdout)).toEqual([]);
    expect(html.stdout).toContain('They charged my card [CARD] twice, <mark>furious</mark>! Email [EMAIL]');
  }, 60_000);

  it('without --redact stores the text as typed; report --redact still masks the verbatims in every format', () => {
    const db = join(tmp.dir(), 'h.db');
    expect(runCli(['run', tmp.file('pii.csv', DUMP), '--db', db, '--no-summary']).status).toBe(3);
    const { texts, rejects } = stored(db);
    expect(leaks(texts)).toEqual(PII.slice(0, 7));
    expect(leaks(rejects)).toEqual(PII.slice(7));

    const plain = runCli(['report', '--db', db, '--format', 'json']);
    expect(plain.stdout).toContain('4111 1111 1111 1111');
    for (const format of ['table', 'json', 'csv', 'md', 'html']) {
      const report = runCli(['report', '--db', db, '--format', format, '--redact']);
      expect(report.status, format).toBe(0);
      expect(leaks(report.stdout), format).toEqual([]);
    }
    // Evidence offsets move with the masked text: the HTML still marks the words that carried the tags.
    const html = runCli(['report', '--db', db, '--format', 'html', '--redact']).stdout;
    expect(html).toContain('They charged my card [CARD] twice, <mark>furious</mark>! Email [EMAIL]');
    const json = JSON.parse(runCli(['report', '--db', db, '--format', 'json', '--redact']).stdout) as {
      verbatims: Record<string, { text: string; evidence: { start: number; end: number; text: string }[] }[]>;
    };
    for (const v of Object.values(json.verbatims).flat()) {
      for (const e of v.evidence) expect(v.text.slice(e.start, e.end)).toBe(e.text);
    }
  }, 120_000);
});

// Issue #11, item 3: the cases found by hand; test/cli/redact.property.test.ts searches for more.
describe('--redact reaches messages and the ledger too', () => {
  it('a CSV without a header row: "the columns are: …" lists its first row masked, on stderr and in the ledger', () => {
    const db = join(tmp.dir(), 'h.db');
    const file = tmp.file('no-header.csv', '17,anna.svensson@example.se,+46 70 123 45 67,9\n18,bo@example.se,070-765 43 21,3\n');
    const result = runCli(['run', file, '--db', db, '--redact', '--no-summary']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe(`${file} (csv, utf-8): read 0 = inserted 0 + updated 0 + unchanged 0 + rejected 0 — FAILED\n`);
    expect(result.stderr).toBe(
      `heartline: [E_COLUMN] ${file}: cannot find a comment column (--text-column) or a score column (--score-column)\n` +
        '  hint: the columns are: 17, [EMAIL], [PHONE], 9; name them with the flags shown\n',
    );
    const handle = openDatabase(db);
    const [run] = rows<{ error: string }>(handle, 'SELECT error FROM import_runs');
    handle.close();
    expect(run!.error).toContain('the columns are: 17, [EMAIL], [PHONE], 9');
    expect(leaks(run!.error)).toEqual([]);
  });

  it('a row over the size limit cut in the middle of a card number keeps no part of it', () => {
    const db = join(tmp.dir(), 'h.db');
    const prefix = 'x1,9,"';
    // The raw line is cut at 1,000 characters: here, after "4111 1111 11".
    const comment = `${'Курьер опоздал. '.repeat(100).slice(0, 1000 - prefix.length - 12)}4111 1111 1111 1111 ${'z'.repeat(1_100_000)}`;
    const file = tmp.file('huge.csv', `id,nps,comment\n${prefix}${comment}"\n2,10,Tack!\n`);
    const result = runCli(['run', file, '--db', db, '--redact', '--no-summary']);
    expect(result.status).toBe(3);
    const { rejects } = stored(db);
    expect(rejects).toContain('the row is longer than 1048576 characters');
    expect(rejects).not.toMatch(/4111|1111/);
    expect(rejects).toMatch(/Курьер опоздал\.…$/);
  }, 60_000);
});

describe('heartline nightly with "redact"', () => {
  function setUp(config: Record<string, unknown>): string {
    const dir = tmp.dir();
    mkdirSync(join(dir, 'drop'));
    writeFileSync(join(dir, 'drop', '2025-03-01.csv'), DUMP);
    writeFileSync(
      join(dir, 'drop', '2025-03-02.jsonl'),
      '{"id":"8","nps":9,"feedback":"Отлично! Мой номер 8-800-555-35-35"}\n{"id":"9","nps":0,"feedback":Ring 08-123 456 78}\n',
    );
    writeFileSync(
      join(dir, 'heartline.config.json'),
      JSON.stringify({ database: 'h.db', inputs: [{ path: 'drop' }], reports: [{ format: 'html', path: 'reports/r.html' }], ...config }),
    );
    return dir;
  }

  it('"redact": true masks before storage and in the reports', () => {
    const dir = setUp({ redact: true });
    const result = runCli(['nightly', '--config', join(dir, 'heartline.config.json')]);
    expect(result.status).toBe(3);
    const { texts, rejects } = stored(join(dir, 'h.db'));
    expect(leaks(texts + rejects)).toEqual([]);
    expect(texts).toContain('Отлично! Мой номер [PHONE]');
    // The JSON parser quotes "…feedback":Ring 08-12"…: a cut-off number no pattern can recognise.
    expect(rejects).not.toContain('08-12');
    expect(rejects).toContain('"feedback":Ring [PHONE]}');
    const html = readFileSync(join(dir, 'reports', readdirSync(join(dir, 'reports'))[0]!), 'utf8');
    expect(leaks(html)).toEqual([]);
    expect(html).toContain('[CARD]');
  }, 60_000);

  it.each([['yes'], [1], [null]])('"redact": %j is a usage error (exit 2)', (value) => {
    const dir = setUp({ redact: value });
    const result = runCli(['nightly', '--config', join(dir, 'heartline.config.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('[E_USAGE]');
    expect(result.stderr).toContain('redact: must be true or false');
  }, 30_000);
});
