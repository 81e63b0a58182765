import { describe, expect, it } from 'vitest';
import { languageName, resolveLanguage } from '../../src/lang/registry.js';

describe('resolveLanguage', () => {
  it.each([
    ['hun', 'hun'], ['hu', 'hun'], ['HU', 'hun'], ['Hungarian', 'hun'], ['hungarian', 'hun'], [' HUN ', 'hun'],
    ['rus', 'rus'], ['ru', 'rus'], ['Russian', 'rus'],
    ['swe', 'swe'], ['sv', 'swe'], ['Swedish', 'swe'],
    ['cmn', 'cmn'], ['zh', 'cmn'], ['Chinese', 'cmn'],
    ['eng', 'eng'], ['en', 'eng'], ['ENGLISH', 'eng'],
    // Languages we do not tag keep their detected code.
    ['deu', 'deu'], ['und', 'und'],
  ])('%j means %s', (input, code) => {
    expect(resolveLanguage(input)).toBe(code);
  });

  it.each(['Klingon', 'de', 'x', '', 'hu-HU'])('%j is not a language it can name', (input) => {
    expect(resolveLanguage(input)).toBeUndefined();
  });
});

describe('languageName', () => {
  it.each([
    ['rus', 'Russian'], ['swe', 'Swedish'], ['cmn', 'Chinese'], ['hun', 'Hungarian'], ['eng', 'English'],
    ['deu', 'German'], ['nob', 'Norwegian Bokmål'], ['und', 'undetermined'], ['?', '?'], ['qqq', 'qqq'],
  ])('%s is %s', (code, name) => {
    expect(languageName(code)).toBe(name);
  });
});
