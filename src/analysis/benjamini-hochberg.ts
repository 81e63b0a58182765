/**
 * Benjamini–Hochberg (1995) adjusted p-values ("q-values"): reject every hypothesis whose
 * q ≤ α and the false-discovery rate is at most α. Used when many emotions are tested at once.
 */

/**
 * q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎/j), in the input's order.
 * NaN p-values (untestable associations) stay NaN and do not count towards m, as in R's p.adjust.
 */
export function bhQValues(pValues: readonly number[]): number[] {
  const order: number[] = [];
  pValues.forEach((p, i) => {
    if (Number.isNaN(p)) return;
    if (p < 0 || p > 1) throw new RangeError(`bhQValues: p-value ${p} at index ${i} is outside [0, 1]`);
    order.push(i);
  });
  order.sort((a, b) => pValues[a]! - pValues[b]!);
  const q = new Array<number>(pValues.length).fill(Number.NaN);
  const m = order.length;
  let running = 1;
  // Step up from the largest p so each q is the minimum over all larger ranks (monotone).
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1]!;
    running = Math.min(running, (m * pValues[index]!) / rank);
    q[index] = running;
  }
  return q;
}
