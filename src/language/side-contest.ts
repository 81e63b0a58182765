import type { CandidateSet } from './candidate-set.js';
import type { WordScores } from './word-scores.js';

/** Evidence (in words' worth) by which one side, ours or the neighbours, must lead the other. */
export const SIDE_MARGIN = 0.75;

/**
 * How a text's evidence falls between ours and the neighbours: `theirs` (a neighbour leads by the margin),
 * `ours` (ours lead by it, or win a close call on words only they list), `tie` (a close call nobody wins:
 * `und`), `none` (a close call without a word of ours in it: decided without word evidence). `lead` is ours'
 * lead over the neighbours in words' worth (negative when they lead).
 */
export interface SideVerdict {
  side: 'ours' | 'theirs' | 'tie' | 'none';
  lead: number;
}

/**
 * Ours or a neighbour. Only evidence one side alone has counts — words the other side does not list (ours'
 * content words at a discount) and letters and spellings — and each side is as strong as its best language.
 * franc does not vote: its trigrams tell close relatives apart no better than chance (Swedish from
 * Norwegian, Russian from Bulgarian). One of ours is never the answer by default: a close call goes to ours
 * only on words of ours, and not against a neighbour with words of its own still in contention.
 */
export function contestSides(set: CandidateSet, words: WordScores, letters: ReadonlyMap<string, number>): SideVerdict {
  const score = (code: string) => (words.only.get(code) ?? 0) + (letters.get(code) ?? 0);
  const best = (ours: boolean) => {
    let top: { code: string; score: number } | undefined;
    for (const c of set.all) if (c.ours === ours && (!top || score(c.code) > top.score)) top = { code: c.code, score: score(c.code) };
    // A side without candidates (lexicon folders without neighbours/) has no evidence: 0, not -Infinity,
    // which made the lead infinite and every confidence NaN.
    return top ?? { code: '', score: 0 };
  };
  const ours = best(true);
  const lead = ours.score - best(false).score;
  if (lead < -SIDE_MARGIN) return { side: 'theirs', lead };
  if (lead > SIDE_MARGIN) return { side: 'ours', lead };
  // A neighbour with words of its own that is itself close to ours (its letters do not rule it out).
  const theirWords = set.all.some((c) => !c.ours && (words.only.get(c.code) ?? 0) > 0 && score(c.code) >= ours.score - SIDE_MARGIN);
  const ourWords = words.only.get(ours.code) ?? 0;
  // Close. A neighbour's own words that ours do not outweigh make a tie.
  if (theirWords && (lead <= 0 || ourWords <= 0)) return { side: 'tie', lead };
  // No word of ours at all: only letters lean our way (no і, ў, ђ or ә in a Cyrillic text), if anything.
  if (![...words.ours.values()].some((s) => s > 0) && lead <= 0) return { side: 'none', lead };
  // A neighbour ahead on letters and spellings, and no word only ours write: words both sides list do not decide.
  if (lead < 0 && ourWords <= 0) return { side: 'tie', lead };
  // A lone word many of ours use alike ("ok", "super", "top") says nothing about the language.
  if (words.tokens === 1 && words.sharedTokens === 1 && ![...letters.values()].some((s) => s > 0)) return { side: 'tie', lead };
  return { side: 'ours', lead };
}
