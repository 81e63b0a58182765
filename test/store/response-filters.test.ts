import { describe, expect, it } from 'vitest';
import { filterSql, type ResponseFilters } from '../../src/store/response-filters.js';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { importFile } from '../../src/pipeline/import-file.js';
import { openTestDb } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

/**
 * Issue #11, item 15: a segment filter matches the key exactly (no JSON path: `.`, `$`, `"` and `[` are
 * characters of a key), ORs repeated values of one key, ANDs keys, and takes any value.
 */
const tmp = useTempDir();

const DUMP = [
  'id,market,plan.tier,$,"say ""hi""",x[0],city,nps,comment',
  '1,SE,gold,a,yes,0,"Stockholm, Södermalm",9,Tack så mycket!',
  '2,HU,gold,b,no,1,Budapest,3,Soha többé.',
  '3,RU,silver,a,yes,0,"Москва, центр",10,Спасибо!',
  '4,CN,silver,b,no,1,上海,0,太失望了',
  '5,SE,bronze,a,no,1,Malmö,7,Okej.',
].join('\n');

async function matching(filters: ResponseFilters): Promise<string[]> {
  const db = openTestDb(tmp.dir());
  await importFile(db, tmp.file('dump.csv', DUMP), feedbackImport, {
    invocation: 't',
    source: 's',
    columns: { segments: ['market', 'plan.tier', '$', 'say "hi"', 'x[0]', 'city'] },
    importOnly: true,
  });
  const { where, params } = filterSql(filters);
  const ids = db.prepare<{ external_id: string }>(`SELECT external_id FROM responses AS r WHERE ${where} ORDER BY external_id`).all(params);
  db.close();
  return ids.map((r) => r.external_id);
}

describe('segment filters', () => {
  it.each([
    [{ market: ['SE'] }, ['1', '5']],
    [{ market: ['SE', 'HU'] }, ['1', '2', '5']],
    [{ market: ['SE', 'HU'], 'plan.tier': ['gold'] }, ['1', '2']],
    [{ 'plan.tier': ['silver'] }, ['3', '4']],
    [{ $: ['a'] }, ['1', '3', '5']],
    [{ 'say "hi"': ['yes'] }, ['1', '3']],
    [{ 'x[0]': ['1'] }, ['2', '4', '5']],
    [{ city: ['Stockholm, Södermalm', 'Москва, центр'] }, ['1', '3']],
    [{ MARKET: ['CN'] }, ['4']],
    [{ market: ['se'] }, []],
    [{ plan: ['gold'] }, []],
    [{ nothing: ['x'] }, []],
  ] as [Record<string, string[]>, string[]][])('%j keeps %j', async (segment, expected) => {
    expect(await matching({ segment })).toEqual(expected);
  });
});
