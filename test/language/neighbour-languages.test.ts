import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/lang/registry.js';
import { loadNeighbourLanguages } from '../../src/language/neighbour-languages.js';
import { BUILTIN_LEXICON_DIR } from '../../src/lexicon/lexicon-dir.js';

const neighbours = loadNeighbourLanguages([BUILTIN_LEXICON_DIR]);
const DIR = join(BUILTIN_LEXICON_DIR, 'neighbours');
const SCRIPT_LETTERS = { Latin: /^[\p{Script=Latin}]+$/u, Cyrillic: /^[\p{Script=Cyrillic}]+$/u, Han: /^\p{Script=Han}+$/u };

describe('lexicons/neighbours: the languages we do not tag, as data', () => {
  it('has the neighbours of each of our scripts, none of them ours', () => {
    expect(neighbours.length).toBeGreaterThanOrEqual(25);
    for (const n of neighbours) expect(REGISTRY.has(n.code)).toBe(false);
    expect(existsSync(join(DIR, 'SOURCE.md'))).toBe(true);
  });

  it.each(neighbours.map((n) => [n.code, n]))('%s: words in its script, lowercase, no duplicates; letters of its script', (_code, n) => {
    expect(n.words.length).toBeGreaterThanOrEqual(40);
    expect(new Set(n.words).size).toBe(n.words.length);
    for (const word of n.words) expect([word, SCRIPT_LETTERS[n.script].test(word) && word === word.toLowerCase()]).toEqual([word, true]);
    for (const letter of [...n.letters, ...n.lacks]) expect(SCRIPT_LETTERS[n.script].test(letter)).toBe(true);
    expect(n.expect).toBeGreaterThanOrEqual(0);
    expect(n.expect).toBeLessThan(0.3);
  });

  it('reads franc codes, spellings and the share of own letters expected', () => {
    const byCode = new Map(neighbours.map((n) => [n.code, n]));
    expect(byCode.get('est')?.franc).toEqual(['ekk']);
    expect(byCode.get('isl')?.franc).toEqual([]);
    expect(byCode.get('bul')?.spelling?.test('съм')).toBe(true);
    expect(byCode.get('bul')?.spelling?.test('объявление')).toBe(false);
    expect(byCode.get('bel')?.lacks.has('и')).toBe(true);
    expect(byCode.get('ukr')?.expect).toBeGreaterThan(0);
  });

  it('rejects a malformed languages.tsv line with the file named', () => {
    const text = readFileSync(join(DIR, 'languages.tsv'), 'utf8');
    expect(text).toContain('# code\tscript');
    expect(() => loadNeighbourLanguages([join(import.meta.dirname, '../fixtures/bad-neighbours')])).toThrow(/languages\.tsv: bad line/);
  });
});
