import type { NpsSummary } from '../analysis/report-types.js';

export const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)}`;
export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
export const fmtNps = (n: NpsSummary | null) => (n ? `${signed(n.score)} [${signed(n.ci95[0])}, ${signed(n.ci95[1])}]` : '—');
export const fmtOr = (x: number | null) => (x === null ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const fmtP = (p: number | null) => (p === null ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3));
