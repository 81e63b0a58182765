import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageName, resolveLanguage } from '../../src/lang/registry.js';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the registry: a language is one folder', () => {
  it.each(LANGUAGES.map((l) => [l.code, l]))('%s has its code folder in src/lang/ and lexicons/, a name and an ISO 639-1 code', (code, language) => {
    expect(existsSync(join(SRC, 'lang', code, 'language.ts'))).toBe(true);
    for (const file of ['emotions.tsv', 'negators.txt', 'stopwords.txt', 'SOURCE.md']) expect(existsSync(join(ROOT, 'lexicons', code, file))).toBe(true);
    expect(language.name).toMatch(/^[A-Z]/);
    expect(language.iso6391).toMatch(/^[a-z]{2}$/);
  });

  it('no file under src/ names a language code of ours, except the language itself and the registry', () => {
    const codes = LANGUAGES.map((l) => l.code);
    const naming: string[] = [];
    for (const file of files(SRC)) {
      const path = relative(SRC, file);
      const own = codes.find((code) => path.startsWith(join('lang', code) + '/'));
      if (path === join('lang', 'registry.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const code of codes) {
        if (code !== own && new RegExp(`\\b${code}\\b`).test(text)) naming.push(`${path} names ${code}`);
      }
    }
    expect(naming).toEqual([]);
  });
});

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
