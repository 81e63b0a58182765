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
  /** How many of the candidates are ours. */
  readonly oursCount: number;
  private readonly byCode = new Map<string, Candidate>();
  /** Candidates with a share of own letters expected, and those letters (the ones no language of ours writes). */
  private readonly expecting: readonly { candidate: Candidate; own: readonly string[] }[];
  private readonly spellers: readonly Candidate[];
  private readonly writersOf = new Map<string, LetterWriters>();
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
    this.oursCount = ours.length;
    for (const candidate of this.all) this.byCode.set(candidate.code, candidate);
    const oursWrite = new Set(this.all.filter((c) => c.ours).flatMap((c) => [...c.writes]));
    // Its own letters, or its spelling where it has none that ours do not write too (Bulgarian's vowel ъ).
    this.expecting = this.all
      .filter((c) => c.expect > 0)
      .map((candidate) => ({ candidate, own: [...candidate.writes].filter((letter) => !oursWrite.has(letter)) }))
      .filter(({ candidate, own }) => own.length > 0 || candidate.spelling);
    this.spellers = this.all.filter((c) => c.spelling);
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
    const spelled = new Set<string>();
    for (const c of this.spellers) if (c.spelling!.test(text)) spelled.add(c.code);
    for (const { candidate, own } of this.expecting) {
      if (spelled.has(candidate.code) || own.some((letter) => p.marked.has(letter))) continue;
      // n letters without one of its own: about (1 − expect)^n likely, in words' worth about n × expect.
      scores.set(candidate.code, -letters * candidate.expect);
    }
    for (const [letter, count] of p.marked) {
      const { writers, others, core } = this.whoWrites(letter);
      // Nobody's letter (a stray accent) or everybody's: no evidence.
      if (writers.length === 0 || others.length === 0) continue;
      const n = Math.min(count, LETTER_REPEATS);
      // A core letter is evidence only against the few that lack it.
      if (!core) for (const c of writers) scores.set(c.code, (scores.get(c.code) ?? 0) + n / writers.length);
      for (const c of others) scores.set(c.code, (scores.get(c.code) ?? 0) - n * FOREIGN_LETTER);
    }
    for (const [code, score] of scores) scores.set(code, Math.max(-LETTER_CAP, Math.min(LETTER_CAP, score)));
    for (const code of spelled) scores.set(code, (scores.get(code) ?? 0) + SPELLING);
    return scores;
  }

  /** The candidates that write a letter and those that do not (cached: a script has few letters). */
  private whoWrites(letter: string): LetterWriters {
    let known = this.writersOf.get(letter);
    if (!known) {
      const core = this.core.has(letter);
      const writes = (c: Candidate) => (core ? !c.lacks.has(letter) : c.writes.has(letter));
      known = { core, writers: this.all.filter(writes), others: this.all.filter((c) => !writes(c)) };
      this.writersOf.set(letter, known);
    }
    return known;
  }
}

interface LetterWriters {
  core: boolean;
  writers: readonly Candidate[];
  others: readonly Candidate[];
}
