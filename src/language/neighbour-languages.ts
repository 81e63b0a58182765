import type { Script } from '../lang/language.js';
import { readLexiconLines } from '../lexicon/lexicon-dir.js';

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
  /** A spelling only it uses among its script's languages (Bulgarian's vowel ъ before a consonant). */
  spelling?: RegExp;
  /** Its most frequent function words, lowercase. */
  words: readonly string[];
}

const SCRIPTS: readonly Script[] = ['Latin', 'Cyrillic', 'Han'];

/** The neighbour languages described in `<dir>/neighbours/` of each lexicon folder; a later folder's entry wins. */
export function loadNeighbourLanguages(dirs: readonly string[]): NeighbourLanguage[] {
  const byCode = new Map<string, NeighbourLanguage>();
  for (const dir of dirs) {
    for (const line of readLexiconLines(dir, 'neighbours', 'languages.tsv')) {
      const [code = '', script = '', franc = '', letters = '', lacks = '', expect = '', spelling = ''] = line.split('\t').map((f) => f.trim());
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
        ...(spelling ? { spelling: new RegExp(spelling, 'iu') } : {}),
        words: readLexiconLines(dir, 'neighbours', `${code}.txt`).map((w) => w.toLowerCase()),
      });
    }
  }
  return [...byCode.values()];
}
