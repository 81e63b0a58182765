/** A phrase competing for a place in a top list: its words (ids), how many responses use it, its z-score. */
export interface Ranked {
  words: readonly number[];
  count: number;
  z: number;
}

/**
 * A longer phrase stands for a shorter one inside it when it accounts for at least this share of the shorter
 * one's responses ("too small" for "small" when most uses of "small" are "too small").
 */
export const SUBSUMES = 0.8;

/**
 * The top `n` phrases of one direction by |z|, without lists of near-duplicates ("too small", "was too small",
 * "too small and"). A phrase that is another candidate plus a function word at one end ("wanted to" beside
 * "wanted") is dropped: the function word adds nothing. Of two phrases where one contains the other, the
 * longer replaces the shorter when it covers at least SUBSUMES of the shorter one's responses; otherwise the
 * longer is kept beside the shorter only if it is more strongly associated (higher |z|), since then its extra
 * words carry signal of their own.
 */
export function selectPhrases<T extends Ranked>(candidates: readonly T[], n: number, isFunctionWord: (word: number) => boolean = () => false): T[] {
  const keys = new Set(candidates.map((c) => c.words.join(' ')));
  const padded = (c: T) =>
    c.words.length > 1 &&
    ((isFunctionWord(c.words[0]!) && keys.has(c.words.slice(1).join(' '))) || (isFunctionWord(c.words.at(-1)!) && keys.has(c.words.slice(0, -1).join(' '))));
  const ranked = candidates.filter((c) => !padded(c)).sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || b.count - a.count);
  let selected: T[] = [];
  for (const candidate of ranked) {
    let keep = true;
    const replaced = new Set<T>();
    for (const other of selected) {
      const [short, long] = contains(other.words, candidate.words) ? [candidate, other] : contains(candidate.words, other.words) ? [other, candidate] : [];
      if (!short || !long) continue;
      const loser = long.count >= SUBSUMES * short.count ? short : Math.abs(long.z) > Math.abs(short.z) ? undefined : long;
      if (loser === candidate) keep = false;
      else if (loser) replaced.add(other);
    }
    if (!keep) continue;
    if (replaced.size > 0) selected = selected.filter((s) => !replaced.has(s));
    else if (selected.length >= n) continue;
    selected.push(candidate);
  }
  return selected.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || b.count - a.count);
}

/** Whether `outer` holds `inner` as a contiguous run (and is longer). */
function contains(outer: readonly number[], inner: readonly number[]): boolean {
  if (inner.length >= outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, j) => outer[i + j] === w)) return true;
  }
  return false;
}
