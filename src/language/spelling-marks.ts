import type { Candidate } from './candidate-set.js';

/**
 * A spelling as language identification reads it: letters, `[abc]` for any one of them, `_` for the edge
 * of a word (`_hv`: a word beginning with hv; `dt_`: a word ending in dt). `!` before it: a spelling the
 * language never writes (evidence against it where it occurs). Written in `lexicons/neighbours/<code>.spellings.txt`.
 */
export interface Spelling {
  /** Every letter sequence it stands for, `_` marking a word edge. */
  sequences: readonly string[];
  never: boolean;
}

/** What an occurrence of a spelling one language alone writes is worth to it (a function word is 1). */
const MARK = 1;
/** What an occurrence of a spelling a language never writes costs it: a name or a loanword may have it. */
const NEVER = 1.5;
/** Occurrences of one spelling that count: a word repeated in a text is still one word. */
const REPEATS = 2;
/** Spellings' evidence is capped, either way, like letters'. */
const CAP = 3;
/** What most words hold: no listed spelling (one shared empty list, so the cache stays small). */
const NONE: readonly string[] = [];
/** Words whose spellings are remembered, within a bound. */
const CACHE_SIZE = 50_000;

/** Parses one line of a spellings file; throws on a malformed one. */
export function parseSpelling(line: string): Spelling {
  const never = line.startsWith('!');
  const body = never ? line.slice(1) : line;
  if (!/^_?(?:[\p{L}'’]|\[[\p{L}]+\])+_?$/u.test(body)) throw new Error(`bad spelling ${JSON.stringify(line)}`);
  let sequences = [''];
  for (const [, letters, single] of body.toLowerCase().matchAll(/\[([^\]]+)\]|(.)/gu)) {
    const choices = letters ? [...letters] : [single === '’' ? "'" : single!];
    sequences = sequences.flatMap((s) => choices.map((c) => s + c));
  }
  return { sequences, never };
}

/**
 * Spellings as evidence among the candidates of a script: each occurrence counts for the languages that
 * list the spelling (shared out among them, like a letter) and against those that never write it.
 */
export class SpellingMarks {
  private readonly bySequence = new Map<string, { for: Candidate[]; against: Candidate[] }>();
  private readonly cache = new Map<string, readonly string[]>();
  /** The lengths of the sequences listed, to look up only those. */
  private readonly lengths: readonly number[];
  constructor(candidates: readonly Candidate[]) {
    for (const candidate of candidates) {
      for (const spelling of candidate.spellings) {
        for (const sequence of spelling.sequences) {
          let entry = this.bySequence.get(sequence);
          if (!entry) this.bySequence.set(sequence, (entry = { for: [], against: [] }));
          const side = spelling.never ? entry.against : entry.for;
          if (!side.includes(candidate)) side.push(candidate);
        }
      }
    }
    this.lengths = [...new Set([...this.bySequence.keys()].map((s) => s.length))].sort((a, b) => a - b);
  }

  /**
   * Evidence per candidate from the spellings in some (lowercased) words; `found` receives the candidates
   * one of whose own spellings occurs.
   */
  scores(tokens: readonly string[], found?: Set<string>): Map<string, number> {
    const scores = new Map<string, number>();
    if (this.bySequence.size === 0) return scores;
    let seen: Map<string, number> | undefined;
    for (const token of tokens) {
      for (const sequence of this.sequencesIn(token)) {
        seen ??= new Map();
        const times = (seen.get(sequence) ?? 0) + 1;
        seen.set(sequence, times);
        if (times > REPEATS) continue;
        const entry = this.bySequence.get(sequence)!;
        for (const c of entry.for) {
          scores.set(c.code, (scores.get(c.code) ?? 0) + MARK / entry.for.length);
          found?.add(c.code);
        }
        for (const c of entry.against) scores.set(c.code, (scores.get(c.code) ?? 0) - NEVER);
      }
    }
    for (const [code, score] of scores) scores.set(code, Math.max(-CAP, Math.min(CAP, score)));
    return scores;
  }

  /** The listed sequences a word holds (cached: feedback repeats its words, and most hold none). */
  private sequencesIn(token: string): readonly string[] {
    const cached = this.cache.get(token);
    if (cached) return cached;
    let found: readonly string[] = NONE;
    const word = `_${token}_`;
    for (const n of this.lengths) {
      for (let i = 0; i + n <= word.length; i++) {
        const sequence = word.slice(i, i + n);
        if (this.bySequence.has(sequence)) found = [...found, sequence];
      }
    }
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(token, found);
    return found;
  }
}
