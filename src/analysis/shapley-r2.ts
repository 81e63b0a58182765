/**
 * Shapley (a.k.a. dominance / LMG) decomposition of R²: each predictor's share is its
 * marginal R² gain averaged over every order of entering the model, so correlated predictors
 * split the credit they share instead of the first one taking it all.
 */
import { crossProducts, r2OfAllSubsets } from './linear-r2.js';

export interface ShapleyR2 {
  /** R² of the full model. */
  total: number;
  /** One share per column of X; they sum to total. */
  shares: number[];
}

/** 2^15 subsets is where exact enumeration stops being instant. */
export const MAX_SHAPLEY_PREDICTORS = 15;

/** `weights` are frequency weights: row i stands for weights[i] identical observations. */
export function shapleyR2(X: readonly (readonly number[])[], y: readonly number[], weights?: readonly number[]): ShapleyR2 {
  const k = X[0]?.length ?? 0;
  if (k > MAX_SHAPLEY_PREDICTORS) {
    throw new Error(`shapleyR2: ${k} predictors need 2^${k} subset fits; at most ${MAX_SHAPLEY_PREDICTORS} are supported — group or pre-select predictors first`);
  }
  const r2Of = r2OfAllSubsets(crossProducts(X, y, weights), k);
  return { total: r2Of[(1 << k) - 1]!, shares: shapleyShares(r2Of, k) };
}

/** Each predictor's Shapley share from the R² of every subset (indexed by bit mask, as r2OfAllSubsets gives them). */
export function shapleyShares(r2Of: Float64Array, k: number): number[] {
  // Weight of a subset of size s not containing j: s!(k−s−1)!/k!, the share of orders where exactly it precedes j.
  const factorial = [1];
  for (let i = 1; i <= k; i++) factorial.push(factorial[i - 1]! * i);
  const weight = Array.from({ length: k }, (_, s) => (factorial[s]! * factorial[k - s - 1]!) / factorial[k]!);
  const shares = new Float64Array(k);
  const subsets = 1 << k;
  const all = subsets - 1;
  const size = new Uint8Array(subsets); // popcount of each mask, from the mask without its lowest bit
  for (let mask = 1; mask < subsets; mask++) size[mask] = size[mask & (mask - 1)]! + 1;
  for (let mask = 0; mask < all; mask++) {
    const w = weight[size[mask]!]!;
    const base = r2Of[mask]!;
    // Only the predictors not in the subset: walk the missing bits.
    for (let missing = all & ~mask; missing !== 0; missing &= missing - 1) {
      const bit = missing & -missing;
      shares[31 - Math.clz32(bit)]! += w * (r2Of[mask | bit]! - base);
    }
  }
  return Array.from(shares);
}
