import { join } from 'node:path';
import type { Script } from '../lang/language.js';
import { readLexiconLines } from '../lexicon/lexicon-dir.js';
import { type Spelling, parseSpelling } from './spelling-marks.js';

/**
 * A language Heartline does not tag, as language identification knows it: a text in it is named, or left
 * `und`, but never counted as one of ours. Loaded from `lexicons/neighbours/` (languages.tsv, <code>.txt).
 */
export interface NeighbourLanguage {
  /** ISO 639-3. */
  code: string;
  script: Script;
  /** The codes franc's model gives it (ekk for Estonian); none when franc has no model of it. */
  franc: readonly string[];
  /** Letters it writes beyond its script's core (Latin a–z; Cyrillic а–я without ё ъ ы э). */
  letters: ReadonlySet<string>;
  /** Core letters it does not write (Belarusian и, щ). */
  lacks: ReadonlySet<string>;
  /** The share of its running text's letters that are its own `letters`, where writers never leave them out. */
  expect: number;
  /**
   * Spellings it writes and ours do not (Bulgarian's vowel ъ before a consonant, Norwegian -sjon), and those
   * it never writes (Belarusian ть, Bulgarian ь at the end of a word): `<code>.spellings.txt`.
   */
  spellings: readonly Spelling[];
  /** Its most frequent function words, lowercase. */
  words: readonly string[];
}

const SCRIPTS: readonly Script[] = ['Latin', 'Cyrillic', 'Han'];

/** The neighbour languages described in `<dir>/neighbours/` of each lexicon folder; a later folder's entry wins. */
export function loadNeighbourLanguages(dirs: readonly string[]): NeighbourLanguage[] {
  const byCode = new Map<string, NeighbourLanguage>();
  for (const dir of dirs) {
    for (const line of readLexiconLines(dir, 'neighbours', 'languages.tsv')) {
      const [code = '', script = '', franc = '', letters = '', lacks = '', expect = ''] = line.split('\t').map((f) => f.trim());
      const share = expect === '' ? 0 : Number(expect);
      if (!/^[a-z]{3}$/.test(code) || !SCRIPTS.includes(script as Script) || !(share >= 0 && share < 1)) {
        throw new Error(`lexicons/neighbours/languages.tsv: bad line ${JSON.stringify(line)}`);
      }
      byCode.set(code, {
        code,
        script: script as Script,
        franc: franc === '-' || franc === '' ? [] : franc.split(','),
        letters: new Set(letters.split(/\s+/).filter(Boolean)),
        lacks: new Set(lacks.split(/\s+/).filter(Boolean)),
        expect: share,
        spellings: readSpellings(dir, code),
        words: readLexiconLines(dir, 'neighbours', `${code}.txt`).map((w) => w.toLowerCase()),
      });
    }
  }
  return [...byCode.values()];
}

function readSpellings(dir: string, code: string): Spelling[] {
  const file = `${code}.spellings.txt`;
  return readLexiconLines(dir, 'neighbours', file).map((line) => {
    try {
      return parseSpelling(line);
    } catch (error) {
      throw new Error(`lexicons/neighbours/${file}: ${(error as Error).message}`);
    }
  });
}

/** The files `loadNeighbourLanguages` reads from these folders: each languages.tsv and the files of the languages it names. */
export function neighbourFiles(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) => [
    join(dir, 'neighbours', 'languages.tsv'),
    ...readLexiconLines(dir, 'neighbours', 'languages.tsv').flatMap((line) => {
      const code = line.split('\t')[0]!.trim();
      return [join(dir, 'neighbours', `${code}.txt`), join(dir, 'neighbours', `${code}.spellings.txt`)];
    }),
  ]);
}
