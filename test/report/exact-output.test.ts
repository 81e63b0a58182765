import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/build-report.js';
import { howToRead } from '../../src/analysis/findings.js';
import type { Report, TagAccuracy } from '../../src/analysis/report-types.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { WIDTH, renderTable } from '../../src/report/render-table.js';
import { displayWidth } from '../../src/report/text-layout.js';
import { reportFixtureDb } from '../helpers/report-fixture-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

/**
 * Fixed tag-accuracy figures: the real ones live in lexicons/tag-accuracy.json, which the lead updates after
 * each eval; pinning them here keeps these expected outputs about the renderers.
 */
const TAG_ACCURACY: TagAccuracy = {
  measure: 'micro-F1 on held-out hand-labelled lines (fixture figures)',
  source: 'test/report/exact-output.test.ts',
  byLanguage: { rus: 0.7, swe: 0.72, cmn: 0.6, hun: 0.66, eng: 0.75 },
};

/** The report of the fixed database, stamped with a fixed time so the output is the same on every run. */
function fixtureReport(): Report {
  const db = reportFixtureDb(tmp.dir());
  try {
    const report = buildReport(db, { database: 'report.db', filters: {}, by: ['lang', 'channel'], verbatims: 1 });
    return { ...report, generatedAt: '2025-06-01T12:00:00.000Z', tagAccuracy: TAG_ACCURACY, howToRead: howToRead({ ...report, tagAccuracy: TAG_ACCURACY }) };
  } finally {
    db.close();
  }
}

/**
 * The whole output of each renderer on a fixed database (test/helpers/report-fixture-db.ts), compared character
 * for character with the files in test/report/expected/. After an intended change, look at the diff, then
 * update them with `npx vitest run test/report/exact-output.test.ts -u`.
 */
describe('report renderers on a fixed database', () => {
  it.each([
    ['table', renderTable, 'report.txt'],
    ['markdown', renderMarkdown, 'report.md'],
    ['json', renderJson, 'report.json'],
  ] as const)('%s output is exactly as expected', async (_, render, file) => {
    await expect(render(fixtureReport())).toMatchFileSnapshot(`expected/${file}`);
  }, 60_000);

  it(`keeps every line of the terminal report within ${WIDTH} columns`, () => {
    const long = renderTable(fixtureReport()).split('\n').filter((line) => displayWidth(line) > WIDTH);
    expect(long).toEqual([]);
  }, 60_000);
});
