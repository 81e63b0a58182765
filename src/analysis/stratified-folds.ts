/**
 * Assign rows to cross-validation folds so each fold gets its share of both classes —
 * with rare outcomes an unstratified fold can end up with no positives at all.
 */

/** Fold number (0 … folds−1) per row: each class is shuffled with `random` and dealt round-robin. */
export function stratifiedFolds(labels: readonly (0 | 1)[], folds: number, random: () => number): number[] {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError(`stratifiedFolds: folds must be an integer ≥ 2, got ${folds}`);
  const fold = new Array<number>(labels.length).fill(0);
  let next = 0; // continue dealing where the previous class stopped, so fold sizes differ by ≤ 1 overall
  for (const label of [0, 1] as const) {
    const members = shuffle(labels.flatMap((l, i) => (l === label ? [i] : [])), random);
    for (const i of members) {
      fold[i] = next;
      next = (next + 1) % folds;
    }
  }
  return fold;
}

/** Fisher–Yates, in place. */
function shuffle(items: number[], random: () => number): number[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
