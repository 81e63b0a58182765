import { francAll } from 'franc';
import type { Language, Script } from '../lang/language.js';
import type { LanguageRegistry } from '../lang/language-registry.js';
import { REGISTRY } from '../lang/registry.js';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import { type Detection, type LanguageSegment, type TextLanguage, UNDETERMINED } from './detection.js';
import { FOREIGN_LETTERS } from './foreign-letters.js';
import { FOREIGN_SPELLINGS } from './foreign-spellings.js';
import { maskNoise } from './mask-noise.js';
import { OTHER_LANGUAGES } from './other-languages.js';
import { type ScriptProfile, profileScripts } from './script-profile.js';
import { type Span, splitClauses, splitSentences } from './split-spans.js';
import { WordEvidence } from './word-evidence.js';

/** Below this share of tokens found in our word lists, a long text may be in another language: ask franc. */
const OTHER_COVERAGE = 0.2;
/** franc must score our best language below this fraction of its top (other) language to overrule us. */
const OTHER_MARGIN = 0.8;
/** Letters this telling (ő, ű) rule out other languages. */
const UNIQUE_LETTERS = 1.5;
/** Letters from which a text is long enough for franc's full model to be trusted about other languages. */
const FRANC_MIN_LETTERS = 15;
/** Evidence this strong (and three times the runner-up's) decides without franc. */
const DECISIVE = 2;
/** A Han character carries about as much as a short word: weigh Han against other letters by this. */
const HAN_WEIGHT = 3;
/** Mixed-language segments need this confidence and this many letters each. */
const SEGMENT_CONFIDENCE = 0.6;
const SEGMENT_MIN_LETTERS = 8;
/** Word evidence for a second language this strong suggests a mixed text. */
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
  /** Folders whose `<code>/` word lists and `neighbours.tsv` are word evidence: the built-in lexicons. */
  lexiconDirs?: readonly string[];
  signals?: Partial<Signals>;
}

/** A stretch's language, and whether it shows signs of a second language worth segmenting for. */
interface Analysis {
  detection: Detection;
  mixed: boolean;
}

/**
 * Language identification tuned for short customer feedback: the script picks the candidates from the
 * registry (a script with one language of ours, such as Han, is that language); distinctive letters and our
 * own word lists decide most short texts; franc (restricted to the candidates) settles the rest, and
 * franc's full model recognises texts in other languages.
 */
export class LanguageDetector {
  private readonly signals: Signals;
  private readonly registry: LanguageRegistry;
  private readonly evidence: WordEvidence;

