import { francAll } from 'franc';
import type { Script } from '../lang/language.js';
import type { LanguageRegistry } from '../lang/language-registry.js';
import { REGISTRY } from '../lang/registry.js';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import { type Detection, type LanguageSegment, type TextLanguage, UNDETERMINED } from './detection.js';
import { CandidateSet } from './candidate-set.js';
import { maskNoise } from './mask-noise.js';
import { loadNeighbourLanguages } from './neighbour-languages.js';
import { type ScriptProfile, profileScripts } from './script-profile.js';
import { contestSides } from './side-contest.js';
import { type Span, splitClauses, splitSentences } from './split-spans.js';
import { WordEvidence } from './word-evidence.js';
import { type WordScores, noWords, scoreWords } from './word-scores.js';

/** Letters from which a text is long enough for franc to be trusted without any word or letter evidence. */
const FRANC_MIN_LETTERS = 15;
/** Letters from which a short text's own letters may name its language. */
const BY_LETTERS_MIN = 4;
/** Letters from which franc may name a neighbour against our best language (fewer: too few trigrams). */
const DISTANT_MIN_LETTERS = 30;
/** Words from which a text none of whose words any list knows is a sentence, not a name or a code. */
const UNSEEN_SENTENCE = 4;
/** franc's lead (its scores run 0–1) it needs to name a text nothing else speaks for. */
const FRANC_CLEAR = 0.03;
/** Candidates this close to the best (in words' worth of evidence) are put to franc. */
const FRANC_RANGE = 1.5;
/** Evidence this strong (and three times the runner-up's) decides without franc. */
const DECISIVE = 2;
/** franc must score our best language below this fraction of a neighbour's score to name the neighbour. */
const OTHER_MARGIN = 0.8;
/**
 * Our word lists cover most of a text in our language; below this share of its tokens a text is put to franc
 * against the neighbours (above it, franc's weaker models, Russian against Bulgarian, only do harm).
 */
const OTHER_COVERAGE = 0.5;
/** The neighbours with most evidence put to franc against our best language. */
const FRANC_NEIGHBOURS = 6;
/** The side lead (in words' worth) at which an answer's confidence is 0.75. */
const SIDE_HALF = 2;
/** A Han character carries about as much as a short word: weigh Han against other letters by this. */
const HAN_WEIGHT = 3;
/** Evidence (in words' worth) at which an answer's confidence is half what its margin alone would give. */
const EVIDENCE_HALF = 1;
/** Mixed-language segments need this confidence and this many letters each. */
const SEGMENT_CONFIDENCE = 0.6;
const SEGMENT_MIN_LETTERS = 8;
/** Word evidence for a second language of ours this strong suggests a mixed text. */
const MIXED_EVIDENCE = 1.5;

/** Which signals the stage uses; the evaluation switches them off one by one to show what each buys. */
export interface Signals {
  letters: boolean;
  words: boolean;
  franc: boolean;
  segments: boolean;
}

const ALL_SIGNALS: Signals = { letters: true, words: true, franc: true, segments: true };

export interface DetectorOptions {
  /** The languages to tell apart: the built-in registry unless a test adds its own. */
  registry?: LanguageRegistry;
  /** Folders whose `<code>/` word lists and `neighbours/` languages are evidence: the built-in lexicons. */
  lexiconDirs?: readonly string[];
  signals?: Partial<Signals>;
}

/** A stretch's language, and whether it shows signs of a second language worth segmenting for. */
interface Analysis {
  detection: Detection;
  mixed: boolean;
}

/**
 * Language identification tuned for short customer feedback (docs/language-id.md). The script picks the
 * candidates: ours from the registry (Han is Chinese) and the neighbours written in it (lexicons/neighbours/).
 * Evidence only one side has — words the other side does not list, letters — decides between ours and the
 * neighbours; a tie is `und`, never one of ours by default. Then words and letters name the language within
 * the side, franc (restricted to the close candidates) breaking ties, and franc's full model recognising
 * other scripts.
 */
export class LanguageDetector {
  private readonly signals: Signals;
  private readonly registry: LanguageRegistry;
  private readonly evidence: WordEvidence;
  private readonly candidates = new Map<Script, CandidateSet>();

