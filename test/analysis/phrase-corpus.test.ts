import { describe, expect, it } from 'vitest';
import { PhraseCorpus } from '../../src/analysis/phrase-corpus.js';
import { normalise } from '../../src/emotion/lexicon.js';
import { chinese } from '../../src/lang/cmn/language.js';
import { english } from '../../src/lang/eng/language.js';
import type { Language } from '../../src/lang/language.js';

const ROLES = { stopwords: new Set(['the', 'and', 'was', 'again']), modifiers: new Set(['too', 'not']) };

/** A response whose tags explain the given words (each by its first occurrence). */
function response(id: number, score: number, text: string, explained: string[] = []) {
  return { id, score, text, emotions: 0, explained: explained.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length })) };
}

const corpusOf = (language: Language = english) => new PhraseCorpus(language, ROLES, (word) => normalise(word, language));

describe('PhraseCorpus', () => {
  const corpus = corpusOf();
  corpus.add(response(1, 2, 'The soup came cold. Cold soup again'));
  corpus.add(response(2, 1, 'soup came cold and I was disappointed', ['disappointed']));
  corpus.add(response(3, 10, 'Hot soup, lovely', ['lovely']));
  corpus.add(response(4, 3, 'The soup came cold', ['cold']));
  const levels = corpus.countPhrases(2, 2);
  const find = (length: number, text: string) => levels[length - 1]!.phrases.find((p) => corpus.text(p.words) === text);

  it.each([
    // [phrase, responses per group (detractor, passive, promoter), occurrences per group]
    ['soup', [3, 0, 1], [4, 0, 1]],
    ['came', [3, 0, 0], [3, 0, 0]],
    // Explained in response 4 by a tag; twice in response 1 (one response, two occurrences).
    ['cold', [2, 0, 0], [3, 0, 0]],
    ['the', [2, 0, 0], [2, 0, 0]],
    ['soup came', [3, 0, 0], [3, 0, 0]],
    // Response 4's "came cold" touches the explained "cold".
    ['came cold', [2, 0, 0], [2, 0, 0]],
    ['the soup', [2, 0, 0], [2, 0, 0]],
  ])('counts %s where no tag explains it', (text, counts, occurrences) => {
    expect(find(String(text).split(' ').length, String(text))).toMatchObject({ counts, occurrences });
  });

  it.each([
    ['disappointed', 'explained by a tag in its only response'],
    ['again', 'in one response only'],
    ['cold soup', 'in one response only'],
    ['cold cold', 'across a sentence break'],
  ])('leaves out %s (%s)', (text) => {
    expect(find(text.split(' ').length, text)).toBeUndefined();
  });

  it('counts the phrase positions of each length per NPS group: the sizes the log-odds compare', () => {
    // Detractors: "The soup came cold | Cold soup again" (4 + 3 words), 7 words, 4 words; the promoter "Hot soup | lovely".
    expect(levels.map((l) => l.positions)).toEqual([
      [18, 0, 3],
      [14, 0, 1],
    ]);
  });

  it.each([
    [['the'], false],
    [['the', 'soup'], true],
    [['too'], false],
    [['too', 'the'], true],
    [['not', 'again'], true],
    [['the', 'again'], false],
  ])('%j says something of its own: %s', (words, expected) => {
    const all = corpusOf();
    all.add(response(1, 5, 'the soup too not again'));
    expect(all.hasContent(words.map((w) => all.vocabulary.indexOf(w)))).toBe(expected);
  });

  it('counts Chinese words, not characters', () => {
    const zh = corpusOf(chinese);
    zh.add(response(1, 0, '送餐太慢了，饭也凉了'));
    zh.add(response(2, 3, '送餐太慢了'));
    zh.add(response(3, 10, '送餐很快'));
    const [words] = zh.countPhrases(1, 2);
    expect(words!.phrases.map((p) => [zh.text(p.words), p.counts])).toEqual([
      ['送', [2, 0, 1]],
      ['餐', [2, 0, 1]],
      ['太慢', [2, 0, 0]],
      ['了', [2, 0, 0]],
    ]);
  });
});
