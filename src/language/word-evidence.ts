import type { Language } from '../lang/language.js';
import { BUILTIN_LEXICON_DIR, readLexiconLines } from '../lexicon/lexicon-dir.js';
import type { NeighbourLanguage } from './neighbour-languages.js';

/**
 * Where a language's words come from, how much a match counts, and whether they are function words (the
 * closed classes every sentence uses, which tell a language from its neighbours; the other lists hold
 * content words, which neighbours often share as cognates).
 */
const SOURCES: readonly { file: string; weight: number; phrases: boolean; function: boolean }[] = [
  { file: 'stopwords.txt', weight: 1, phrases: true, function: true },
  { file: 'frequent.txt', weight: 0.8, phrases: true, function: false },
  { file: 'negators.txt', weight: 1, phrases: true, function: true },
  { file: 'contrast.txt', weight: 1, phrases: true, function: true },
  { file: 'intensifiers.tsv', weight: 0.8, phrases: false, function: false },
  // Words of multi-word patterns count half: the patterns quote code-switched English ("love it") too.
  { file: 'emotions.tsv', weight: 0.8, phrases: false, function: false },
  { file: 'polarity.tsv', weight: 0.6, phrases: false, function: false },
];
const CACHE_SIZE = 100_000;
/** A plain word of a pattern (not a `*` prefix or a `…` gap). */
const PLAIN = /^[\p{L}\p{M}']+$/u;
/** A prefix entry (`разочаров*`) counts only from this length, so short prefixes do not match everything. */
const MIN_PREFIX = 4;

/**
 * Word lists for language identification, ours and our neighbours': a token found in one language's lists
 * is evidence for it, split evenly when several languages list the same word.
 */
export class WordEvidence {
  /** Every language's spelling folds (Russian ё → е): the language of a text is not known yet. */
  private readonly folds: ((lower: string) => string)[] = [];
  private readonly words = new Map<string, Map<string, number>>();
  private readonly prefixes = new Map<string, Map<string, number>>();
  private longestPrefix = 0;
  private readonly misses = new Map<string, Map<string, number> | null>();
  /**
   * Word → the languages that list it as a word of its own, not only inside a multi-word pattern (Swedish
   * "tackar er" does not make "er", Norwegian for "is", a Swedish word).
   */
  private readonly ownWords = new Map<string, Set<string>>();
  /** "word word" → the languages with a multi-word pattern holding the pair: the pair is theirs as a whole. */
  private readonly pairs = new Map<string, Set<string>>();
  /** Function word → the languages whose function-word lists hold it. */
  private readonly functionWords = new Map<string, Set<string>>();

  /**
   * The word lists of `languages` in each folder (`<dir>/<code>/…`), and the function words of the languages
   * we do not tag (`neighbours`, weight 1 like our own function words).
   */
  static load(languages: readonly Language[], dirs: readonly string[] = [BUILTIN_LEXICON_DIR], neighbours: readonly NeighbourLanguage[] = []): WordEvidence {
    const evidence = new WordEvidence();
    for (const language of languages) if (language.normalise) evidence.folds.push(language.normalise);
    for (const dir of dirs) {
      for (const { code } of languages) {
        for (const source of SOURCES) {
          for (const line of readLexiconLines(dir, code, source.file)) {
            const words = line.split('\t')[0]!.split(/\s+/);
            const inPattern = words.length > 1 && !source.phrases;
            const weight = inPattern ? source.weight / 2 : source.weight;
            for (const word of words) evidence.add(code, word, weight, source.function, !inPattern);
            if (inPattern) evidence.addPairs(code, words);
          }
        }
      }
    }
    for (const neighbour of neighbours) for (const word of neighbour.words) evidence.add(neighbour.code, word, 1, true);
    return evidence;
  }

  /** NFC, lowercase, plain apostrophes and every language's spelling folds: how tokens are looked up. */
  normalise(text: string): string {
    let out = text.normalize('NFC').toLowerCase().replace(/’/g, "'");
    for (const fold of this.folds) out = fold(out);
    return out;
  }

  add(code: string, raw: string, weight: number, isFunction = false, own = true): void {
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
    if (own) {
      const codes = this.ownWords.get(word);
      if (codes) codes.add(code);
      else this.ownWords.set(word, new Set([code]));
    }
    if (isFunction) {
      const codes = this.functionWords.get(word);
      if (codes) codes.add(code);
      else this.functionWords.set(word, new Set([code]));
    }
  }

  /** Records the adjacent word pairs of a multi-word pattern ("rekommenderar er"). */
  addPairs(code: string, words: readonly string[]): void {
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [this.normalise(words[i]!), this.normalise(words[i + 1]!)];
      if (!PLAIN.test(a) || !PLAIN.test(b)) continue;
      const key = `${a} ${b}`;
      const codes = this.pairs.get(key);
      if (codes) codes.add(code);
      else this.pairs.set(key, new Set([code]));
    }
  }

  /** The languages one of whose multi-word patterns has these two words side by side. */
  pairOf(a: string, b: string): ReadonlySet<string> | undefined {
    return this.pairs.get(`${a} ${b}`);
  }

  /** The languages that list a token (already normalised) as a word of its own. */
  listedBy(token: string): ReadonlySet<string> | undefined {
    return this.ownWords.get(token);
  }

  /** The languages whose function-word lists hold a token (already normalised). */
  functionOf(token: string): ReadonlySet<string> | undefined {
    return this.functionWords.get(token);
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
