import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LanguageDetector } from '../../src/language/detect-language.js';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { taggerFor } from '../../src/pipeline/taggers.js';
import { type ImportOptions, importFile } from '../../src/pipeline/import-file.js';
import { reanalyze } from '../../src/pipeline/reanalyze.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const DUMP = 'id,nps,comment\n1,3,The invoice is so confusing and I am disappointed.\n2,10,Tack så mycket!\n3,9,服务很好\n';
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({ invocation: 'i', source: 's', columns: {}, ...over });

function userLexicon(): string {
  const dir = join(tmp.dir(), 'my-lexicon');
  mkdirSync(join(dir, 'eng'), { recursive: true });
  writeFileSync(join(dir, 'taxonomy.json'), JSON.stringify({ emotions: [{ id: 'confusion', valence: -1, description: 'lost' }] }));
  writeFileSync(join(dir, 'eng', 'emotions.tsv'), 'confusing\tconfusion\t0.9\n');
  return dir;
}

const tagsOf = (db: ReturnType<typeof openTestDb>) =>
  rows<{ id: string; emotion: string; v: string }>(db, 'SELECT r.external_id AS id, t.emotion, t.lexicon_version AS v FROM emotion_tags t JOIN responses r ON r.id = t.response_id ORDER BY 1, 2');

describe('incremental analysis', () => {
  it('does not analyse unchanged rows again', async () => {
    const db = openTestDb(tmp.dir());
    const path = tmp.file('d.csv', DUMP);
    await importFile(db, path, feedbackImport, options());
    // A marker only a new analysis would overwrite.
    db.prepare("DELETE FROM emotion_tags WHERE response_id = (SELECT id FROM responses WHERE external_id = '2')").run();
    const again = await importFile(db, path, feedbackImport, options());
    expect(again.counts.unchanged).toBe(3);
    expect(tagsOf(db).filter((t) => t.id === '2')).toEqual([]);
  });

  it('drops the tags of a changed response imported without analysis (they describe the old text)', async () => {
    const db = openTestDb(tmp.dir());
    await importFile(db, tmp.file('a.csv', DUMP), feedbackImport, options());
    expect(tagsOf(db).some((t) => t.id === '2')).toBe(true);
    const changed = DUMP.replace('Tack så mycket!', 'Paketet kom på tisdag.');
    await importFile(db, tmp.file('b.csv', changed), feedbackImport, options({ importOnly: true }));
    expect(tagsOf(db).filter((t) => t.id === '2')).toEqual([]);
    expect(rows(db, "SELECT lexicon_version FROM responses WHERE external_id = '2'")).toEqual([{ lexicon_version: null }]);
  });

  it('re-analyses responses tagged with other lexicons: reanalyze, and run --reanalyze', async () => {
    const db = openTestDb(tmp.dir());
    const path = tmp.file('d.csv', DUMP);
    await importFile(db, path, feedbackImport, options());
    const before = taggerFor().lexicons.version;
    const mine = userLexicon();
    const custom = taggerFor([mine]);
    expect(custom.lexicons.version).not.toBe(before);

    const result = await reanalyze(db, new LanguageDetector(), custom);
    expect(result).toEqual({ reanalysed: 3, from: { [before]: 3 }, version: custom.lexicons.version, stopped: false });
    expect(tagsOf(db).filter((t) => t.id === '1').map((t) => t.emotion)).toEqual(expect.arrayContaining(['confusion', 'disappointment']));
    expect(new Set(tagsOf(db).map((t) => t.v))).toEqual(new Set([custom.lexicons.version]));
    expect((await reanalyze(db, new LanguageDetector(), custom)).reanalysed).toBe(0);

    // Back to the built-in lexicons, through an incremental run that re-analyses.
    const run = await importFile(db, path, feedbackImport, options({ reanalyze: true }));
    expect(run.counts.unchanged).toBe(3);
    expect(tagsOf(db).filter((t) => t.id === '1').map((t) => t.emotion)).not.toContain('confusion');
    expect(new Set(tagsOf(db).map((t) => t.v))).toEqual(new Set([before]));
  });
});

describe('heartline status and reanalyze', () => {
  it('show the ledger, lexicon versions and the lock, and re-analyse after a lexicon change', () => {
    const db = join(tmp.dir(), 'h.db');
    expect(runCli(['run', tmp.file('d.csv', DUMP), '--db', db, '--no-summary']).status).toBe(0);
    const status = runCli(['status', '--db', db]);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/#1 .* feedback .*d\.csv \[default\] ok in [\d.]+s: read 3 = inserted 3 \+ updated 0 \+ unchanged 0 \+ rejected 0/);
    expect(status.stdout).toMatch(/lexicon versions: [0-9a-f]{16} 3/);
    expect(status.stdout).toContain('no run in progress');
    const re = runCli(['reanalyze', '--db', db, '--lexicon-dir', userLexicon()]);
    expect(re.status).toBe(0);
    expect(re.stdout).toMatch(/^re-analysed 3 responses with lexicon [0-9a-f]{16} \(3 from [0-9a-f]{16}\)\n$/);
    const report = JSON.parse(runCli(['report', '--db', db, '--format', 'json']).stdout) as { warnings: string[] };
    expect(report.warnings.filter((w) => w.includes('lexicon'))).toEqual([]);
  });
});
