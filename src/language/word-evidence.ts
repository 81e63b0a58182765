import type { Language } from '../lang/language.js';
import { BUILTIN_LEXICON_DIR, readLexiconLines } from '../lexicon/lexicon-dir.js';

/** Where a language's words come from, and how much a match counts. */
const SOURCES: readonly { file: string; weight: number; phrases: boolean }[] = [
  { file: 'stopwords.txt', weight: 1, phrases: true },
  { file: 'frequent.txt', weight: 0.8, phrases: true },
  { file: 'negators.txt', weight: 1, phrases: true },
  { file: 'contrast.txt', weight: 1, phrases: true },
  { file: 'intensifiers.tsv', weight: 0.8, phrases: false },
  // Words of multi-word patterns count half: the patterns quote code-switched English ("love it") too.
  { file: 'emotions.tsv', weight: 0.8, phrases: false },
  { file: 'polarity.tsv', weight: 0.6, phrases: false },
];
const CACHE_SIZE = 100_000;
/** A prefix entry (`разочаров*`) counts only from this length, so short prefixes do not match everything. */
const MIN_PREFIX = 4;

/**
 * Word lists of the supported languages, for language identification: a token found in one language's
 * lists is evidence for it, split evenly when several languages list the same word.
 */
export class WordEvidence {
  /** Every language's spelling folds (Russian ё → е): the language of a text is not known yet. */
  private readonly folds: ((lower: string) => string)[] = [];
  private readonly words = new Map<string, Map<string, number>>();
  private readonly prefixes = new Map<string, Map<string, number>>();
  private longestPrefix = 0;
  private readonly misses = new Map<string, Map<string, number> | null>();
  /** Function words of languages we do not tag (lexicons/neighbours.tsv) → those languages. */
  private readonly neighbours = new Map<string, string[]>();

  /** The word lists of `languages` in each folder (`<dir>/<code>/…`), and each folder's `neighbours.tsv`. */
  static load(languages: readonly Language[], dirs: readonly string[] = [BUILTIN_LEXICON_DIR]): WordEvidence {
    const evidence = new WordEvidence();
    for (const language of languages) if (language.normalise) evidence.folds.push(language.normalise);
    for (const dir of dirs) {
      for (const { code } of languages) {
        for (const source of SOURCES) {
          for (const line of readLexiconLines(dir, code, source.file)) {
            const words = line.split('\t')[0]!.split(/\s+/);
            const weight = words.length > 1 && !source.phrases ? source.weight / 2 : source.weight;
            for (const word of words) evidence.add(code, word, weight);
          }
        }
      }
      for (const line of readLexiconLines(dir, 'neighbours.tsv')) {
        const [word, others] = line.split('\t');
        if (word && others) evidence.neighbours.set(evidence.normalise(word), others.split(','));
      }
    }
    return evidence;
  }

  /** NFC, lowercase, plain apostrophes and every language's spelling folds: how tokens are looked up. */
  normalise(text: string): string {
    let out = text.normalize('NFC').toLowerCase().replace(/’/g, "'");
    for (const fold of this.folds) out = fold(out);
    return out;
  }

  /** The other languages a token is a function word of, if any. */
  neighbour(token: string): string[] | undefined {
    return this.neighbours.get(token);
  }

  add(code: string, raw: string, weight: number): void {
    const word = this.normalise(raw);
    if (word === '' || word === '…' || word === '...') return;
    if (word.endsWith('*')) {
      const prefix = word.slice(0, -1);
      if (prefix.length >= MIN_PREFIX) {
        keep(this.prefixes, prefix, code, weight);
        this.longestPrefix = Math.max(this.longestPrefix, prefix.length);
      }
      return;
    }
    if (!/\p{L}/u.test(word)) return;
    keep(this.words, word, code, weight);
  }

  /** Evidence per language for one token (already lowercased), shared out among the languages listing it. */
  lookup(token: string): Map<string, number> | undefined {
    const exact = this.words.get(token);
    if (exact) return exact;
    const cached = this.misses.get(token);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.lookupPrefix(token);
    // Feedback repeats its words: remember prefix look-ups, within a bound.
    if (this.misses.size >= CACHE_SIZE) this.misses.clear();
    this.misses.set(token, found ?? null);
    return found;
  }

  private lookupPrefix(token: string): Map<string, number> | undefined {
    // Our scripts are all in the BMP, so string length counts letters.
    for (let n = Math.min(token.length, this.longestPrefix); n >= MIN_PREFIX; n--) {
      const hit = this.prefixes.get(token.slice(0, n));
      if (hit) return hit;
    }
    return undefined;
  }

  get size(): number {
    return this.words.size + this.prefixes.size;
  }
}

function keep(map: Map<string, Map<string, number>>, key: string, code: string, weight: number): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = new Map()));
  entry.set(code, Math.max(entry.get(code) ?? 0, weight));
}
