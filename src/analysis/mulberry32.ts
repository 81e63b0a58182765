/**
 * mulberry32 (Tommy Ettinger): a tiny seeded 32-bit PRNG. Good enough for shuffles and
 * simulations, and the same seed gives the same numbers on every platform, so analyses and
 * tests are reproducible.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