  constructor(options: DetectorOptions = {}) {
    this.signals = { ...ALL_SIGNALS, ...options.signals };
    this.registry = options.registry ?? REGISTRY;
    const dirs = options.lexiconDirs ?? [BUILTIN_LEXICON_DIR];
    const neighbours = loadNeighbourLanguages(dirs);
    this.evidence = WordEvidence.load(this.registry.languages, dirs, neighbours);
    for (const script of ['Latin', 'Cyrillic'] as const) {
      this.candidates.set(script, new CandidateSet(script, this.registry.ofScript(script), neighbours));
    }
  }

  detect(text: string): TextLanguage {
    const masked = maskNoise(text);
    const whole = trimSpan(masked);
    if (!whole) return { ...UNDETERMINED, segments: [] };
    const { detection, mixed } = this.analyse(masked.slice(whole.start, whole.end));
    if (detection.lang === 'und') return { ...detection, segments: [] };
    const segments = this.signals.segments && mixed ? this.segment(masked, whole) : undefined;
    if (!segments) return { ...detection, segments: [{ ...detection, ...whole }] };
    return { ...this.dominant(segments, masked), segments };
  }

  /** One language for a stretch of (masked) text. */
  detectSpan(text: string): Detection {
    return this.analyse(text).detection;
  }

  private analyse(raw: string): Analysis {
    const text = foldHomoglyphs(raw.normalize('NFC'));
    const p = profileScripts(text);
    if (p.letters < 2 && p.han === 0) return { detection: UNDETERMINED, mixed: false };
    // Two scripts with a few words' worth of letters each: maybe two languages.
    const scripts = [p.han * HAN_WEIGHT, p.cyrillic, p.latin].filter((n) => n >= SEGMENT_MIN_LETTERS).length;
    const mixedScripts = scripts >= 2;
    if (p.kana > 0 && p.kana * 20 >= p.han + p.kana) return { detection: this.other('jpn', 0.95), mixed: false };
    if (p.hangul > Math.max(p.latin, p.cyrillic, p.han)) return { detection: this.other('kor', 0.95), mixed: false };
    if (p.han > 0 && p.han * HAN_WEIGHT >= p.latin + p.cyrillic + p.other) {
      // Han without kana is Chinese to every language of ours: the script decides.
      const [han] = this.registry.ofScript('Han');
      if (!han) return { detection: this.otherScript(text), mixed: false };
      return { detection: { lang: han.code, confidence: round(Math.min(0.99, 0.6 + 0.1 * p.han)), supported: true }, mixed: mixedScripts };
    }
    if (p.cyrillic > 0 && p.cyrillic >= p.latin) return this.alphabetic('Cyrillic', text, p, mixedScripts);
    if (p.latin > 0 && p.latin >= p.other) return this.alphabetic('Latin', text, p, mixedScripts);
    return { detection: this.otherScript(text), mixed: false };
  }

  /** A text in a script of letters: ours of that script and the neighbours written in it are the candidates. */
  private alphabetic(script: Script, text: string, p: ScriptProfile, mixedScripts: boolean): Analysis {
    const set = this.candidates.get(script);
    if (!set || !set.all.some((c) => c.ours)) return { detection: this.otherScript(text), mixed: false };
    const tokens = [...this.evidence.normalise(text).matchAll(TOKEN)].map((m) => m[0]);
    const words = this.signals.words ? scoreWords(tokens, set, this.evidence) : noWords(tokens.length);
    const letters = this.signals.letters ? set.letterScores(p, tokens, script === 'Latin' ? p.latin : p.cyrillic) : new Map<string, number>();
    const [, , oursSecond] = ranked(words.ours);
    const mixed = mixedScripts || oursSecond >= MIXED_EVIDENCE;
    return { detection: this.decide(set, words, letters, text, p), mixed };
  }

