/**
 * Assign rows to cross-validation folds so each fold gets its share of both classes —
 * with rare outcomes an unstratified fold can end up with no positives at all.
 */

/** Fold number (0 … folds−1) per row of 0/1 labels: each class is shuffled with `random` and dealt round-robin. */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, random: () => number): Int32Array {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError(`stratifiedFolds: folds must be an integer ≥ 2, got ${folds}`);
  const fold = new Int32Array(labels.length);
  let next = 0; // continue dealing where the previous class stopped, so fold sizes differ by ≤ 1 overall
  const members = new Int32Array(labels.length);
  for (const label of [0, 1] as const) {
    let count = 0;
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) members[count++] = i;
    shuffle(members, count, random);
    for (let m = 0; m < count; m++) {
      fold[members[m]!] = next;
      next = (next + 1) % folds;
    }
  }
  return fold;
}

/** Fisher–Yates on the first `count` items, in place. */
function shuffle(items: Int32Array, count: number, random: () => number): void {
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const item = items[i]!;
    items[i] = items[j]!;
    items[j] = item;
  }
}
