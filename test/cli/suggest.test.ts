import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SuggestedPhrase, Suggestions } from '../../src/analysis/suggest-types.js';
import { normalise } from '../../src/emotion/lexicon.js';
import { REGISTRY } from '../../src/lang/registry.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const FIXTURES = new URL('../fixtures/suggest/', import.meta.url);
const fixture = (lang: string) => readFileSync(new URL(`${lang}.csv`, FIXTURES), 'utf8');

/** Imports CSV text into a database in the temporary folder (created on first use) and returns its path. */
function imported(csv: string, options: { db?: string; source?: string; redact?: boolean } = {}): string {
  const db = options.db ?? join(tmp.dir(), 'suggest.db');
  const file = tmp.file(`${options.source ?? 'dump'}.csv`, csv);
  const args = ['run', file, '--db', db, '--source', options.source ?? 'dump', '--no-summary', ...(options.redact ? ['--redact'] : [])];
  expect(runCli(args).status).toBe(0);
  return db;
}

function suggestJson(db: string, ...args: string[]): Suggestions {
  const result = runCli(['suggest', '--db', db, '--format', 'json', '--min-count', '3', '--min-z', '1', ...args]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Suggestions;
}

const phrasesOf = (s: Suggestions) => s.languages.flatMap((l) => [...l.detractorPhrases, ...l.promoterPhrases]);
const containing = (phrases: SuggestedPhrase[], word: string) => phrases.filter((p) => p.phrase.includes(word));

// Each fixture: ten detractors naming one branch of a shop, ten promoters naming another, in realistic
// comments; most detractors also use the language's word for "disappointed", which the lexicons tag.
describe('heartline suggest on real text in every language', () => {
  it.each([
    { lang: 'eng', detractorBranch: 'riverside', promoterBranch: 'harbour', tagged: 'disappointed' },
    { lang: 'rus', detractorBranch: 'лиговском', promoterBranch: 'невском', tagged: 'разочарован' },
    { lang: 'swe', detractorBranch: 'lindholmen', promoterBranch: 'nordstan', tagged: 'besviken' },
    { lang: 'hun', detractorBranch: 'váci', promoterBranch: 'allee', tagged: 'csalódott' },
    { lang: 'cmn', detractorBranch: '西单', promoterBranch: '王府井', tagged: '失望' },
  ])('$lang: finds the detractors’ branch (z < 0) and the promoters’ (z > 0), and never what a tag explains', ({ lang, detractorBranch, promoterBranch, tagged }) => {
    const suggestions = suggestJson(imported(fixture(lang)));
    const [language] = suggestions.languages;
    expect(language).toMatchObject({ lang, responses: 22, detractors: 10, passives: 2, promoters: 10 });
    const detractorSide = containing(language!.detractorPhrases, detractorBranch);
    expect(detractorSide.length).toBeGreaterThan(0);
    for (const p of detractorSide) expect([p.detractors >= 8, p.promoters]).toEqual([true, 0]);
    expect(Math.max(...detractorSide.map((p) => p.z))).toBeLessThan(0);
    expect(containing(language!.promoterPhrases, detractorBranch)).toEqual([]);
    const promoterSide = containing(language!.promoterPhrases, promoterBranch);
    expect(promoterSide.length).toBeGreaterThan(0);
    expect(Math.min(...promoterSide.map((p) => p.z))).toBeGreaterThan(0);
    // The lexicons' word for "disappointed" is in most detractor comments, explained by a tag every time.
    expect(containing(phrasesOf(suggestions), tagged)).toEqual([]);
    // Each example shows the phrase where it was counted.
    for (const p of detractorSide) {
      expect(p.examples).toHaveLength(2);
      for (const e of p.examples) expect(normalise(e.text.slice(e.start, e.end), REGISTRY.get(lang)!).replace(/\s+/g, lang === 'cmn' ? '' : ' ')).toBe(p.phrase);
    }
  });

  it('prints an emotions.tsv fragment ready to edit', () => {
    const db = imported(fixture('eng'));
    const result = runCli(['suggest', '--db', db, '--format', 'tsv', '--min-count', '3', '--min-z', '1', '--top', '1']);
    expect(result.status).toBe(0);
    expect(result.stdout.replace(db, 'DB').replace(/\d{4}-\d{2}-\d{2}\n/, 'DATE\n')).toBe(
      [
        '# heartline suggest: emotions.tsv entries proposed from DB, DATE',
        '# Format: pattern<TAB>emotion<TAB>weight (lexicons/README.md). Review every line: keep it, change its emotion',
        '# or weight, or delete it; then save each section as <your folder>/<code>/emotions.tsv and pass --lexicon-dir.',
        '',
        '# == eng/emotions.tsv — 22 responses (10 detractors, 10 promoters) ==',
        '# -- detractor phrases',
        '# z -2.07; 10 responses (10 detractors, 0 promoters); 70% of them tagged disappointment',
        '#   e.g. Staff at the [[Riverside store]] ignored us while chatting at the till.',
        '#   e.g. Disappointed again: the [[Riverside store]] closed early without notice.',
        'riverside store\tdisappointment\t0.9',
        '# -- promoter phrases',
        '# z 1.31; 3 responses (0 detractors, 3 promoters); 67% of them tagged satisfaction',
        '#   e.g. Great selection and friendly people at the [[Harbour store]].',
        '#   e.g. Ordered online, picked up at the [[Harbour store]] the same day. Excellent.',
        'harbour store\tsatisfaction\t0.9',
        '',
      ].join('\n'),
    );
  });
});

describe('heartline suggest masks examples where the database was imported with --redact', () => {
  // The detractor comments carry a phone number and an e-mail address beside the branch's name.
  const withContacts = () =>
    fixture('eng')
      .split('\n')
      .map((line) => (/^\d+,[0-6],/.test(line) ? line.replace(/"$/, ' Call me on 07700 900123 or write to anna.berg@example.com."') : line))
      .join('\n');
  const leaks = (text: string) => ['07700', '900123', 'anna.berg', 'example.com'].filter((s) => text.includes(s));

  it.each([
    { case: 'imported without --redact: shown as stored', redactImport: false, laterRedactedImport: false, flag: [], masked: false, because: null },
    { case: 'suggest --redact', redactImport: false, laterRedactedImport: false, flag: ['--redact'], masked: true, because: '--redact' },
    { case: 'imported with --redact', redactImport: true, laterRedactedImport: false, flag: [], masked: true, because: 'the database was imported with --redact (1 of 1 feedback imports)' },
    {
      case: 'another import into the database used --redact (the ledger says so)',
      redactImport: false,
      laterRedactedImport: true,
      flag: [],
      masked: true,
      because: 'the database was imported with --redact (1 of 2 feedback imports)',
    },
  ])('$case', ({ redactImport, laterRedactedImport, flag, masked, because }) => {
    const db = imported(withContacts(), { source: 'shop', redact: redactImport });
    if (laterRedactedImport) imported('id,nps,comment\n1,9,"Good service, thanks"\n', { db, source: 'app', redact: true });
    const suggestions = suggestJson(db, ...flag);
    expect(suggestions).toMatchObject({ masked, maskedBecause: because });
    const [branch] = containing(suggestions.languages[0]!.detractorPhrases, 'riverside');
    expect(branch!.examples.map((e) => e.text.includes('[PHONE]') && e.text.includes('[EMAIL]'))).toEqual([masked, masked]);
    // The placeholders are not words of the customers': no phrase is made of them.
    expect(phrasesOf(suggestions).filter((p) => /phone|email/.test(p.phrase))).toEqual([]);
    for (const format of ['table', 'tsv', 'json']) {
      const out = runCli(['suggest', '--db', db, '--format', format, '--min-count', '3', '--min-z', '1', ...flag]).stdout;
      expect(leaks(out)).toEqual(masked ? [] : ['07700', '900123', 'anna.berg', 'example.com']);
    }
  });
});

describe('heartline suggest without something to compare', () => {
  it.each([
    {
      case: 'a database without NPS answers',
      csv: fixture('eng').replace(/^(\d+|id),(\d+|nps),/gm, '$1,'),
      args: [],
      message: 'none of the 22 responses in scope has an NPS answer',
    },
    { case: 'filters that leave nothing', csv: fixture('eng'), args: ['--lang', 'swe'], message: 'no responses in scope: nothing to suggest from' },
  ])('$case: a clear message and exit 1', ({ csv, args, message }) => {
    const db = imported(csv);
    const result = runCli(['suggest', '--db', db, ...args]);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        `heartline: [E_NO_DATA] ${db}: ${message}\n` +
        '  hint: suggest compares detractors with promoters: import answers with --score-column, or attach them with heartline import-scores (or widen the filters)\n',
    });
  });

  it.each([
    [['--ngram', '0-5'], "--ngram needs a range of phrase lengths from 1 to 4 words like 1-4 or 2, not '0-5'"],
    [['--ngram', '3-2'], "--ngram needs a range of phrase lengths from 1 to 4 words like 1-4 or 2, not '3-2'"],
    [['--min-count', '2.5'], "--min-count needs a whole number, not '2.5'"],
    [['--top', '0'], "--top needs a positive number, not '0'"],
    [['--min-z', 'high'], "--min-z needs a number of 0 or more, not 'high'"],
    [['--format', 'csv'], "argument 'csv' is invalid"],
    [['--segment', 'channel'], "--segment needs key=value, not 'channel'"],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const result = runCli(['suggest', '--db', imported(fixture('eng')), ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('says so when there is no database', () => {
    const result = runCli(['suggest', '--db', join(tmp.dir(), 'none.db')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no such database');
  });
});