  /** Ours or a neighbour (side-contest.ts), then the side's own evidence names the language. */
  private decide(set: CandidateSet, words: WordScores, letters: Map<string, number>, text: string, p: ScriptProfile): Detection {
    const { side, lead } = contestSides(set, words, letters);
    if (side === 'theirs') return this.pick(set, false, words.theirs, letters, text, -lead);
    const distant = lead < DECISIVE ? this.distantNeighbour(set, words, letters, text, p) : undefined;
    if (distant) return distant;
    if (side === 'ours') return this.pick(set, true, words.ours, letters, text, Math.max(0, lead));
    if (side === 'none') return this.withoutEvidence(set, words, letters, text, p, lead);
    return { ...UNDETERMINED, confidence: 0.5 };
  }

  /**
   * A neighbour that shares our function words' spellings but not our language ("ja", "on" are Finnish
   * too), named when franc clearly prefers it to our best: franc misses nothing between distant languages,
   * and between close ones (Swedish and Norwegian) its scores are too close to pass the margin.
   */
  private distantNeighbour(set: CandidateSet, words: WordScores, letters: Map<string, number>, text: string, p: ScriptProfile): Detection | undefined {
    if (!this.signals.franc || p.letters < DISTANT_MIN_LETTERS || words.oursCovered >= OTHER_COVERAGE * words.tokens) return undefined;
    const [oursBest] = ranked(words.ours);
    const evidence = (code: string) => (words.theirs.get(code) ?? 0) + (letters.get(code) ?? 0);
    const others = set.all
      .filter((c) => !c.ours && evidence(c.code) > 0)
      .sort((a, b) => evidence(b.code) - evidence(a.code))
      .slice(0, FRANC_NEIGHBOURS)
      .map((c) => c.code);
    if (oursBest === undefined || others.length === 0) return undefined;
    // Words only ours list, against neighbours whose only evidence is words ours list too ("in"): not distant.
    const own = (code: string) => (words.only.get(code) ?? 0) + Math.max(0, letters.get(code) ?? 0);
    if ((words.only.get(oursBest) ?? 0) > 0 && !others.some((code) => own(code) > 0)) return undefined;
    const ranking = [...this.francScores(set, [oursBest, ...others], text)].sort((a, b) => b[1] - a[1]);
    const [top, topScore] = ranking[0] ?? [oursBest, 1];
    const ours = ranking.find(([code]) => code === oursBest)?.[1] ?? 0;
    if (set.get(top)?.ours || ours >= OTHER_MARGIN * topScore) return undefined;
    return this.other(top, round(Math.min(0.99, 0.5 + (topScore - ours))));
  }

  /**
   * The language of one side by its words and letters; franc's trigrams (restricted to the close candidates)
   * weigh in as much as one word when they are not decisive. Confidence reflects both margins.
   */
  private pick(set: CandidateSet, ours: boolean, words: Map<string, number>, letters: Map<string, number>, text: string, sideLead: number): Detection {
    const scores = new Map<string, number>();
    for (const c of set.all) if (c.ours === ours) scores.set(c.code, (words.get(c.code) ?? 0) + (letters.get(c.code) ?? 0));
    let [best, first, second] = ranked(scores);
    if (this.signals.franc && scores.size > 1 && !(first >= DECISIVE && first >= 3 * second)) {
      const close = [...scores].filter(([, score]) => score >= first - FRANC_RANGE).map(([code]) => code);
      if (close.length > 1) {
        for (const [code, score] of this.francScores(set, close, text)) scores.set(code, (scores.get(code) ?? 0) + score);
        [best, first, second] = ranked(scores);
      }
    }
    const within = scores.size > 1 ? confidence(first, second) : 0.99;
    // However sure the side's own evidence, the answer is only as sure as the side's lead over the other.
    const across = 0.5 + sideLead / (sideLead + SIDE_HALF) / 2;
    const sure = round(Math.max(0.34, Math.min(within, across, 0.99)));
    return set.get(best)!.ours ? { lang: best, confidence: sure, supported: true } : this.other(best, sure);
  }

