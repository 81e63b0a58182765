import type { Language } from '../lang/language.js';

/** NPS groups, as indexes into count arrays. */
export const DETRACTOR = 0;
export const PASSIVE = 1;
export const PROMOTER = 2;
export type NpsGroup = typeof DETRACTOR | typeof PASSIVE | typeof PROMOTER;

export const npsGroup = (score: number): NpsGroup => (score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR);

/** A response as the corpus takes it in: its text (masked if need be) and the spans its tags explain. */
export interface CorpusText {
  id: number;
  score: number;
  text: string;
  explained: readonly { start: number; end: number }[];
  /** Bit i set: the response is tagged with emotion i of the caller's list. */
  emotions: number;
}

/** A phrase kept at some length: its words (ids) and its counts. */
export interface Phrase {
  words: number[];
  /** Responses in each NPS group using the phrase where no tag explains it. */
  counts: [number, number, number];
  /** Its occurrences in each NPS group where no tag explains it. */
  occurrences: [number, number, number];
}

/** One length's phrases, with the number of phrase positions of that length per NPS group (the corpus sizes). */
export interface PhraseLevel {
  length: number;
  phrases: Phrase[];
  positions: [number, number, number];
}

/** Marks a clause or sentence break in the token stream: phrases never span one. */
const BREAK = -1;

/** Distinct raw tokens remembered with their id (bounded: misspellings and numbers never end). */
const RAW_CACHE = 500_000;

/** What a word contributes to a phrase worth listing. */
const CONTENT = 0;
/** A stopword or a number: never a phrase alone, and no gain at a phrase's edge. */
const FUNCTION = 1;
/** A negator or intensifier ("not", "too", "слишком", "太"): known to the tagger alone, content in a phrase ("too much"). */
const MODIFIER = 2;

/** The words that make and do not make a phrase worth listing, from the language's lexicon files. */
export interface WordRoles {
  stopwords: ReadonlySet<string>;
  /** Single-word negators and intensifiers. */
  modifiers: ReadonlySet<string>;
}

/**
 * The words of one language's responses as integer ids, with which of them a tag already explains. Counting
 * phrases then runs over flat typed arrays, about 15 bytes a word, not a Map per response.
 */
export class PhraseCorpus {
  readonly vocabulary: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly rawIds = new Map<string, number>();
  /** Per word id: CONTENT, FUNCTION or MODIFIER. */
  private roles = new Uint8Array(1024);
  private tokens = new Int32Array(1 << 16);
  private covered = new Uint8Array(1 << 16);
  private size = 0;
  /** Per response: its first token, NPS group, emotion bits, id and text length. */
  readonly starts: number[] = [];
  readonly groups: NpsGroup[] = [];
  readonly emotions: number[] = [];
  readonly responseIds: number[] = [];
  readonly lengths: number[] = [];

  constructor(
    private readonly language: Language,
    private readonly wordRoles: WordRoles,
    private readonly normalise: (word: string) => string,
  ) {}

  get responses(): number {
    return this.starts.length;
  }

  add(response: CorpusText): void {
    this.starts.push(this.size);
    this.groups.push(npsGroup(response.score));
    this.emotions.push(response.emotions);
    this.responseIds.push(response.id);
    this.lengths.push(response.text.length);
    for (const word of this.language.words(response.text)) {
      const placeholder = isPlaceholder(response.text, word.start, word.end);
      if (word.breakBefore || placeholder) this.push(BREAK, 0);
      if (placeholder) continue;
      const explained = response.explained.some((s) => s.start < word.end && word.start < s.end);
      this.push(this.idOf(word.text), explained ? 1 : 0);
    }
    this.push(BREAK, 0);
  }

  /** The words of a phrase as text (Chinese without spaces, as it is written). */
  text(words: readonly number[]): string {
    return words.map((w) => this.vocabulary[w]!).join(this.language.stem ? ' ' : '');
  }

  /**
   * Whether a phrase says something of its own: a word that is no stopword or number, or — in a phrase of two
   * or more words — a negator or intensifier ("too much", "not enough", "не очень").
   */
  hasContent(words: readonly number[]): boolean {
    return words.some((w) => this.roles[w] === CONTENT || (words.length > 1 && this.roles[w] === MODIFIER));
  }

  /** A stopword or number that is no negator or intensifier: adds nothing at a phrase's edge ("wanted to"). */
  isFunctionWord(word: number): boolean {
    return this.roles[word] === FUNCTION;
  }