  constructor(options: DetectorOptions = {}) {
    this.signals = { ...ALL_SIGNALS, ...options.signals };
    this.registry = options.registry ?? REGISTRY;
    this.evidence = WordEvidence.load(this.registry.languages, options.lexiconDirs ?? [BUILTIN_LEXICON_DIR]);
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
    const text = raw.normalize('NFC');
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

  /** A text in a script of letters: the registry's languages of that script are the candidates. */
  private alphabetic(script: Script, text: string, p: ScriptProfile, mixedScripts: boolean): Analysis {
    const candidates = this.registry.ofScript(script);
    if (candidates.length === 0) return { detection: this.otherScript(text), mixed: false };
    if (candidates.length === 1) return { detection: this.sole(candidates[0]!, text, p), mixed: mixedScripts };
    const several = this.several(candidates, OTHER_LANGUAGES[script], text, p);
    return { detection: several.detection, mixed: mixedScripts || several.mixed };
  }

  /** Several languages of ours share the script: letters and words weigh them against each other. */
  private several(candidates: readonly Language[], others: readonly string[], text: string, p: ScriptProfile): Analysis {
    const codes = candidates.map((l) => l.code);
    const words = this.signals.words ? this.wordScores(text, codes) : noWords(text);
    const letters = this.signals.letters ? letterScores(p, candidates) : new Map<string, number>();
    const foreign = this.signals.letters ? foreignLetters(p, text) : new Map<string, number>();
    const foreignHits = sum(foreign) + words.neighbourTokens;
    const combined = new Map<string, number>();
    for (const code of codes) combined.set(code, (words.scores.get(code) ?? 0) + (letters.get(code) ?? 0));
    const [best, bestScore, secondScore] = ranked(combined);
    const [, , wordSecond] = ranked(words.scores);
    const mixed = wordSecond >= MIXED_EVIDENCE;
    const coverage = words.tokens === 0 ? 0 : (words.covered.get(best) ?? 0) / words.tokens;
    const result = (detection: Detection) => ({ detection, mixed });

    if (this.signals.franc && (letters.get(best) ?? 0) < UNIQUE_LETTERS) {
      // Another language? Foreign letters, or a long text our word lists barely cover, make franc worth
      // asking; it decides only when it prefers another language clearly over our best guess.
      const suspicious = foreignHits > 0 ? coverage < 0.6 : p.letters >= FRANC_MIN_LETTERS && coverage < OTHER_COVERAGE;
      const [letterTop, letterScore, letterSecond] = ranked(foreign);
      // A letter only one language writes (ł, ß, ñ, ř …) names that language outright.
      if (suspicious && letterScore >= 2 && letterScore > letterSecond) return result(this.other(letterTop, 0.9));
      if (suspicious) {
        const ranking = francAll(text, { minLength: 1, only: [best, ...others] });
        const [top, topScore] = ranking[0] ?? ['und', 0];
        const ours = ranking.find(([code]) => code === best)?.[1] ?? 0;
        const outnumbered = words.neighbourTokens > (words.covered.get(best) ?? 0);
        if (top !== 'und' && !this.registry.has(top) && (ours < OTHER_MARGIN * topScore || outnumbered)) {
          return result(this.other(top, round(Math.min(0.99, 0.5 + (topScore - ours)))));
        }
      }
    }
    if (bestScore === 0 && (p.letters < 5 || !this.signals.franc)) return result({ ...UNDETERMINED, confidence: 0.5 });
    // A lone word all our candidate languages use alike ("ok", "super", "top") says nothing about the language.
    if (words.tokens === 1 && words.sharedTokens === 1 && sum(letters) === 0) return result({ ...UNDETERMINED, confidence: 0.5 });
    if (!this.signals.franc || (bestScore >= DECISIVE && bestScore >= 3 * secondScore)) {
      return result(supported(best, bestScore, secondScore));
    }
    // Not decisive: franc's trigram model, restricted to our candidates, weighs in — as much as one word at
    // most, so it breaks ties and decides texts without word evidence, but does not outvote words.
    const franc = new Map(francAll(text, { only: codes, minLength: 1 }));
    for (const code of codes) combined.set(code, (combined.get(code) ?? 0) + (franc.get(code) ?? 0));
    const [lang, s1, s2] = ranked(combined);
    return result(supported(lang, s1, s2));
  }

  /** The only language of ours in the script: it, unless letters, spellings or franc point to a neighbour. */
  private sole(language: Language, text: string, p: ScriptProfile): Detection {
    const code = language.code;
    const ownLetters = this.signals.letters ? (letterScores(p, [language]).get(code) ?? 0) : 0;
    const foreign = this.signals.letters ? foreignLetters(p, text) : new Map<string, number>();
    const [foreignTop, foreignScore] = ranked(foreign);
    if (foreignScore > 0 && foreignScore >= ownLetters) return this.other(foreignTop, 0.9);
    if (ownLetters >= 1) return { lang: code, confidence: 0.97, supported: true };
    if (this.signals.letters) {
      const spelling = FOREIGN_SPELLINGS.find((s) => s.pattern.test(text));
      if (spelling) return this.other(spelling.lang, 0.9);
    }
    const words = this.signals.words ? this.wordScores(text, [code]) : undefined;
    const coverage = words && words.tokens > 0 ? (words.covered.get(code) ?? 0) / words.tokens : 0;
    if (this.signals.franc && scriptLetters(p, language.script) >= FRANC_MIN_LETTERS && coverage < OTHER_COVERAGE) {
      const ranking = francAll(text, { only: [code, ...OTHER_LANGUAGES[language.script]], minLength: 1 });
      const [top, topScore] = ranking[0] ?? [code, 1];
      const ownScore = ranking.find(([c]) => c === code)?.[1] ?? 0;
      if (top !== code && ownScore < OTHER_MARGIN * topScore) return this.other(top, round(1 - ownScore / 2));
    }
    return { lang: code, confidence: round(Math.min(0.95, 0.7 + coverage / 2)), supported: true };
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

  private wordScores(text: string, codes: readonly string[]) {
    const scores = new Map<string, number>();
    const covered = new Map<string, number>();
    let tokens = 0;
    let neighbourTokens = 0;
    /** Tokens listed by every one of the candidate languages. */
    let sharedTokens = 0;
    for (const match of this.evidence.normalise(text).matchAll(TOKEN)) {
      tokens++;
      const token = match[0];
      if (this.evidence.neighbour(token)) neighbourTokens++;
      let hit = this.evidence.lookup(token);
      let factor = 1;
      if (!hit && ACCENTED_LATIN.test(token)) {
        const plain = stripAccents(token);
        if (plain !== token) {
          hit = this.evidence.lookup(plain);
          factor = 0.5;
        }
      }
      if (!hit) continue;
      let relevant = 0;
      for (const code of hit.keys()) if (codes.includes(code)) relevant++;
      if (relevant === codes.length && codes.length > 1) sharedTokens++;
      const share = factor / Math.max(1, relevant);
      for (const [code, weight] of hit) {
        if (!codes.includes(code)) continue;
        scores.set(code, (scores.get(code) ?? 0) + weight * share);
        covered.set(code, (covered.get(code) ?? 0) + 1);
      }
    }
    return { scores, covered, tokens, neighbourTokens, sharedTokens };
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

function noWords(text: string) {
  let tokens = 0;
  for (const _ of text.matchAll(TOKEN)) tokens++;
  return { scores: new Map<string, number>(), covered: new Map<string, number>(), tokens, neighbourTokens: 0, sharedTokens: 0 };
}

function letterScores(p: ScriptProfile, languages: readonly Language[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const language of languages) {
    let score = 0;
    if (p.marked.size > 0) {
      for (const letter in language.letters) score += language.letters[letter]! * (p.marked.get(letter) ?? 0);
    }
    // Capped: a long text full of ä is not more Swedish than one with a few.
    scores.set(language.code, Math.min(score, 3));
  }
  return scores;
}

/** Evidence for other languages from their letters; a letter only one language uses counts double. */
function foreignLetters(p: ScriptProfile, text: string): Map<string, number> {
  const scores = new Map<string, number>();
  const add = (languages: readonly string[], count: number) => {
    const weight = languages.length === 1 ? 2 : 1 / languages.length;
    for (const code of languages) scores.set(code, (scores.get(code) ?? 0) + count * weight);
  };
  for (const [letter, count] of p.marked) {
    const languages = FOREIGN_LETTERS[letter];
    if (languages) add(languages, count);
  }
  // Spanish opens questions and exclamations upside down; no letter shows it.
  if (text.includes('¿') || text.includes('¡')) add(['spa'], 1);
  return scores;
}

function scriptLetters(p: ScriptProfile, script: Script): number {
  return script === 'Latin' ? p.latin : script === 'Cyrillic' ? p.cyrillic : p.han;
}

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

function supported(lang: string, first: number, second: number): Detection {
  const margin = first <= 0 ? 0 : (first - second) / first;
  return { lang, confidence: round(Math.max(0.34, Math.min(0.99, 0.5 + margin / 2))), supported: true };
}

/** Letters in a span, a Han character counting as much as a short word. */
function letterCount(text: string, span: Span): number {
  const p = profileScripts(text.slice(span.start, span.end));
  return p.letters + p.han * (HAN_WEIGHT - 1);
}

function trimSpan(text: string): Span | undefined {
  const start = text.search(/\S/);
  if (start === -1) return undefined;
  return { start, end: text.trimEnd().length };
}

function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

const sum = (m: Map<unknown, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const round = (x: number) => Math.round(x * 100) / 100;
