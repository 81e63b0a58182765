import type { CandidateSet } from './candidate-set.js';
import type { WordEvidence } from './word-evidence.js';

/**
 * What a content word only ours list counts for our side against the neighbours: less than a function word,
 * since a neighbour may write the same word (Swedish and Norwegian "god", "klar", "år") and its list,
 * function words only, cannot say so.
 */
const CONTENT_WORD = 0.25;

/** Word evidence per candidate, and for each side (ours, the neighbours) what only it has. */
export interface WordScores {
  /** Per language of ours, each word shared out among ours that list it. */
  ours: Map<string, number>;
  /** Per neighbour, each word shared out among the neighbours that list it. */
  theirs: Map<string, number>;
  /** Per candidate, the tokens it lists that the other side does not (ours' content words at CONTENT_WORD). */
  only: Map<string, number>;
  /** Tokens that a list of ours holds. */
  oursCovered: number;
  tokens: number;
  /** Tokens that every language of ours in the script lists ("ok", "super"): no evidence which. */
  sharedTokens: number;
}

const ACCENTED_LATIN = /[\u00c0-\u024f]/;

/** No word evidence (the evaluation's stage without word lists): only the count of tokens. */
export function noWords(tokens: number): WordScores {
  return { ours: new Map(), theirs: new Map(), only: new Map(), oursCovered: 0, tokens, sharedTokens: 0 };
}

/** Word evidence for the candidates of `set` from a text's words (normalised as the word lists are). */
export function scoreWords(tokens: readonly string[], set: CandidateSet, evidence: WordEvidence): WordScores {
  const scores = noWords(0);
  const anyOurs = (codes: ReadonlySet<string> | undefined) => {
    if (codes) for (const code of codes) if (set.get(code)?.ours) return true;
    return false;
  };
  const oursPair = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && anyOurs(evidence.pairOf(a, b));
  for (let i = 0; i < tokens.length; i++) {
    scores.tokens++;
    let token = tokens[i]!;
    let hit = evidence.lookup(token);
    let factor = 1;
    if (!hit && ACCENTED_LATIN.test(token)) {
      // Feedback in our languages is often typed without its accents ("koszi szepen"): an accented word
      // nobody lists may be one of ours typed plainly, never evidence for a neighbour.
      const plain = stripAccents(token);
      if (plain !== token) {
        const ours = evidence.lookup(plain);
        if (ours) hit = new Map([...ours].filter(([code]) => set.get(code)?.ours));
        token = plain;
        factor = 0.5;
      }
    }
    if (!hit) continue;
    let ours = 0;
    let theirs = 0;
    for (const code of hit.keys()) {
      const c = set.get(code);
      if (c) c.ours ? ours++ : theirs++;
    }
    if (ours === set.oursCount && ours > 1) scores.sharedTokens++;
    if (ours > 0) scores.oursCovered++;
    // Between the sides, a token is ours only if a list of ours holds it as a word of its own.
    // A word that a pattern of ours holds next to the word beside it here ("rekommenderar er") is ours too.
    const oursOwn = () => anyOurs(evidence.listedBy(token)) || oursPair(tokens[i - 1], token) || oursPair(token, tokens[i + 1]);
    if (theirs === 0) {
      if (ours > 0 && oursOwn()) {
        const worth = anyOurs(evidence.functionOf(token)) ? factor : factor * CONTENT_WORD;
        for (const code of hit.keys()) if (set.get(code)) scores.only.set(code, (scores.only.get(code) ?? 0) + worth);
      }
    } else if (ours === 0 || !oursOwn()) {
      for (const code of hit.keys()) if (set.get(code)?.ours === false) scores.only.set(code, (scores.only.get(code) ?? 0) + factor);
    }
    for (const [code, weight] of hit) {
      const c = set.get(code);
      if (!c) continue;
      const side = c.ours ? scores.ours : scores.theirs;
      side.set(code, (side.get(code) ?? 0) + (weight * factor) / (c.ours ? ours : theirs));
    }
  }
  return scores;
}

function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
