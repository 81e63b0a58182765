import { fmtOr, pct, range, signed } from '../analysis/format-figures.js';
import type { Estimate, Interval, NpsSummary } from '../analysis/report-types.js';

export { fmtOr, fmtOrCi, fmtP, pct, pctPlain, range, signed } from '../analysis/format-figures.js';

/** "+12.3 [−3.0, +27.5]" */
export const fmtNps = (n: NpsSummary | null) => (n ? `${signed(n.score)} [${signed(n.ci95[0])}, ${signed(n.ci95[1])}]` : '—');

/** An estimate written by `f`, with its interval: "0.92 [0.90, 0.94]". */
export const fmtEstimate = (e: Estimate | null, f: (x: number) => string) => (e ? `${f(e.value)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]` : '—');

/** A share with its interval: "21.3% [17.0%, 26.1%]". */
export const fmtShare = (share: number, ci: Interval) => `${pct(share)} [${pct(ci[0])}, ${pct(ci[1])}]`;

/** A share with its interval in one compact cell: "21% (17–26)". */
export const fmtShareCompact = (share: number, ci: Interval) => `${Math.round(100 * share)}% (${range(String(Math.round(100 * ci[0])), String(Math.round(100 * ci[1])))})`;

/** NPS points with an interval in words: "−6.1 (95% CI −8.0 to −4.2)". */
export const fmtPoints = (e: Estimate | null) => (e ? `${signed(e.value)} [${signed(e.ci95[0])}, ${signed(e.ci95[1])}]` : '—');

/** Marks after an emotion's name in tables; explained in each table's note. */
export const MARKS = { tooRare: '*', fewEvents: '†', aliased: '‡' } as const;

