/**
 * Property runs scaled by FUZZ_SCALE (default 1): the suite keeps the modest counts that fit a loaded 2-core
 * machine; `FUZZ_SCALE=20 npx vitest run <file>.property.test.ts` searches harder, e.g. before a release.
 */
const SCALE = ((s: number) => (Number.isFinite(s) && s > 0 ? s : 1))(Number(process.env['FUZZ_SCALE'] ?? 1));

/** Runs for one property. */
export function fuzzRuns(runs: number): number {
  return Math.max(1, Math.round(runs * SCALE));
}

/** A test's time limit, grown with the runs: generous, since other work may share the machine. */
export function fuzzTimeout(ms = 30_000): number {
  return Math.round(ms * Math.max(1, SCALE));
}
