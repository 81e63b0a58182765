/** How figures are written in the report's sentences and tables: one place, so every format says the same. */

/** +12.3, −4.0, 0.0 (a real minus sign, so columns and sentences read cleanly). */
export const signed = (x: number, digits = 1) => {
  const text = Math.abs(x).toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : `${x > 0 ? '+' : '−'}${text}`;
};

/** 12.3% */
export const pct = (x: number) => `${x < 0 && Math.abs(100 * x) >= 0.05 ? '−' : ''}${Math.abs(100 * x).toFixed(1)}%`;

/** Whole percentages for plain sentences (12%), one decimal below 1% (0.4%). */
export const pctPlain = (x: number) => {
  const p = 100 * x;
  return `${p > 0 && p < 1 ? p.toFixed(1) : Math.round(p)}%`;
};

/** Odds ratios across many orders of magnitude: 141, 43.7, 0.29, 0.0014, ∞. */
export const fmtOr = (x: number | null) => {
  if (x === null) return '—';
  if (!Number.isFinite(x)) return '∞';
  if (x === 0) return '0';
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 0.1) return x.toFixed(2);
  return x.toPrecision(2);
};

/** "0.29 [0.18, 0.45]" */
export const fmtOrCi = (x: number | null, ci: readonly [number, number] | null) => (x === null || ci === null ? '—' : `${fmtOr(x)} [${fmtOr(ci[0])}, ${fmtOr(ci[1])}]`);

/** p- and q-values: <0.001 or three decimals. */
export const fmtP = (p: number | null) => (p === null ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3));

/** "a–b" for sentences; a range with a signed end says "to" ("−8.0 to −4.2", "+0.11 to +0.18"): a dash would garble it. */
export const range = (lo: string, hi: string) => (/^[−+-]/.test(lo) || /^[−+-]/.test(hi) ? `${lo} to ${hi}` : `${lo}–${hi}`);
