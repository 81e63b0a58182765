import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Language } from '../lang/language.js';
import type { LanguageRegistry } from '../lang/language-registry.js';
import { REGISTRY } from '../lang/registry.js';
import { DETECTOR_VERSION, detectorFiles } from '../language/detector-files.js';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import { type Taxonomy, loadTaxonomy } from './taxonomy.js';

/** Bump when matching changes in a way that changes tags: it is part of the lexicon version. */
export const TAGGER_VERSION = 2;
/** `…` in a pattern: how many units it may skip (words, or characters for a language matched by characters). */
export const GAP_WORDS = 3;
export const GAP_CHARS = 4;

export type PatternPart =
  /** `stem` is empty when the stem is too short to trust (Snowball: "azonnal" → "az"): exact word only. */
  | { kind: 'word'; word: string; stem: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'gap' }
  | { kind: 'chars'; text: string };

export interface LexiconEntry {
  pattern: string;
  emotion: string;
  weight: number;
  parts: PatternPart[];
  /** Whether the pattern carries its own negation ("never again", "不满"): negation is not applied again. */
  negated: boolean;
  /** Where it was defined: file:line. */
  source: string;
}

/** A word or phrase with a role (negator, intensifier, contrast marker, polarity word). */
export interface Cue {
  parts: PatternPart[];
  text: string;
  value: number;
  source: string;
}

/**
 * Constructions that change what the emotion matches around them mean (constructions.tsv), by kind:
 * - `reply`: a header that starts the business's reply quoted under a review ("Response from the owner:");
 *   nothing from it on is the customer's.
 * - `counterfactual`: "would have been perfect if", "было бы отлично, если бы": a positive feeling in its clause
 *   did not happen — disappointment.
 * - `past`: a feeling once held ("used to", "раньше", "förr"); reversed by a contrast marker or `now` after it,
 *   a positive one becomes disappointment.
 * - `now`: what reverses a `past` feeling without a contrast marker ("now", "теперь", "nu").
 * - `utmost`: "could not be better", "kunde inte vara mer": a positive feeling in its clause is delight, not negated.
 * - `absent`: an existential negation after the term ("недовольных не осталось"): negates it like a negator.
 * - `formula`: a set phrase whose words carry no feeling (sign-offs: "have a nice day", "hälsningar").
 * - `other` and `feeling`: a staff member's feeling ("the salesman was euphoric", "официант был рад") — a
 *   `feeling` word right after an `other` subject — is not the customer's.
 * - `opener`: a word that opens the next clause ("och", "att", "utan"): a negator after a term does not reach
 *   back across it (Swedish post-verbal negation).
 */
export const CONSTRUCTION_KINDS = ['reply', 'counterfactual', 'past', 'now', 'utmost', 'absent', 'formula', 'other', 'feeling', 'opener'] as const;
export type ConstructionKind = (typeof CONSTRUCTION_KINDS)[number];

export interface Construction extends Cue {
  kind: ConstructionKind;
  /**
   * Optional third field: the construction states its kind's emotion by itself, with this weight, when its
   * own words hold the praise it turns (Chinese 就好了 "it would be good if", 再好不过 "could not be better").
   */
  weight?: number;
}

export interface LanguageLexicon {
  lang: string;
  language: Language;
  entries: LexiconEntry[];
  negators: Cue[];
  /** Words that contain a negator but do not negate (`!不过` in negators.txt: "but", not "not"). */
  nonNegators: Cue[];
  /** Verbs that pass a negation on to the clause they introduce (raising.txt). */
  raising: Cue[];
  intensifiers: Cue[];
  contrast: Cue[];
  polarity: Cue[];
  constructions: Construction[];
}

export interface LexiconProblem {
  severity: 'error' | 'warning';
  source: string;
  message: string;
}

export interface Lexicons {
  /** sha256 of every file read and the tagger version: stored with each analysis. */
  version: string;
  taxonomy: Taxonomy;
  languages: ReadonlyMap<string, LanguageLexicon>;
  emoji: LexiconEntry[];
  /** Problems found while loading (unknown emotion, bad weight, duplicates …); `lexicon check` reports them. */
  problems: LexiconProblem[];
  dirs: string[];
}

interface Line {
  fields: string[];
  source: string;
}

function readLines(file: string): Line[] {
  if (!existsSync(file)) return [];
  // Built-in entries are named from the project (lexicons/<code>/emotions.tsv:12), not by where it is installed:
  // the name is stored with every tag's evidence. User lexicons keep their path as given.
  const name = file.startsWith(BUILTIN_LEXICON_DIR) ? join('lexicons', relative(BUILTIN_LEXICON_DIR, file)) : file;
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), source: `${name}:${i + 1}` }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#'))
    .map((l) => ({ fields: l.text.split('\t').map((f) => f.trim()), source: l.source }));
}

/**
 * NFC, lowercase, typographic apostrophes as plain ones and the language's own spelling folds (Russian ё as
 * е): how both texts and patterns are compared.
 */
