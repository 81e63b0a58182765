import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/language/candidate-set.js';
import { SpellingMarks, parseSpelling } from '../../src/language/spelling-marks.js';

const candidate = (code: string, ...spellings: string[]): Candidate => ({
  code,
  ours: false,
  writes: new Set(),
  lacks: new Set(),
  expect: 0,
  spellings: spellings.map(parseSpelling),
  franc: [],
});

describe('parseSpelling: one line of a spellings file', () => {
  it.each([
    ['sjon', ['sjon'], false],
    ['_hv', ['_hv'], false],
    ['[on]dt_', ['odt_', 'ndt_'], false],
    ['ъ[бв]', ['ъб', 'ъв'], false],
    ["'[яю]", ["'я", "'ю"], false],
    ['’я', ["'я"], false],
    ['!ь_', ['ь_'], true],
    ['![тд][еь]', ['те', 'ть', 'де', 'дь'], true],
    ['Kje', ['kje'], false],
  ])('%s', (line, sequences, never) => {
    expect(parseSpelling(line)).toEqual({ sequences, never });
  });

  it.each(['', '!', 'a b', 'ab[', 'a_b', '_', 'a1', '[]'])('rejects %j', (line) => {
    expect(() => parseSpelling(line)).toThrow(/bad spelling/);
  });
});

describe('SpellingMarks: spellings as evidence', () => {
  const marks = new SpellingMarks([candidate('nob', 'sjon', '[on]dt_', 'kje'), candidate('dan', '[on]dt_'), candidate('bel', 'ць', '![тд][еь]')]);
  const scores = (...words: string[]) => Object.fromEntries(marks.scores(words));

  it.each([
    // words, scores per language
    [['informasjon'], { nob: 1 }],
    [['godt'], { nob: 0.5, dan: 0.5 }],
    [['kanskje', 'godt'], { nob: 1.5, dan: 0.5 }],
    [['рабіць'], { bel: 1 }],
    [['быть'], { bel: -1.5 }],
    [['тебе', 'где'], { bel: -3 }],
    [['tack', 'hej'], {}],
  ])('%j → %j', (words, expected) => {
    expect(scores(...words)).toEqual(expected);
  });

  it('counts a spelling at most twice, and caps a language at three words’ worth either way', () => {
    expect(scores('informasjon', 'informasjon', 'informasjon')).toEqual({ nob: 2 });
    expect(scores('informasjon', 'situasjon', 'kanskje', 'ikkje', 'godt', 'rundt')).toEqual({ nob: 3, dan: 1 });
    expect(scores('тебе', 'дело', 'быть', 'есть', 'тема')).toEqual({ bel: -3 });
  });

  it('tells which languages had a spelling of their own', () => {
    const found = new Set<string>();
    marks.scores(['godt', 'быть'], found);
    expect([...found].sort()).toEqual(['dan', 'nob']);
  });
});