  /**
   * Phrases of 1…maxLength words used, unexplained, in at least `minCount` responses, with their counts per
   * NPS group. A phrase can only reach `minCount` if both its shorter halves do (Apriori), so each length
   * counts only the extensions of the last length's survivors.
   */
  countPhrases(maxLength: number, minCount: number): PhraseLevel[] {
    const { run, clean } = this.runs(maxLength);
    const levels: PhraseLevel[] = [];
    // At each position: the index of the kept phrase (of the current length) that starts there, or -1.
    let at = new Int32Array(0);
    let previous: Phrase[] = [];
    for (let length = 1; length <= maxLength; length++) {
      // Phrases are keyed by number: a word id, or (the index of its first length − 1 words, its last word).
      const index = new Map<number, number>();
      const found: Phrase[] = [];
      const lastResponse: number[] = [];
      const positions: [number, number, number] = [0, 0, 0];
      const next = new Int32Array(this.size).fill(-1);
      const words = this.vocabulary.length;
      for (let r = 0; r < this.starts.length; r++) {
        const group = this.groups[r]!;
        const end = r + 1 < this.starts.length ? this.starts[r + 1]! : this.size;
        for (let i = this.starts[r]!; i < end; i++) {
          if (run[i]! < length) continue;
          positions[group]++;
          if (length > 1 && (at[i]! < 0 || at[i + 1]! < 0)) continue;
          const key = length === 1 ? this.tokens[i]! : at[i]! * words + this.tokens[i + length - 1]!;
          let k = index.get(key);
          if (k === undefined) {
            k = found.length;
            index.set(key, k);
            found.push({ words: length === 1 ? [key] : [...previous[at[i]!]!.words, this.tokens[i + length - 1]!], counts: [0, 0, 0], occurrences: [0, 0, 0] });
            lastResponse.push(-1);
          }
          next[i] = k;
          if (clean[i]! < length) continue;
          const phrase = found[k]!;
          phrase.occurrences[group]++;
          if (lastResponse[k] === r) continue;
          lastResponse[k] = r;
          phrase.counts[group]++;
        }
      }
      // Keep the frequent ones, renumbered; positions of the others drop out of the next length.
      const keep = new Int32Array(found.length).fill(-1);
      const kept: Phrase[] = [];
      found.forEach((p, k) => {
        if (p.counts[0] + p.counts[1] + p.counts[2] >= minCount) keep[k] = kept.push(p) - 1;
      });
      for (let i = 0; i < this.size; i++) if (next[i]! >= 0) next[i] = keep[next[i]!]!;
      levels.push({ length, phrases: kept, positions });
      if (kept.length === 0) break;
      at = next;
      previous = kept;
    }
    return levels;
  }

  /**
   * Per position, how many words follow before a break (`run`) and before a break or a word a tag explains
   * (`clean`), capped at `cap`: a phrase of n words fits at i when run[i] ≥ n, and is unexplained when clean[i] ≥ n.
   */
  private runs(cap: number): { run: Uint8Array; clean: Uint8Array } {
    const run = new Uint8Array(this.size);
    const clean = new Uint8Array(this.size);
    for (let i = this.size - 1; i >= 0; i--) {
      if (this.tokens[i] === BREAK) continue;
      run[i] = Math.min(cap, 1 + (i + 1 < this.size ? run[i + 1]! : 0));
      clean[i] = this.covered[i] === 1 ? 0 : Math.min(cap, 1 + (i + 1 < this.size ? clean[i + 1]! : 0));
    }
    return { run, clean };
  }

  /** Calls `visit(phrase, response)` (indexes) once for each response where the phrase occurs with no word a tag explains. */
  forEachOccurrence(phrases: readonly (readonly number[])[], visit: (phrase: number, response: number) => void): void {
    const byFirst = new Map<number, number[]>();
    phrases.forEach((words, p) => {
      const list = byFirst.get(words[0]!);
      if (list) list.push(p);
      else byFirst.set(words[0]!, [p]);
    });
    const lastResponse = new Int32Array(phrases.length).fill(-1);
    for (let r = 0; r < this.starts.length; r++) {
      const end = r + 1 < this.starts.length ? this.starts[r + 1]! : this.size;
      for (let i = this.starts[r]!; i < end; i++) {
        for (const p of byFirst.get(this.tokens[i]!) ?? []) {
          const words = phrases[p]!;
          if (lastResponse[p] === r || i + words.length > end || !this.contiguous(i, words.length) || this.anyCovered(i, words.length)) continue;
          if (words.every((w, j) => this.tokens[i + j] === w)) {
            lastResponse[p] = r;
            visit(p, r);
          }
        }
      }
    }
  }

  private contiguous(i: number, length: number): boolean {
    for (let j = i; j < i + length; j++) if (this.tokens[j] === BREAK) return false;
    return true;
  }

  private anyCovered(i: number, length: number): boolean {
    for (let j = i; j < i + length; j++) if (this.covered[j] === 1) return true;
    return false;
  }

  private idOf(raw: string): number {
    // Feedback repeats its words: most tokens are found as typed, without normalising them again.
    const known = this.rawIds.get(raw);
    if (known !== undefined) return known;
    const word = this.normalise(raw);
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.vocabulary.push(word) - 1;
      this.ids.set(word, id);
      if (id >= this.roles.length) this.roles = grow(this.roles, 2 * this.roles.length);
      this.roles[id] = this.wordRoles.modifiers.has(word) ? MODIFIER : this.wordRoles.stopwords.has(word) || !/\p{L}/u.test(word) ? FUNCTION : CONTENT;
    }
    if (this.rawIds.size < RAW_CACHE) this.rawIds.set(raw, id);
    return id;
  }

  private push(token: number, covered: number): void {
    // Two breaks in a row say no more than one.
    if (token === BREAK && (this.size === 0 || this.tokens[this.size - 1] === BREAK)) return;
    if (this.size === this.tokens.length) {
      this.tokens = grow(this.tokens, this.size * 2);
      this.covered = grow(this.covered, this.size * 2);
    }
    this.tokens[this.size] = token;
    this.covered[this.size] = covered;
    this.size++;
  }
}

/** `[EMAIL]`, `[PHONE]`, `[CARD]`, `[IBAN]` left by --redact: a mask, not a word of the customer's. */
function isPlaceholder(text: string, start: number, end: number): boolean {
  return text[start - 1] === '[' && text[end] === ']' && /^(?:EMAIL|PHONE|CARD|IBAN)$/.test(text.slice(start, end));
}

function grow<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}
