import type { Language, Script } from '../lang/language.js';
import type { NeighbourLanguage } from './neighbour-languages.js';
import type { ScriptProfile } from './script-profile.js';

/** A language a text in some script may be in: one of ours (tagged) or a neighbour (only named). */
export interface Candidate {
  code: string;
  ours: boolean;
  /** Letters it writes beyond the script's core. */
  writes: ReadonlySet<string>;
  /** Core letters it does not write. */
  lacks: ReadonlySet<string>;
  /** The share of its text's letters that are its own `writes`: their absence is evidence against it. */
  expect: number;
  spelling?: RegExp;
  /** The codes franc's model gives it. */
  franc: readonly string[];
}

/**
 * Letters every language of the script writes unless it says it lacks one: only other letters are told
 * apart by who writes them. Latin's core is a–z, which the script profile does not even list.
 */
const CORE: Readonly<Record<Script, string>> = {
  Latin: '',
  Cyrillic: 'абвгдежзийклмнопрстуфхцчшщьюя',
  Han: '',
};
/** Evidence from letters is capped, either way: a long text full of ä is not more Swedish than one with a few. */
const LETTER_CAP = 3;
/** Occurrences of one letter that count: a name repeated in a text is still one name. */
const LETTER_REPEATS = 3;
/** What a letter a language does not write costs it, per occurrence: about two words, since writers of a language
 * do not type letters it lacks (a Russian never writes і), while any word may be a loan or a name. */
const FOREIGN_LETTER = 2;
/** What a spelling only one language uses is worth to it. */
const SPELLING = 2;

/** The candidates for texts of one script: ours from the registry, then the neighbours written in it. */
export class CandidateSet {
  readonly all: readonly Candidate[];
  readonly codes: ReadonlySet<string>;
  private readonly byCode = new Map<string, Candidate>();
  /** Letters a language of ours writes: a neighbour's own letters, for `expect`, are the others. */
  private readonly oursWrite: ReadonlySet<string>;
  private readonly core: ReadonlySet<string>;
  /** franc's code → our candidate's code. */
  private readonly fromFranc = new Map<string, string>();

  constructor(script: Script, ours: readonly Language[], neighbours: readonly NeighbourLanguage[]) {
    this.core = new Set(CORE[script]);
    this.all = [
      ...ours.map((l): Candidate => ({
        code: l.code,
        ours: true,
        writes: new Set(Object.keys(l.letters)),
        lacks: new Set(),
        expect: 0,
        franc: [l.code, ...(l.aliases ?? [])],
      })),
      ...neighbours
        .filter((n) => n.script === script)
        .map((n): Candidate => ({
          code: n.code,
          ours: false,
          writes: n.letters,
          lacks: n.lacks,
          expect: n.expect,
          franc: n.franc,
          ...(n.spelling ? { spelling: n.spelling } : {}),
        })),
    ];
    this.codes = new Set(this.all.map((c) => c.code));
    for (const candidate of this.all) this.byCode.set(candidate.code, candidate);
    this.oursWrite = new Set(this.all.filter((c) => c.ours).flatMap((c) => [...c.writes]));
    for (const candidate of this.all) for (const code of candidate.franc) if (!this.fromFranc.has(code)) this.fromFranc.set(code, candidate.code);
  }

  get(code: string): Candidate | undefined {
    return this.byCode.get(code);
  }

  /** The franc codes of some candidates, to restrict franc to them. */
  francCodes(codes: Iterable<string>): string[] {
    const wanted = new Set(codes);
    return this.all.filter((c) => wanted.has(c.code)).flatMap((c) => c.franc);
  }

  /** The candidate franc means by one of its codes. */
  fromFrancCode(code: string): string | undefined {
    return this.fromFranc.get(code);
  }

  /**
   * Evidence from letters, per candidate: a letter counts for the languages that write it (shared out
   * among them) and against those that do not; a language whose own letters are frequent loses by their
   * absence from a text of `letters` letters; a spelling only one language uses counts for it.
   */
  letterScores(p: ScriptProfile, text: string, letters: number): Map<string, number> {
    const scores = new Map<string, number>();
    for (const c of this.all) {
      if (c.expect === 0) continue;
      let own = c.spelling?.test(text) ? 1 : 0;
      let marks = 0;
      for (const letter of c.writes) {
        if (this.oursWrite.has(letter)) continue;
        marks++;
        own += p.marked.get(letter) ?? 0;
      }
      // Its own letters, or its spelling where it has none of ours does not write (Bulgarian's vowel ъ).
      if (marks === 0 && !c.spelling) continue;
      // n letters without one of its own: about (1 − expect)^n likely, in words' worth about n × expect.
      if (own === 0) scores.set(c.code, -letters * c.expect);
    }
    for (const [letter, count] of p.marked) {
      const core = this.core.has(letter);
      let writers = 0;
      for (const c of this.all) if (core ? !c.lacks.has(letter) : c.writes.has(letter)) writers++;
      // Nobody's letter (a stray accent) or everybody's: no evidence.
      if (writers === 0 || writers === this.all.length) continue;
      const n = Math.min(count, LETTER_REPEATS);
      for (const c of this.all) {
        const writes = core ? !c.lacks.has(letter) : c.writes.has(letter);
        // A core letter is evidence only against the few that lack it.
        const score = writes ? (core ? 0 : n / writers) : -n * FOREIGN_LETTER;
        if (score !== 0) scores.set(c.code, (scores.get(c.code) ?? 0) + score);
      }
    }
    for (const [code, score] of scores) scores.set(code, Math.max(-LETTER_CAP, Math.min(LETTER_CAP, score)));
    for (const c of this.all) if (c.spelling?.test(text)) scores.set(c.code, (scores.get(c.code) ?? 0) + SPELLING);
    return scores;
  }
}