export function normalise(text: string, language: Language): string {
  const lower = text.normalize('NFC').toLowerCase().replace(/’/g, "'");
  return language.normalise ? language.normalise(lower) : lower;
}

/** A word's stem by the language's stemmer (itself when it has none), when long enough to trust. */
export function stemOf(word: string, language: Language): string {
  return language.stem ? trustedStem(word, language.stem(word)) : word;
}

export function compilePattern(pattern: string, language: Language): PatternPart[] {
  const text = normalise(pattern, language);
  if (language.units === 'characters') {
    // Runs of characters separated by gaps; the matcher splits them into its units.
    return text
      .split(/(…|\.\.\.)/)
      .map((piece) => piece.trim())
      .filter((piece) => piece !== '')
      .map((piece): PatternPart => (piece === '…' || piece === '...' ? { kind: 'gap' } : { kind: 'chars', text: piece }));
  }
  const parts: PatternPart[] = [];
  // Split words as the tokenizer splits text: "top-notch" is "top notch", "tv:n" is "tv n".
  for (const raw of text.split(/[^\p{L}\p{M}\p{N}'*….]+|(?<=\p{L})\.(?=\p{L})/u).filter((w) => w !== '')) {
    if (raw === '…' || raw === '...') {
      parts.push({ kind: 'gap' });
      continue;
    }
    const words = language.expand?.(raw) ?? [raw];
    for (const word of words) {
      if (word.endsWith('*') && word.length > 1) parts.push({ kind: 'prefix', prefix: word.slice(0, -1) });
      else parts.push({ kind: 'word', word, stem: stemOf(word, language) });
    }
  }
  return parts;
}

/** Stems shorter than this collide with function words ("az", "egy", "is"); such words match exactly. */
const MIN_STEM = 4;

export function trustedStem(word: string, stem: string): string {
  return stem === word || stem.length >= MIN_STEM ? stem : '';
}

/** Every file `loadLexicons` reads, in order (missing ones included: a user folder may lack some). */
function lexiconFiles(dirs: readonly string[], registry: LanguageRegistry): string[] {
  const perLanguage = ['emotions.tsv', 'negators.txt', 'contrast.txt', 'raising.txt', 'intensifiers.tsv', 'polarity.tsv', 'constructions.tsv'];
  return [
    ...dirs.map((dir) => join(dir, 'taxonomy.json')),
    ...registry.languages.flatMap((language) => dirs.flatMap((dir) => perLanguage.map((file) => join(dir, language.code, file)))),
    ...dirs.map((dir) => join(dir, 'emoji.tsv')),
  ];
}

/**
 * The lexicon folders (built-in first) and their version, sha256 of the tagger and detector versions and every
 * file tagging or language identification reads, without compiling anything: all an import needs of the
 * lexicons on a thread that does not tag.
 */
export function lexiconIdentity(userDirs: readonly string[] = [], registry: LanguageRegistry = REGISTRY): Pick<Lexicons, 'version' | 'dirs'> {
  const dirs = [BUILTIN_LEXICON_DIR, ...userDirs];
  // Language identification's files and version too: which language a text gets decides how it is tagged.
  const hash = createHash('sha256').update(`tagger ${TAGGER_VERSION}\ndetector ${DETECTOR_VERSION}\n`);
  for (const file of [...lexiconFiles(dirs, registry), ...detectorFiles(dirs, registry)]) {
    if (existsSync(file)) hash.update(`${file.slice(file.lastIndexOf('lexicons'))}\n`).update(readFileSync(file));
  }
  return { version: hash.digest('hex').slice(0, 16), dirs };
}

/**
 * Loads the built-in lexicons and any user folders on top (same layout): user entries add to ours, a user
 * entry with the same pattern and emotion replaces ours, and weight 0 removes it.
 */
export function loadLexicons(userDirs: readonly string[] = [], registry: LanguageRegistry = REGISTRY): Lexicons {
  const { version, dirs } = lexiconIdentity(userDirs, registry);
  const taxonomy = loadTaxonomy(dirs);
  const problems: LexiconProblem[] = [];
  const languages = new Map<string, LanguageLexicon>();
  for (const language of registry.languages) {
    const lexicon: LanguageLexicon = { lang: language.code, language, entries: [], negators: [], nonNegators: [], raising: [], intensifiers: [], contrast: [], polarity: [], constructions: [] };
    const entries = new Map<string, LexiconEntry>();
    for (const dir of dirs) {
      for (const line of readLines(join(dir, language.code, 'emotions.tsv'))) {
        const entry = toEntry(line, language, taxonomy, problems);
        if (!entry) continue;
        const key = `${normalise(entry.pattern, language)}\t${entry.emotion}`;
        const twin = entries.get(key);
        if (twin && sameFile(twin.source, entry.source)) {
          problems.push({ severity: 'warning', source: entry.source, message: `'${entry.pattern}' (${entry.emotion}) is listed again; the first is at ${twin.source}` });
        }
        if (entry.weight === 0) entries.delete(key);
        else entries.set(key, entry);
      }
      const negatorLines = readLines(join(dir, language.code, 'negators.txt'));
      const isException = (l: Line) => l.fields[0]!.startsWith('!');
      lexicon.negators.push(...cues(negatorLines.filter((l) => !isException(l)), language, () => 1));
      const exceptions = negatorLines.filter(isException).map((l) => ({ ...l, fields: [l.fields[0]!.slice(1)] }));
      lexicon.nonNegators.push(...cues(exceptions, language, () => 1));
      lexicon.contrast.push(...cues(readLines(join(dir, language.code, 'contrast.txt')), language, () => 1));
      lexicon.raising.push(...cues(readLines(join(dir, language.code, 'raising.txt')), language, () => 1));
      lexicon.intensifiers.push(...cues(readLines(join(dir, language.code, 'intensifiers.tsv')), language, (f, s) => numberField(f[1], s, 0.1, 3, problems)));
      lexicon.polarity.push(...cues(readLines(join(dir, language.code, 'polarity.tsv')), language, (f, s) => numberField(f[1], s, -5, 5, problems)));
      lexicon.constructions.push(...constructions(readLines(join(dir, language.code, 'constructions.tsv')), language, problems));
    }
    lexicon.entries = [...entries.values()];
    const negatorWords = new Set(lexicon.negators.map((n) => normalise(n.text, language)));
    for (const entry of lexicon.entries) entry.negated = containsNegator(entry, negatorWords);
    languages.set(language.code, lexicon);
  }
  const emoji: LexiconEntry[] = [];
  for (const dir of dirs) {
    for (const line of readLines(join(dir, 'emoji.tsv'))) {
      const [pattern, emotion, weight] = line.fields;
      if (!pattern || !emotion || !taxonomy.has(emotion)) {
        problems.push({ severity: 'error', source: line.source, message: `unknown emotion '${emotion ?? ''}'` });
        continue;
      }
      emoji.push({ pattern, emotion, weight: numberField(weight, line.source, 0, 1, problems), parts: [{ kind: 'chars', text: pattern }], negated: false, source: line.source });
    }
  }
  return { version, taxonomy, languages, emoji, problems, dirs };
}

function toEntry(line: Line, language: Language, taxonomy: Taxonomy, problems: LexiconProblem[]): LexiconEntry | undefined {
  const [pattern, emotion, weight] = line.fields;
  const error = (message: string) => problems.push({ severity: 'error', source: line.source, message });
  if (!pattern || !emotion || weight === undefined) {
    error('expected pattern<TAB>emotion<TAB>weight');
    return undefined;
  }
  if (!taxonomy.has(emotion)) {
    error(`unknown emotion '${emotion}' (not in taxonomy.json)`);
    return undefined;
  }
  const parts = compilePattern(pattern, language);
  if (parts.length === 0 || parts[0]!.kind === 'gap' || parts.at(-1)!.kind === 'gap') {
    error(`pattern '${pattern}' is empty or starts/ends with a gap`);
    return undefined;
  }
  return { pattern, emotion, weight: numberField(weight, line.source, 0, 1, problems), parts, negated: false, source: line.source };
}

function cues(lines: Line[], language: Language, value: (fields: string[], source: string) => number): Cue[] {
  return lines
    .filter((l) => l.fields[0])
    .map((l) => ({ parts: compilePattern(l.fields[0]!, language), text: l.fields[0]!, value: value(l.fields, l.source), source: l.source }));
}

function constructions(lines: Line[], language: Language, problems: LexiconProblem[]): Construction[] {
  const out: Construction[] = [];
  for (const line of lines) {
    const [pattern, kind, weight] = line.fields;
    if (!pattern || !CONSTRUCTION_KINDS.includes(kind as ConstructionKind)) {
      problems.push({ severity: 'error', source: line.source, message: `expected pattern<TAB>kind[<TAB>weight], kind one of ${CONSTRUCTION_KINDS.join(', ')}` });
      continue;
    }
    const construction: Construction = { parts: compilePattern(pattern, language), text: pattern, value: 1, source: line.source, kind: kind as ConstructionKind };
    if (weight !== undefined) construction.weight = numberField(weight, line.source, 0, 1, problems);
    out.push(construction);
  }
  return out;
}

function numberField(value: string | undefined, source: string, min: number, max: number, problems: LexiconProblem[]): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < min || n > max) {
    problems.push({ severity: 'error', source, message: `'${value ?? ''}' is not a number from ${min} to ${max}` });
    return Math.min(max, Math.max(min, Number.isFinite(n) ? n : 0));
  }
  return n;
}

function containsNegator(entry: LexiconEntry, negators: Set<string>): boolean {
  return entry.parts.some((p) =>
    p.kind === 'word' ? negators.has(p.word) : p.kind === 'chars' ? [...negators].some((n) => p.text.includes(n)) : false,
  );
}

const sameFile = (a: string, b: string) => a.slice(0, a.lastIndexOf(':')) === b.slice(0, b.lastIndexOf(':'));
