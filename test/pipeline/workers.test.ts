import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { importFile } from '../../src/pipeline/import-file.js';
import { closeWorkers } from '../../src/pipeline/worker-analysis-stage.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { simulatedDump } from '../helpers/simulated-dump.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

const MIXED = [
  'm1,2025-01-02,web,10,"Спасибо огромное, превзошли все ожидания!"',
  'm2,2025-01-02,web,2,"Fick ringa tre gånger. Aldrig mer!"',
  'm3,2025-01-02,app,9,"服务很好，下次还会再来"',
  'm4,2025-01-02,app,0,"Nem jövök vissza többé, háromszor kellett felhívnom őket."',
  'm5,2025-01-02,web,8,"Great hotel and friendly staff. Men frukosten var verkligen dålig."',
  'm6,2025-01-02,web,5,"Die Lieferung kam zu spät."',
].join('\n');

function snapshot(db: Database) {
  return {
    responses: rows(db, 'SELECT external_id, line, language, language_confidence, language_supported, language_segments, polarity, lexicon_version FROM responses ORDER BY id'),
    tags: rows(db, 'SELECT r.external_id, t.emotion, t.score, t.evidence FROM emotion_tags t JOIN responses r ON r.id = t.response_id ORDER BY r.id, t.emotion'),
  };
}

describe('analysis in worker threads', () => {
  it('gives a database identical to a single-threaded run, rows in input order', async () => {
    const [header, ...simulated] = simulatedDump(1500).split('\n');
    const dump = [header, MIXED, ...simulated].join('\n');
    const path = tmp.file('dump.csv', dump);
    const single = openTestDb(tmp.dir(), 'single.db');
    const parallel = openTestDb(tmp.dir(), 'parallel.db');
    // One worker: this thread detects the languages and the worker tags (feedback-import.ts).
    const split = openTestDb(tmp.dir(), 'split.db');
    const options = { invocation: 'w', source: 's', columns: {}, batchSize: 100 };
    await importFile(single, path, feedbackImport, { ...options, workers: 0 });
    await importFile(parallel, path, feedbackImport, { ...options, workers: 2 });
    await importFile(split, path, feedbackImport, { ...options, workers: 1 });
    await closeWorkers();
    const a = snapshot(single);
    const b = snapshot(parallel);
    const c = snapshot(split);
    expect(b.responses).toHaveLength(1506);
    expect(b.responses).toEqual(a.responses);
    expect(b.tags).toEqual(a.tags);
    expect(c.responses).toEqual(a.responses);
    expect(c.tags).toEqual(a.tags);
    // Input order is kept: ids were inserted in file order.
    expect((b.responses as { line: number }[]).map((r) => r.line)).toEqual([...Array(1506).keys()].map((i) => i + 2));
  }, 60_000);
});
