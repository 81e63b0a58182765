/**
 * Scored, analysed responses collapsed into cells of identical (emotion set, score, language), with counts.
 * A million responses have a few thousand such cells, and everything the emotion models compute — counts,
 * frequency-weighted logistic fits, R² — is a sum over responses, so it can be summed over cells instead.
 */
export interface ResponseCells {
  /** Emotion bit set (bit e = emotions[e]). */
  bits: number[];
  /** NPS answer 0–10. */
  score: number[];
  /** Index into Dataset.languages. */
  language: number[];
  /** Responses in the cell. */
  count: number[];
  /** Responses in all cells. */
  total: number;
}

/** Below 2^20: score (4 bits) and language (16 bits) under the emotion bits in one exact Map key. */
const LOW_BITS = 2 ** 20;

/**
 * Counts responses into cells. Cells keep the order in which their first response was added, so a fit over
 * cells meets each distinct pattern in the same order as a fit over the responses would.
 */
export class CellCounter {
  readonly cells: ResponseCells = { bits: [], score: [], language: [], count: [], total: 0 };
  private readonly index = new Map<number, number>();

  /** Counts one response; returns its cell's index. */
  add(bits: number, score: number, language: number): number {
    const key = (bits >>> 0) * LOW_BITS + score * 65_536 + language;
    let at = this.index.get(key);
    const cells = this.cells;
    if (at === undefined) {
      this.index.set(key, (at = cells.count.length));
      cells.bits.push(bits);
      cells.score.push(score);
      cells.language.push(language);
      cells.count.push(1);
    } else cells.count[at]!++;
    cells.total++;
    return at;
  }
}
