/** A term's counts in the two groups compared and in the background corpus that sets the prior. */
export interface TermCounts {
  a: number;
  b: number;
  background: number;
}

/** The sizes of the two groups and of the background (all terms counted in each). */
export interface CorpusSizes {
  a: number;
  b: number;
  background: number;
}

export interface LogOdds {
  /** δ: log-odds of the term in group a minus in group b; > 0 means more typical of a. */
  delta: number;
  /** Its approximate variance, 1/(y_a + α_w) + 1/(y_b + α_w). */
  variance: number;
  /** δ / √variance. */
  z: number;
}

/**
 * The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
 * Words", Political Analysis 16(4)). The prior for term w is α_w = α₀ · y_w / n over the background corpus,
 * with α₀ = `priorStrength`: by default the size of the smaller group, so the prior weighs as much as that
 * group's own text. Rare terms are shrunk (a z-score grows with evidence, not with a ratio of two small
 * counts) without the larger group swamping the smaller. With α₀ = the whole background (tidylo's choice),
 * "betala" in the Swedish Trustpilot reviews — used by 35 detractors and no promoter, promoters having written
 * 11% of the text — scored z = −1.12; with this default, −1.95.
 */
export function weightedLogOdds(term: TermCounts, sizes: CorpusSizes, priorStrength = Math.min(sizes.a, sizes.b)): LogOdds {
  const alpha = sizes.background > 0 ? (priorStrength * term.background) / sizes.background : 0;
  const logOdds = (y: number, n: number) => Math.log((y + alpha) / (n + priorStrength - y - alpha));
  const delta = logOdds(term.a, sizes.a) - logOdds(term.b, sizes.b);
  const variance = 1 / (term.a + alpha) + 1 / (term.b + alpha);
  // A term absent from both groups (and the background) has no evidence either way.
  if (!Number.isFinite(delta) || !Number.isFinite(variance)) return { delta: 0, variance: Infinity, z: 0 };
  return { delta, variance, z: delta / Math.sqrt(variance) };
}
