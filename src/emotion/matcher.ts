import { GAP_CHARS, GAP_WORDS, type PatternPart } from './lexicon.js';
import type { Unit } from './units.js';

/** Something a matcher finds: which item, over which units [first, last). */
export interface Hit<T> {
  item: T;
  first: number;
  last: number;
  /** Units skipped by the pattern's gaps ("will … come back" over "will not be coming back"). */
  skipped: number[];
}

/**
 * Finds every occurrence of many patterns in a unit sequence. Patterns are indexed by their first part
 * (its stem, or its prefix), so each unit only tries the few patterns that can start there.
 */
export class Matcher<T extends { parts: PatternPart[] }> {
  private readonly byStem = new Map<string, T[]>();
  private readonly byPrefix = new Map<string, T[]>();
  private readonly prefixLengths: number[];
  private readonly gap: number;

  constructor(items: readonly T[], chars: boolean) {
    this.gap = chars ? GAP_CHARS : GAP_WORDS;
    const lengths = new Set<number>();
    for (const item of items) {
      const parts = chars ? splitChars(item.parts) : item.parts;
      const indexed = { ...item, parts } as T;
      const first = parts[0];
      if (!first) continue;
      if (first.kind === 'prefix') {
        push(this.byPrefix, first.prefix, indexed, item);
        lengths.add(first.prefix.length);
      } else if (first.kind === 'word') {
        // Indexed by stem, and by the word itself when its stem is not trusted.
        push(this.byStem, first.stem || first.word, indexed, item);
      }
    }
    this.prefixLengths = [...lengths].sort((a, b) => b - a);
  }

  findAll(units: readonly Unit[]): Hit<T>[] {
    const hits: Hit<T>[] = [];
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!;
      const candidates = this.byStem.get(unit.stem);
      if (candidates) this.tryAll(candidates, units, i, hits);
      if (unit.word !== unit.stem) {
        const exact = this.byStem.get(unit.word);
        if (exact) this.tryAll(exact, units, i, hits);
      }
      for (const n of this.prefixLengths) {
        if (n > unit.word.length) continue;
        const byPrefix = this.byPrefix.get(unit.word.slice(0, n));
        if (byPrefix) this.tryAll(byPrefix, units, i, hits);
      }
    }
    return hits;
  }

  private tryAll(candidates: T[], units: readonly Unit[], i: number, hits: Hit<T>[]): void {
    for (const item of candidates) {
      const original = ORIGINAL.get(item) as T;
      const skipped: number[] = [];
      const last = this.matchFrom(item.parts, 0, units, i, units[i]!.clause, skipped);
      if (last >= 0) hits.push({ item: original, first: i, last, skipped });
    }
  }

  /**
   * Index just past the match of parts[p…] at units[u…], or -1; `skipped` collects the units gaps jumped.
   * Patterns stay within one clause.
   */
  private matchFrom(parts: PatternPart[], p: number, units: readonly Unit[], u: number, clause: number, skipped: number[]): number {
    if (p === parts.length) return u;
    const part = parts[p]!;
    if (part.kind === 'gap') {
      const before = skipped.length;
      for (let skip = 0; skip <= this.gap && u + skip <= units.length; skip++) {
        if (skip > 0) {
          if (units[u + skip - 1]!.clause !== clause) break;
          skipped.push(u + skip - 1);
        }
        const end = this.matchFrom(parts, p + 1, units, u + skip, clause, skipped);
        if (end >= 0) return end;
      }
      skipped.length = before;
      return -1;
    }
    const unit = units[u];
    if (!unit || unit.clause !== clause || !partMatches(part, unit)) return -1;
    return this.matchFrom(parts, p + 1, units, u + 1, clause, skipped);
  }
}

/** The item as given, for each indexed copy (Chinese patterns are re-split into characters). */
const ORIGINAL = new WeakMap<object, object>();

function push<T extends object>(map: Map<string, T[]>, key: string, indexed: T, original: T): void {
  ORIGINAL.set(indexed, original);
  const list = map.get(key);
  if (list) list.push(indexed);
  else map.set(key, [indexed]);
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

/** Chinese patterns are strings; units are characters (and whole Latin words): split to match. */
function splitChars(parts: PatternPart[]): PatternPart[] {
  const out: PatternPart[] = [];
  for (const part of parts) {
    if (part.kind !== 'chars') {
      out.push(part);
      continue;
    }
    for (const m of part.text.matchAll(/\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+|[^\s]/gu)) {
      out.push({ kind: 'word', word: m[0], stem: m[0] });
    }
  }
  return out;
}
