import { describe, expect, it } from 'vitest';
import { selectPhrases } from '../../src/analysis/select-phrases.js';

/** Words as ids, so cases read as text. */
const VOCABULARY = ['too', 'small', 'was', 'and', 'wanted', 'to', 'huge', 'sleeves', 'short'];
// "too" is an intensifier, not a function word: "too small" says more than "small".
const FUNCTION_WORDS = new Set(['was', 'and', 'to']);
const phrase = (text: string, count: number, z: number) => ({ text, words: text.split(' ').map((w) => VOCABULARY.indexOf(w)), count, z });
const isFunctionWord = (id: number) => FUNCTION_WORDS.has(VOCABULARY[id]!);

describe('selectPhrases', () => {
  it.each([
    {
      case: 'a longer phrase weaker than the one inside it is dropped',
      candidates: [phrase('too small', 40, -5), phrase('was too small', 10, -3)],
      top: 10,
      kept: ['too small'],
    },
    {
      case: 'a longer phrase covering 80% of the shorter one replaces it',
      candidates: [phrase('small', 100, -4), phrase('too small', 85, -3.5)],
      top: 10,
      kept: ['too small'],
    },
    {
      case: 'a longer phrase covering less, but more strongly associated, stands beside the shorter',
      candidates: [phrase('small', 100, -4), phrase('too small', 30, -6)],
      top: 10,
      kept: ['too small', 'small'],
    },
    {
      case: 'a longer phrase covering less and less strongly associated is dropped',
      candidates: [phrase('small', 100, -6), phrase('too small', 30, -4)],
      top: 10,
      kept: ['small'],
    },
    {
      case: 'a function word at either end adds nothing to a listed phrase',
      candidates: [phrase('wanted', 40, -5), phrase('wanted to', 38, -5.5), phrase('huge and', 12, -3), phrase('huge', 30, -4)],
      top: 10,
      kept: ['wanted', 'huge'],
    },
    {
      case: 'a phrase with a function word at an end stays when the rest is not listed',
      candidates: [phrase('huge and', 12, -3)],
      top: 10,
      kept: ['huge and'],
    },
    {
      case: 'unrelated phrases are ranked by |z| and cut at the top n',
      candidates: [phrase('huge', 30, -4), phrase('sleeves', 20, -5), phrase('short', 15, -2)],
      top: 2,
      kept: ['sleeves', 'huge'],
    },
    {
      case: 'a replacement may enter a full list',
      candidates: [phrase('small', 100, -6), phrase('huge', 30, -5), phrase('too small', 90, -2)],
      top: 2,
      kept: ['huge', 'too small'],
    },
  ])('$case', ({ candidates, top, kept }) => {
    expect(selectPhrases(candidates, top, isFunctionWord).map((p) => p.text)).toEqual(kept);
  });
});
