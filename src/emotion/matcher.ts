import type { Language } from '../lang/language.js';
import { GAP_CHARS, GAP_WORDS, type PatternPart } from './lexicon.js';
import { type Unit, patternCharacters } from './units.js';

/** Something a matcher finds: which item, over which units [first, last). */
export interface Hit<T> {
  item: T;
  first: number;
  last: number;
  /** Units skipped by the pattern's gaps ("will … come back" over "will not be coming back"). */
  skipped: number[];
}

interface Indexed<T> {
  item: T;
  parts: PatternPart[];
}

/** Patterns starting with one stem, split by their second word so a common first word stays cheap (不, not). */
interface Bucket<T> {
  any: Indexed<T>[];
  bySecond: Map<string, Indexed<T>[]>;
}

/**
 * Finds every occurrence of many patterns in a unit sequence. Patterns are indexed by their first part (its
 * stem, or its prefix) and second word, so each unit only tries the few patterns that can start there.
 */
export class Matcher<T extends { parts: PatternPart[] }> {
  private readonly byStem = new Map<string, Bucket<T>>();
  private readonly byPrefix = new Map<string, Indexed<T>[]>();
  private readonly prefixLengths: number[];
  private readonly gap: number;
  /** Prefix candidates per word seen (words repeat; probing every prefix length each time is the hot spot). */
  private readonly prefixCache = new Map<string, Indexed<T>[]>();
  private readonly scratch: number[] = [];

  constructor(items: readonly T[], language: Language) {
    const chars = language.units === 'characters';
    this.gap = chars ? GAP_CHARS : GAP_WORDS;
    const lengths = new Set<number>();
    for (const item of items) {
      const parts = chars ? splitChars(item.parts, language) : item.parts;
      const first = parts[0];
      if (!first) continue;
      const indexed = { item, parts };
      if (first.kind === 'prefix') {
        push(this.byPrefix, first.prefix, indexed);
        lengths.add(first.prefix.length);
      } else if (first.kind === 'word') {
        // Indexed by stem, or by the word itself when its stem is not trusted.
        const key = first.stem || first.word;
        let bucket = this.byStem.get(key);
        if (!bucket) this.byStem.set(key, (bucket = { any: [], bySecond: new Map() }));
        const second = parts[1];
        if (second?.kind === 'word') push(bucket.bySecond, second.stem || second.word, indexed);
        else bucket.any.push(indexed);
      }
    }
    this.prefixLengths = [...lengths].sort((a, b) => b - a);
  }

  findAll(units: readonly Unit[]): Hit<T>[] {
    const hits: Hit<T>[] = [];
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!;
      this.tryBucket(this.byStem.get(unit.stem), units, i, hits);
      if (unit.word !== unit.stem) this.tryBucket(this.byStem.get(unit.word), units, i, hits);
      const byPrefix = this.prefixCandidates(unit.word);
      if (byPrefix.length > 0) this.tryAll(byPrefix, units, i, hits);
    }
    return hits;
  }

  private tryBucket(bucket: Bucket<T> | undefined, units: readonly Unit[], i: number, hits: Hit<T>[]): void {
    if (!bucket) return;
    if (bucket.any.length > 0) this.tryAll(bucket.any, units, i, hits);
    const next = units[i + 1];
    if (!next || bucket.bySecond.size === 0) return;
    const byStem = bucket.bySecond.get(next.stem);
    if (byStem) this.tryAll(byStem, units, i, hits);
    if (next.word !== next.stem) {
      const byWord = bucket.bySecond.get(next.word);
      if (byWord) this.tryAll(byWord, units, i, hits);
    }
  }

  private prefixCandidates(word: string): Indexed<T>[] {
    let found = this.prefixCache.get(word);
    if (found) return found;
    found = [];
    for (const n of this.prefixLengths) {
      if (n > word.length) continue;
      const items = this.byPrefix.get(word.slice(0, n));
      if (items) found.push(...items);
    }
    if (this.prefixCache.size >= 100_000) this.prefixCache.clear();
    this.prefixCache.set(word, found);
    return found;
  }

  private tryAll(candidates: Indexed<T>[], units: readonly Unit[], i: number, hits: Hit<T>[]): void {
    const clause = units[i]!.clause;
    for (const candidate of candidates) {
      this.scratch.length = 0;
      const last = this.matchFrom(candidate.parts, 0, units, i, clause);
      if (last >= 0) hits.push({ item: candidate.item, first: i, last, skipped: [...this.scratch] });
    }
  }

  /**
   * Index just past the match of parts[p…] at units[u…], or -1; `scratch` collects the units gaps jumped.
   * Patterns stay within one clause.
   */
  private matchFrom(parts: PatternPart[], p: number, units: readonly Unit[], u: number, clause: number): number {
    if (p === parts.length) return u;
    const part = parts[p]!;
    if (part.kind === 'gap') {
      const before = this.scratch.length;
      for (let skip = 0; skip <= this.gap && u + skip <= units.length; skip++) {
        if (skip > 0) {
          if (units[u + skip - 1]!.clause !== clause) break;
          this.scratch.push(u + skip - 1);
        }
        const end = this.matchFrom(parts, p + 1, units, u + skip, clause);
        if (end >= 0) return end;
      }
      this.scratch.length = before;
      return -1;
    }
    const unit = units[u];
    if (!unit || unit.clause !== clause || !partMatches(part, unit)) return -1;
    return this.matchFrom(parts, p + 1, units, u + 1, clause);
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function partMatches(part: PatternPart, unit: Unit): boolean {
  switch (part.kind) {
    case 'word':
      return unit.word === part.word || (part.stem !== '' && unit.stem === part.stem);
    case 'prefix':
      return unit.word.startsWith(part.prefix);
    case 'chars':
      return unit.word === part.text;
    case 'gap':
      return true;
  }
}

/** Character patterns are strings; units are characters (and whole words of other scripts): split to match. */
function splitChars(parts: PatternPart[], language: Language): PatternPart[] {
  const out: PatternPart[] = [];
  for (const part of parts) {
    if (part.kind !== 'chars') {
      out.push(part);
      continue;
    }
    for (const unit of patternCharacters(part.text, language)) out.push({ kind: 'word', word: unit, stem: unit });
  }
  return out;
}
