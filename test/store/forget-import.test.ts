import { describe, expect, it } from 'vitest';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { type ImportOptions, importFile } from '../../src/pipeline/import-file.js';
import { scoresImport } from '../../src/pipeline/scores-import.js';
import type { Database } from '../../src/store/database.js';
import { forgetImport } from '../../src/store/forget-import.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const options = (source = 'helpdesk'): ImportOptions => ({ invocation: 'test', source, columns: {}, workers: 0 });
const csv = (...lines: string[]) => `id,nps,comment,date\n${lines.join('\n')}\n`;
let files = 0;
const feedback = (db: Database, text: string, source?: string) => importFile(db, tmp.file(`f${files++}.csv`, text), feedbackImport, options(source));
const scores = (db: Database, text: string) => importFile(db, tmp.file(`s${files++}.csv`, text), scoresImport, options());

/** Everything a forget may change, in one comparable value. */
function state(db: Database) {
  return {
    responses: rows(db, 'SELECT external_id, text, score, score_origin, responded_at, language, lexicon_version FROM responses ORDER BY external_id'),
    tags: rows(db, 'SELECT r.external_id, t.emotion, t.score, t.evidence FROM emotion_tags t JOIN responses r ON r.id = t.response_id ORDER BY 1, 2'),
    scores: rows(db, 'SELECT external_id, score, run_id FROM nps_scores ORDER BY external_id'),
  };
}

const MONDAY = csv(
  't1,9,"Отличная поддержка, спасибо!",2026-11-02',
  't2,2,Fick ringa tre gånger innan någon svarade.,2026-11-02',
  't3,10,Nagyon elégedett vagyok.,2026-11-03',
);

describe('forgetImport', () => {
  it('takes back the latest run: deletes what it inserted, restores what it changed with its tags, drops its rejects and warnings', async () => {
    const db = openTestDb(tmp.dir());
    await feedback(db, MONDAY);
    const before = state(db);
    await feedback(db, csv('t2,8,"Actually, they called back and fixed it. Great!",2026-11-04', 't4,7,客服很耐心,31.02.2026', 't5,eleven,Broken,2026-11-04'));
    expect(rows(db, 'SELECT COUNT(*) AS n FROM rejects')).toEqual([{ n: 1 }]);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM import_warnings')).toEqual([{ n: 1 }]);

    const dry = forgetImport(db, { run: 2 }, false);
    expect(dry).toMatchObject({ id: undefined, responsesDeleted: 1, responsesRestored: 1, responsesKept: 0, rejectsDeleted: 1, warningsDeleted: 1 });
    expect(dry.examples).toEqual({ deleted: ['t4'], restored: ['t2'], kept: [] });
    expect(rows(db, 'SELECT COUNT(*) AS n FROM responses')).toEqual([{ n: 4 }]); // a dry run changes nothing

    const done = forgetImport(db, { run: 2 }, true);
    expect(done).toMatchObject({ ...dry, id: 1 });
    expect(state(db)).toEqual(before);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM rejects UNION ALL SELECT COUNT(*) FROM import_warnings UNION ALL SELECT COUNT(*) FROM response_versions')).toEqual([{ n: 0 }, { n: 0 }, { n: 0 }]);
    expect(rows(db, 'SELECT id, forgotten_by FROM import_runs ORDER BY id')).toEqual([{ id: 1, forgotten_by: null }, { id: 2, forgotten_by: 1 }]);
    expect(rows(db, 'SELECT run_id, responses_deleted, responses_restored FROM forgets')).toEqual([{ run_id: 2, responses_deleted: 1, responses_restored: 1 }]);
    expect(() => forgetImport(db, { run: 2 }, true)).toThrow('run #2 was forgotten already (forget #1)');
  });

  it('keeps rows a later run read again, and takes runs back newest first', async () => {
    const db = openTestDb(tmp.dir());
    await feedback(db, MONDAY);
    await feedback(db, csv('t1,9,"Отличная поддержка, спасибо!",2026-11-02', 't6,5,Okej.,2026-11-05'));
    // Monday's t1 was read again on Tuesday: forgetting Monday keeps it.
    expect(forgetImport(db, { run: 1 }, false)).toMatchObject({ responsesDeleted: 2, responsesKept: 1 });
    expect(forgetImport(db, { run: 2 }, true)).toMatchObject({ responsesDeleted: 1, responsesKept: 0 });
    // Tuesday forgotten, nothing holds t1 any more.
    expect(forgetImport(db, { run: 1 }, true)).toMatchObject({ responsesDeleted: 3, responsesKept: 0 });
    expect(rows(db, 'SELECT COUNT(*) AS n FROM responses')).toEqual([{ n: 0 }]);
  });

  it('forgetting a run whose change a later run changed again leaves the later content, and forgetting that run then restores the first', async () => {
    const db = openTestDb(tmp.dir());
    await feedback(db, csv('t1,9,Version one.,2026-11-02'));
    const first = state(db);
    await feedback(db, csv('t1,8,Version two.,2026-11-02'));
    await feedback(db, csv('t1,7,Version three.,2026-11-02'));
    expect(forgetImport(db, { run: 2 }, true)).toMatchObject({ responsesDeleted: 0, responsesRestored: 0 });
    expect(rows(db, 'SELECT text FROM responses')).toEqual([{ text: 'Version three.' }]);
    expect(forgetImport(db, { run: 3 }, true)).toMatchObject({ responsesRestored: 1 });
    expect(state(db)).toEqual(first);
  });

  it('takes back NPS answers from score files and links responses to the answer in effect', async () => {
    const db = openTestDb(tmp.dir());
    await feedback(db, csv('t1,,Bra service.,2026-11-02'));
    await scores(db, 'id,nps\nt1,9\nt9,4\n');
    await scores(db, 'id,nps\nt1,3\n');
    expect(rows(db, "SELECT score, score_origin FROM responses WHERE external_id = 't1'")).toEqual([{ score: 3, score_origin: 'scores-file' }]);
    expect(forgetImport(db, { run: 3 }, true)).toMatchObject({ scoresRestored: 1, scoresDeleted: 0, scoresRelinked: 1 });
    expect(rows(db, "SELECT score FROM responses WHERE external_id = 't1'")).toEqual([{ score: 9 }]);
    expect(forgetImport(db, { run: 2 }, true)).toMatchObject({ scoresRestored: 0, scoresDeleted: 2, scoresRelinked: 1 });
    expect(rows(db, "SELECT score, score_origin FROM responses WHERE external_id = 't1'")).toEqual([{ score: null, score_origin: null }]);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM nps_scores')).toEqual([{ n: 0 }]);
  });

  it('forgets a whole source and nothing of another', async () => {
    const db = openTestDb(tmp.dir());
    await feedback(db, MONDAY, 'helpdesk');
    await feedback(db, MONDAY, 'survey');
    const survey = rows(db, "SELECT external_id, text FROM responses WHERE source = 'survey' ORDER BY id");
    expect(forgetImport(db, { source: 'helpdesk' }, true)).toMatchObject({ responsesDeleted: 3, runs: [expect.objectContaining({ id: 1 })] });
    expect(rows(db, 'SELECT external_id, text FROM responses ORDER BY id')).toEqual(survey);
    expect(() => forgetImport(db, { source: 'nowhere' }, true)).toThrow("nothing is stored for source 'nowhere'");
  });
});
