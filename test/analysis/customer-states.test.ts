import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCustomerStates } from '../../src/analysis/customer-states.js';
import { loadTaxonomy } from '../../src/emotion/taxonomy.js';
import { HeartlineError } from '../../src/errors.js';
import { BUILTIN_LEXICON_DIR } from '../../src/lexicon/lexicon-dir.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const EMOTIONS = loadTaxonomy([BUILTIN_LEXICON_DIR]).ids;
const bits = (...emotions: string[]) => emotions.reduce((m, e) => m | (1 << EMOTIONS.indexOf(e)), 0);

describe('the built-in customer states', () => {
  const states = loadCustomerStates(undefined, EMOTIONS);
  const stateOf = (score: number, ...emotions: string[]) => states.definitions[states.stateOf(bits(...emotions), score)]!.id;

  it('lists the ladder, then at risk and advocate', () => {
    expect(states.definitions.map((d) => d.id)).toEqual(['dissatisfied', 'disappointed', 'satisfied', 'loyal', 'at-risk', 'advocate']);
    expect(states.source).toBe('built-in');
  });

  it.each([
    // score, emotions said, state — e.g. "Absolutely delighted, but I'm switching to another bank" at 9.
    [10, [], 'loyal'],
    [9, ['delight', 'gratitude'], 'loyal'],
    [9, ['delight', 'defection'], 'at-risk'],
    [10, ['commitment', 'anger'], 'at-risk'],
    [10, ['commitment', 'delight'], 'advocate'],
    [8, [], 'satisfied'],
    [7, ['satisfaction', 'ease'], 'satisfied'],
    [8, ['satisfaction', 'frustration'], 'disappointed'],
    [6, [], 'disappointed'],
    [5, ['disappointment'], 'disappointed'],
    [6, ['distrust'], 'dissatisfied'],
    [3, [], 'dissatisfied'],
    [0, ['gratitude'], 'dissatisfied'],
  ] as const)('a %d with %j is %s', (score, emotions, state) => {
    expect(stateOf(score, ...emotions)).toBe(state);
  });
});

describe('a user’s customer-states file', () => {
  const file = (content: unknown) => {
    const path = join(tmp.dir(), 'states.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const two = [{ id: 'unhappy' }, { id: 'happy' }];

  it('replaces the rule: states over emotions alone', () => {
    const path = file({ states: two, rules: [{ state: 'happy', any: ['delight', 'gratitude'] }, { state: 'unhappy' }] });
    const states = loadCustomerStates(path, EMOTIONS);
    expect(states.source).toBe(path);
    expect(states.definitions[states.stateOf(bits('gratitude'), 2)]!.id).toBe('happy');
    expect(states.definitions[states.stateOf(bits('anger'), 10)]!.id).toBe('unhappy');
  });

  it.each([
    ['{not json', /not valid JSON/],
    [{ states: [], rules: [] }, /"states" must be a non-empty list/],
    [{ states: two, rules: [{ state: 'sad' }] }, /state "sad" is not one of unhappy, happy/],
    [{ states: two, rules: [{ state: 'happy', score: [9, 11] }] }, /"score" must be \[low, high\]/],
    [{ states: two, rules: [{ state: 'happy', any: ['joy'] }, { state: 'unhappy' }] }, /unknown emotion "joy" in "any"/],
    [{ states: two, rules: [{ state: 'happy', score: [9, 10] }, { state: 'unhappy', score: [0, 6] }] }, /scoring 7 with no matching emotions falls through/],
    [{ states: [{ id: 'a' }, { id: 'a' }], rules: [{ state: 'a' }] }, /unique/],
  ])('refuses %j with a coded error naming the file', (content, message) => {
    const path = file(content);
    let error: unknown;
    try {
      loadCustomerStates(path, EMOTIONS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HeartlineError);
    expect((error as HeartlineError).code).toBe('E_USAGE');
    expect((error as HeartlineError).context.file).toBe(path);
    expect((error as HeartlineError).message).toMatch(message);
  });

  it('says so when the file is missing', () => {
    expect(() => loadCustomerStates(join(tmp.dir(), 'none.json'), EMOTIONS)).toThrow(/cannot read the customer-states file \(ENOENT\)/);
  });
});
