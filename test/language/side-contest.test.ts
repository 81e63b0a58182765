import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/lang/registry.js';
import { CandidateSet } from '../../src/language/candidate-set.js';
import { loadNeighbourLanguages } from '../../src/language/neighbour-languages.js';
import { profileScripts } from '../../src/language/script-profile.js';
import { contestSides } from '../../src/language/side-contest.js';
import { WordEvidence } from '../../src/language/word-evidence.js';
import { scoreWords } from '../../src/language/word-scores.js';
import { BUILTIN_LEXICON_DIR } from '../../src/lexicon/lexicon-dir.js';

const neighbours = loadNeighbourLanguages([BUILTIN_LEXICON_DIR]);
const evidence = WordEvidence.load(REGISTRY.languages, [BUILTIN_LEXICON_DIR], neighbours);
const sets = { Latin: new CandidateSet('Latin', REGISTRY.ofScript('Latin'), neighbours), Cyrillic: new CandidateSet('Cyrillic', REGISTRY.ofScript('Cyrillic'), neighbours) };

function verdict(text: string) {
  const p = profileScripts(text);
  const set = p.cyrillic > p.latin ? sets.Cyrillic : sets.Latin;
  const tokens = evidence.normalise(text).match(/[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*/gu) ?? [];
  return contestSides(set, scoreWords(tokens, set, evidence), set.letterScores(p, tokens, p.cyrillic + p.latin)).side;
}

describe('contestSides: ours or a neighbour, on evidence only one side has', () => {
  it.each([
    // Words only one side lists, and letters, lead by the margin.
    ['Jag har inte fått pengarna tillbaka', 'ours'],
    ['Jeg har ikke fått pengene tilbake', 'theirs'],
    ['Доставка быстрая, качество хорошее', 'ours'],
    ['Хората казват, че цената е висока', 'theirs'],
    // A spelling only one neighbour writes: Turkish -iyor.
    ['Siparis gelmedi, bekliyorum', 'theirs'],
    // Close: a neighbour's own word, or a spelling two neighbours share (Norwegian -sjon), against no word
    // only ours write is a tie, whatever the words both sides list (var).
    ['Likevel bra', 'tie'],
    ['Informasjonen var feil', 'tie'],
    // Close, and no word of ours at all: decided without words (letters, franc), never ours by default.
    ['Jättebussigt', 'none'],
    ['Замовлення прийшло вчасно', 'none'],
    // Words both sides write (det, var, med, den) and a word only ours list: ours.
    ['Det var bra med den nya kassan', 'ours'],
  ])('%j → %s', (text, side) => {
    expect(verdict(text)).toBe(side);
  });
});