  /**
   * No word or letter evidence. franc may name a long text's language when it clearly prefers one. A
   * sentence of several words in none of the neighbours' function words is not in a neighbour (they would
   * have shown over that many words): it is ours, franc (restricted to ours) saying which, at confidence
   * 0.5 at most. A shorter text is `und`.
   */
  private withoutEvidence(set: CandidateSet, words: WordScores, letters: Map<string, number>, text: string, p: ScriptProfile, lead: number): Detection {
    if (!this.signals.franc) return { ...UNDETERMINED, confidence: 0.5 };
    if (p.letters < FRANC_MIN_LETTERS) return this.byLetters(set, letters, text, p);
    // Among the candidates its letters do not count against (á is not Swedish, ä is not English).
    const possible = set.all.filter((c) => (letters.get(c.code) ?? 0) >= 0).map((c) => c.code);
    const ranking = [...this.francScores(set, possible.length > 0 ? possible : [...set.codes], text)].sort((a, b) => b[1] - a[1]);
    const [top, topScore] = ranking[0] ?? ['und', 0];
    const runnerUp = ranking[1]?.[1] ?? 0;
    if (top !== 'und' && topScore - runnerUp >= FRANC_CLEAR) {
      const sure = round(Math.min(0.99, 0.5 + (topScore - runnerUp)));
      return set.get(top)!.ours ? { lang: top, confidence: sure, supported: true } : this.other(top, sure);
    }
    // Not when a neighbour's letters or spellings lead ours: then it may be the neighbour's, its words unlisted.
    if (words.tokens < UNSEEN_SENTENCE || lead < 0) return { ...UNDETERMINED, confidence: 0.5 };
    const ours = set.all.filter((c) => c.ours).map((c) => c.code);
    const [lang] = [...this.francScores(set, ours, text)].sort((a, b) => b[1] - a[1])[0] ?? [ours[0]!];
    return { lang, confidence: round(Math.min(0.5, 1 / ours.length + 0.1)), supported: true };
  }

  /**
   * A short text that only its letters speak for ("Jättebussigt": ä is Swedish, Finnish, Estonian, German):
   * franc, restricted to the languages the letters point to, names one when it clearly prefers it.
   */
  private byLetters(set: CandidateSet, letters: Map<string, number>, text: string, p: ScriptProfile): Detection {
    const top = Math.max(0, ...letters.values());
    if (top <= 0 || p.letters < BY_LETTERS_MIN) return { ...UNDETERMINED, confidence: 0.5 };
    const pointed = [...letters].filter(([, score]) => score === top).map(([code]) => code);
    const ranking = pointed.length === 1 ? [[pointed[0]!, 1] as const] : [...this.francScores(set, pointed, text)].sort((a, b) => b[1] - a[1]);
    const [lang, score] = ranking[0] ?? ['und', 0];
    const runnerUp = ranking[1]?.[1] ?? 0;
    if (lang === 'und' || score - runnerUp < FRANC_CLEAR) return { ...UNDETERMINED, confidence: 0.5 };
    const sure = round(Math.min(0.6, 0.4 + (score - runnerUp)));
    return set.get(lang)!.ours ? { lang, confidence: sure, supported: true } : this.other(lang, sure);
  }

  /** franc's trigram scores (0–1, its best 1) for some candidates, per candidate. */
  private francScores(set: CandidateSet, codes: readonly string[], text: string): Map<string, number> {
    const out = new Map<string, number>();
    const only = set.francCodes(codes);
    if (only.length === 0) return out;
    for (const [code, score] of francAll(text, { only, minLength: 1 })) {
      const ours = set.fromFrancCode(code);
      if (ours && score > (out.get(ours) ?? 0)) out.set(ours, score);
    }
    return out;
  }

  private otherScript(text: string): Detection {
    const [top, score] = this.signals.franc ? this.francTop(text) : ['und', 0];
    return top === 'und' ? UNDETERMINED : this.other(top, score);
  }

  private francTop(text: string): [string, number] {
    const ranking = francAll(text, { minLength: 1 });
    const [first, second] = ranking;
    if (!first || first[0] === 'und') return ['und', 0];
    return [this.registry.canonical(first[0]), round(Math.min(0.99, 0.5 + (1 - (second?.[1] ?? 0)) * 2))];
  }

