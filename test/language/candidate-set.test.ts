import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/lang/registry.js';
import { CandidateSet } from '../../src/language/candidate-set.js';
import { loadNeighbourLanguages } from '../../src/language/neighbour-languages.js';
import { profileScripts } from '../../src/language/script-profile.js';
import { BUILTIN_LEXICON_DIR } from '../../src/lexicon/lexicon-dir.js';

const neighbours = loadNeighbourLanguages([BUILTIN_LEXICON_DIR]);
const latin = new CandidateSet('Latin', REGISTRY.ofScript('Latin'), neighbours);
const cyrillic = new CandidateSet('Cyrillic', REGISTRY.ofScript('Cyrillic'), neighbours);
const letters = (set: CandidateSet, text: string) => {
  const p = profileScripts(text);
  return set.letterScores(p, text, p.latin + p.cyrillic);
};

describe('CandidateSet: ours of a script and its neighbours', () => {
  it('holds ours first, then the neighbours written in the script', () => {
    expect(latin.all.filter((c) => c.ours).map((c) => c.code)).toEqual(REGISTRY.ofScript('Latin').map((l) => l.code));
    expect(latin.codes.has('nob') && latin.codes.has('fin') && !latin.codes.has('ukr')).toBe(true);
    expect(cyrillic.codes.has('ukr') && !cyrillic.codes.has('nob')).toBe(true);
  });

  it('maps franc codes to ours and to macrolanguages', () => {
    expect(latin.fromFrancCode('ekk')).toBe('est');
    expect(latin.fromFrancCode('hrv')).toBe('hbs');
    expect(latin.francCodes(['est', 'isl'])).toEqual(['ekk']);
  });

  it.each([
    // text, a language the letters point to, one they count against
    ['Pakken var ødelagt', 'nob', 'swe'],
    ['Kurier się spóźnił', 'pol', 'nob'],
    ['Дякую, все чудово, їжа смачна', 'ukr', 'rus'],
    ['Я ўжо тры тыдні чакаю', 'bel', 'bul'],
    ['Поруџбина је стигла', 'srp', 'rus'],
  ])('%j: letters point to %s, not %s', (text, forIt, against) => {
    const scores = letters(text.match(/[а-яё]/i) ? cyrillic : latin, text);
    expect(scores.get(forIt) ?? 0).toBeGreaterThan(0);
    expect(scores.get(against) ?? 0).toBeLessThan(0);
  });

  it('counts against a neighbour whose own letters a long text lacks (Ukrainian without і, ї, є)', () => {
    const text = 'Доставка была быстрой, курьер вежливый, всё пришло целым и вовремя';
    const scores = letters(cyrillic, text);
    expect(scores.get('ukr')!).toBeLessThan(-2);
    expect(scores.get('rus') ?? 0).toBeGreaterThanOrEqual(0);
  });

  it("counts Bulgarian's vowel ъ, not Russian's hard sign", () => {
    expect(letters(cyrillic, 'Много съм доволна').get('bul')!).toBeGreaterThan(letters(cyrillic, 'Подъезд закрыт').get('bul') ?? 0);
  });
});
