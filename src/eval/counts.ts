/** True and false positives and false negatives of predicted label sets against gold ones, micro-averaged. */
export class Counts {
  tp = 0;
  fp = 0;
  fn = 0;

  /** Adds one line; `keep` restricts the count to some labels (one emotion, the negative ones, …). */
  add(gold: ReadonlySet<string>, predicted: ReadonlySet<string>, keep: (label: string) => boolean = () => true): void {
    for (const p of predicted) if (keep(p)) gold.has(p) ? this.tp++ : this.fp++;
    for (const g of gold) if (keep(g) && !predicted.has(g)) this.fn++;
  }

  get precision(): number {
    return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp);
  }

  get recall(): number {
    return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn);
  }

  get f1(): number {
    const p = this.precision;
    const r = this.recall;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }

  /** Gold labels counted. */
  get support(): number {
    return this.tp + this.fn;
  }
}