  /**
   * A language named by letters or franc rather than our word lists. Usually not one of ours, but franc's full
   * model (other scripts) can name one, e.g. our Han language for a single Han character among other letters.
   */
  private other(lang: string, confidence: number): Detection {
    return { lang, confidence: round(confidence), supported: this.registry.has(lang) };
  }

  private dominant(segments: LanguageSegment[], text: string): Detection {
    const letters = new Map<string, number>();
    for (const s of segments) letters.set(s.lang, (letters.get(s.lang) ?? 0) + letterCount(text, s));
    const [lang] = ranked(letters);
    const mine = segments.filter((s) => s.lang === lang);
    return { lang, confidence: Math.min(...mine.map((s) => s.confidence)), supported: this.registry.has(lang) };
  }

  /** Splits a text into sentences (or, for one sentence, clauses) when they are in different languages. */
  private segment(masked: string, whole: Span): LanguageSegment[] | undefined {
    let spans = splitSentences(masked, whole);
    if (spans.length < 2) spans = splitClauses(masked, whole);
    if (spans.length < 2) return undefined;
    const parts = spans.map((span) => ({ ...span, ...this.detectSpan(masked.slice(span.start, span.end)) }));
    const sure = parts.filter((s) => s.supported && s.confidence >= SEGMENT_CONFIDENCE && letterCount(masked, s) >= SEGMENT_MIN_LETTERS);
    if (new Set(sure.map((s) => s.lang)).size < 2) return undefined;
    // Unsure stretches join the language before them (or after, at the start); then neighbours merge.
    const merged: LanguageSegment[] = [];
    let carry: LanguageSegment | undefined;
    for (const part of parts) {
      const isSure = sure.includes(part);
      const last = merged.at(-1);
      if (!isSure) {
        if (last) last.end = part.end;
        else carry = carry ? { ...carry, end: part.end } : part;
        continue;
      }
      const start = carry ? carry.start : part.start;
      carry = undefined;
      if (last && last.lang === part.lang) {
        last.end = part.end;
        last.confidence = Math.min(last.confidence, part.confidence);
      } else merged.push({ ...part, start });
    }
    return merged;
  }
}

const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const ACCENTED_LATIN = /[\u00c0-\u024f]/;

function ranked<K>(scores: Map<K, number>): [K, number, number] {
  let best: K | undefined;
  let first = 0;
  let second = 0;
  for (const [key, score] of scores) {
    if (best === undefined || score > first) {
      second = best === undefined ? 0 : first;
      best = key;
      first = score;
    } else if (score > second) second = score;
  }
  return [best as K, first, second];
}

/**
 * How sure an answer is: the share of the evidence by which the best leads the runner-up, discounted when
 * there is little evidence at all (one word is not a sure answer however alone it stands).
 */
function confidence(first: number, second: number): number {
  // No evidence for the best either (every candidate's letters count against it): as unsure as can be.
  if (first <= 0) return 0.34;
  const margin = (first - second) / first;
  const amount = first / (first + EVIDENCE_HALF);
  return round(Math.max(0.34, Math.min(0.99, 0.5 + (margin * amount) / 2)));
}

/** Letters in a span, a Han character counting as much as a short word. */
function letterCount(text: string, span: Span): number {
  const p = profileScripts(text.slice(span.start, span.end));
  return p.letters + p.han * (HAN_WEIGHT - 1);
}

/**
 * A Latin i inside a Cyrillic word is the Cyrillic і typed on a keyboard without it (Belarusian and
 * Ukrainian web text: "Рэспублiкi"): read it as the letter it stands for. One character for one, so
 * offsets do not move.
 */
function foldHomoglyphs(text: string): string {
  if (!/[iI]/.test(text) || !CYRILLIC.test(text)) return text;
  return text.replace(LATIN_I_IN_CYRILLIC, (i) => (i === 'i' ? 'і' : 'І'));
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_I_IN_CYRILLIC = /(?<=\p{Script=Cyrillic})[iI]|[iI](?=\p{Script=Cyrillic})/gu;

function trimSpan(text: string): Span | undefined {
  const start = text.search(/\S/);
  if (start === -1) return undefined;
  return { start, end: text.trimEnd().length };
}

const round = (x: number) => Math.round(x * 100) / 100;
