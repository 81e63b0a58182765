import type { WordSegmenter } from '../lang/language.js';
import type { Hit } from './matcher.js';
import type { Unit } from './units.js';

type Span = [start: number, end: number];

/** Whitespace and punctuation end every segmenter's words: a match edge next to one needs no segmenting. */
const SEPARATOR = /[\s\p{P}\p{S}]/u;

/**
 * Drops matches that cut a word of the segmenter's: 别 ("don't") inside 特别 ("especially"), 好 ("good")
 * inside 好笑 ("funny"), 不会离开 across 永不/会/离开. A match that cuts a word is kept when it is a word of
 * the dictionary itself, grouped into a longer one (谢谢 in 谢谢你们, 顺利 in 顺利完成), or when the matches
 * account for the whole word at each cut, running from its start to the cut and on to its end (很好 is
 * 很 + 好, 不满意 is 不 + 满意): so lexicon phrases still match where the segmenter groups their characters
 * differently. Matches for which `anywhere` holds are kept wherever they fall.
 *
 * `text` is the stretch the units were cut from; it starts at `offset` in the original text. The text is
 * segmented only when a match's edge lies between two letters: segmenting costs more than matching.
 */
export function keepWholeWords<T>(
  hits: Hit<T>[],
  units: readonly Unit[],
  text: string,
  offset: number,
  segmenter: WordSegmenter,
  anywhere: (hit: Hit<T>) => boolean = () => false,
): Hit<T>[] {
  const spans = hits.map((h): Span => [units[h.first]!.start - offset, units[h.last - 1]!.end - offset]);
  const open = (at: number) => at > 0 && at < text.length && !SEPARATOR.test(text[at - 1]!) && !SEPARATOR.test(text[at]!);
  const settled = hits.map((hit, i) => {
    const [start, end] = spans[i]!;
    return anywhere(hit) || (!open(start) && !open(end)) || segmenter.isWord(text.slice(start, end));
  });
  if (settled.every(Boolean)) return hits;
  const ends = wordEndsAround(text, spans.flatMap(([start, end], i) => (settled[i] ? [] : [start, end].filter(open))), segmenter);
  const tiled = new Map<number, Set<number>>();
  const onBoundary = (at: number): boolean => {
    if (!open(at)) return true;
    const word = wordAt(ends, at);
    if (ends[word - 1] === at) return true;
    let cuts = tiled.get(word);
    if (!cuts) tiled.set(word, (cuts = tiledCuts(spans, ends[word - 1]!, ends[word]!)));
    return cuts.has(at);
  };
  return hits.filter((_, i) => settled[i] || (onBoundary(spans[i]![0]) && onBoundary(spans[i]![1])));
}

/**
 * Word ends (ascending) in the stretches between separators that hold the offsets `at`, each stretch's start
 * included: segmenters split at separators anyway, so only those stretches need segmenting — in one call,
 * joined by line breaks.
 */
function wordEndsAround(text: string, at: readonly number[], segmenter: WordSegmenter): number[] {
  const stretches: Span[] = [];
  for (const offset of [...at].sort((a, b) => a - b)) {
    if (stretches.some(([s, e]) => offset > s && offset < e)) continue;
    let start = offset;
    while (start > 0 && !SEPARATOR.test(text[start - 1]!)) start--;
    let end = offset;
    while (end < text.length && !SEPARATOR.test(text[end]!)) end++;
    stretches.push([start, end]);
  }
  const joined = stretches.map(([s, e]) => text.slice(s, e)).join('\n');
  const ends: number[] = [];
  let stretch = 0;
  let base = 0;
  ends.push(stretches[0]![0]);
  for (const end of segmenter.wordEnds(joined)) {
    const [s, e] = stretches[stretch]!;
    if (end <= base + (e - s)) ends.push(s + end - base);
    else if (end === base + (e - s) + 1 && stretch + 1 < stretches.length) {
      // The line break between two stretches: the next one starts here.
      base = end;
      stretch++;
      ends.push(stretches[stretch]![0]);
    }
  }
  return ends;
}

/** Index of the word containing offset `at` (the first whose end lies beyond it). */
function wordAt(ends: readonly number[], at: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Offsets inside the word [from, to) that lie on a chain of matches running from its start to its end. */
function tiledCuts(spans: readonly Span[], from: number, to: number): Set<number> {
  const inside = spans.filter(([s, e]) => s >= from && e <= to);
  const forward = new Set([from]);
  for (const [s, e] of [...inside].sort((a, b) => a[0] - b[0])) if (forward.has(s)) forward.add(e);
  const backward = new Set([to]);
  for (const [s, e] of [...inside].sort((a, b) => b[1] - a[1])) if (backward.has(e)) backward.add(s);
  return new Set([...forward].filter((at) => at !== from && at !== to && backward.has(at)));
}
