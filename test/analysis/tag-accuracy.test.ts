import { describe, expect, it } from 'vitest';
import { loadTagAccuracy } from '../../src/analysis/tag-accuracy.js';
import { LANG_CODES } from '../../src/lang/registry.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

describe('loadTagAccuracy', () => {
  it('reads lexicons/tag-accuracy.json: a figure between 0 and 1 for every language Heartline tags', () => {
    const accuracy = loadTagAccuracy()!;
    expect(Object.keys(accuracy.byLanguage).sort()).toEqual([...LANG_CODES].sort());
    for (const f1 of Object.values(accuracy.byLanguage)) expect(f1).toBeGreaterThan(0), expect(f1).toBeLessThanOrEqual(1);
    expect(accuracy.measure).toMatch(/F1/);
    expect(accuracy.source).toMatch(/eval:emotions/);
  });

  it.each([
    ['missing', null],
    ['{not json', null],
    [JSON.stringify({ measure: 'F1', byLanguage: {} }), null],
    [JSON.stringify({ byLanguage: { eng: 0.7 } }), null],
    [JSON.stringify({ measure: 'F1', byLanguage: { eng: 0.7, swe: 7 } }), { measure: 'F1', source: '', byLanguage: { eng: 0.7 } }],
  ])('%s → %j (the report runs without the figures rather than fail)', (content, expected) => {
    const file = content === 'missing' ? `${tmp.dir()}/none.json` : tmp.file('accuracy.json', content);
    expect(loadTagAccuracy(file)).toEqual(expected);
  });
});
