import { loadLexicons, normalise } from '../emotion/lexicon.js';
import { EmotionTagger } from '../emotion/tagger.js';
import { HeartlineError } from '../errors.js';
import type { Language } from '../lang/language.js';
import { LANGUAGES } from '../lang/registry.js';
import { BUILTIN_LEXICON_DIR, readLexiconLines } from '../lexicon/lexicon-dir.js';
import { redactWithEvidence } from '../privacy/redact-with-evidence.js';
import type { ResponseFilters } from '../store/response-filters.js';
import type { ExplainedSpan, ScoredText, SuggestSource } from '../store/suggest-reader.js';
import { weightedLogOdds } from './log-odds.js';
import { DETRACTOR, PASSIVE, PROMOTER, type PhraseLevel, PhraseCorpus, type WordRoles } from './phrase-corpus.js';
import { type EmotionInfo, type SideCounts, proposeEmotion } from './propose-emotion.js';
import { selectPhrases } from './select-phrases.js';
import type { LanguageSuggestions, PhraseExample, SuggestedPhrase, SuggestSettings, Suggestions } from './suggest-types.js';

export interface SuggestOptions extends SuggestSettings {
  database: string;
  filters: ResponseFilters;
  /** Mask personal data in what is shown (suggest --redact); automatic when the ledger records a --redact import. */
  redact: boolean;
  lexiconDirs: string[];
}

/** Examples shown per phrase. */
const EXAMPLES = 2;

/** Emotions beyond this many (a user taxonomy) are not counted for proposals: the tag set is a 31-bit mask. */
const MAX_EMOTIONS = 31;

/** A phrase of one length with its statistics, before selection. */
interface Candidate {
  words: number[];
  counts: [number, number, number];
  count: number;
  logOdds: number;
  z: number;
}

/**
 * The words and phrases that go with detractors or with promoters and that no tag explains, per language:
 * what the lexicons miss on this database (docs/tagging.md, "Finding what the lexicons miss").
 */
export function suggestPhrases(reader: SuggestSource, options: SuggestOptions): Suggestions {
  const scope = reader.scope();
  if (scope.scored === 0) {
    throw new HeartlineError(
      'E_NO_DATA',
      scope.responses === 0 ? 'no responses in scope: nothing to suggest from' : `none of the ${scope.responses} responses in scope has an NPS answer`,
      { file: options.database },
      'suggest compares detractors with promoters: import answers with --score-column, or attach them with heartline import-scores (or widen the filters)',
    );
  }
  if (scope.analysed === 0) {
    throw new HeartlineError(
      'E_NO_DATA',
      `none of the ${scope.scored} responses with an NPS answer was analysed in a language Heartline tags`,
      { file: options.database },
      'run heartline reanalyze, or check the languages with heartline summary',
    );
  }
  const lexicons = loadLexicons(options.lexiconDirs);
  const tagger = new EmotionTagger(lexicons);
  const taxonomy: EmotionInfo[] = [...lexicons.taxonomy.emotions.values()].slice(0, MAX_EMOTIONS).map((e) => ({ id: e.id, valence: e.valence }));
  const redaction = reader.redaction();
  const maskedBecause = options.redact
    ? '--redact'
    : redaction.redacted > 0
      ? `the database was imported with --redact (${redaction.redacted} of ${redaction.redacted + redaction.plain + redaction.unknown} feedback imports)`
      : null;
  const taggedWith = reader.lexiconVersions();
  const warnings: string[] = [];
  if (taggedWith.some((v) => v !== lexicons.version)) {
    warnings.push(
      `responses in scope were tagged with lexicon version ${taggedWith.join(', ')}, not the lexicons loaded now (${lexicons.version}): ` +
        'phrases these lexicons cover may be listed; run heartline reanalyze (with the same --lexicon-dir) first',
    );
  }
  const languages: LanguageSuggestions[] = [];
  for (const { lang, responses } of reader.languages()) {
    const language = LANGUAGES.find((l) => l.code === lang);
    if (!language) {
      warnings.push(`${responses} responses in ${lang}, a language this Heartline does not know, were skipped`);
      continue;
    }
    languages.push(suggestForLanguage(reader, language, options, { taxonomy, masked: maskedBecause !== null, tagger }));
  }
  return {
    schema: 'heartline-suggest/1',
    generatedAt: new Date().toISOString(),
    database: options.database,
    filters: options.filters,
    settings: { minLength: options.minLength, maxLength: options.maxLength, minCount: options.minCount, minZ: options.minZ, top: options.top },
    masked: maskedBecause !== null,
    maskedBecause,
    lexiconVersion: lexicons.version,
    taggedWith,
    warnings,
    languages,
  };
}

interface Context {
  taxonomy: EmotionInfo[];
  masked: boolean;
  tagger: EmotionTagger;
}

/** What `describe` needs besides: the promoters and detractors of the language, for the proposals' weights. */
interface LanguageContext extends Context {
  base: SideCounts;
}

function suggestForLanguage(reader: SuggestSource, language: Language, options: SuggestOptions, context: Context): LanguageSuggestions {
  const corpus = new PhraseCorpus(language, wordRoles(language, options.lexiconDirs), (word) => normalise(word, language));
  for (const response of reader.texts(language.code)) {
    const shown = view(response, context.masked);
    corpus.add({ id: response.id, score: response.score, text: shown.text, explained: shown.spans, emotions: emotionBits(response, context.taxonomy) });
  }
  const groupSizes = [0, 0, 0];
  for (const g of corpus.groups) groupSizes[g]!++;
  const base = { detractors: groupSizes[DETRACTOR]!, promoters: groupSizes[PROMOTER]! };
  const levels = corpus.countPhrases(options.maxLength, options.minCount);
  const candidates = levels.filter((l) => l.length >= options.minLength).flatMap((level) => scored(level, corpus));
  const isFunctionWord = (word: number) => corpus.isFunctionWord(word);
  const pick = (sign: number) => selectPhrases(candidates.filter((c) => Math.sign(c.z) === sign && Math.abs(c.z) >= options.minZ), options.top, isFunctionWord);
  const detractorSide = pick(-1);
  const promoterSide = pick(1);
  const described = describe(reader, corpus, language, [...detractorSide, ...promoterSide], detractorSide.length, { ...context, base });
  return {
    lang: language.code,
    responses: corpus.responses,
    detractors: groupSizes[DETRACTOR]!,
    passives: groupSizes[PASSIVE]!,
    promoters: groupSizes[PROMOTER]!,
    tested: candidates.length,
    detractorPhrases: described.slice(0, detractorSide.length),
    promoterPhrases: described.slice(detractorSide.length),
  };
}

/** Each phrase of a length that says something of its own, with its weighted log-odds (promoters vs detractors). */
function scored(level: PhraseLevel, corpus: PhraseCorpus): Candidate[] {
  const [d, p, q] = level.positions;
  const sizes = { a: q, b: d, background: d + p + q };
  return level.phrases
    .filter((phrase) => corpus.hasContent(phrase.words))
    .map((phrase) => {
      const [det, pas, pro] = phrase.counts;
      // Occurrences per phrase position (Monroe's multinomial), not responses: detractors write longer
      // comments, and per response every word would look like a detractor's.
      const [dOcc, pOcc, qOcc] = phrase.occurrences;
      const odds = weightedLogOdds({ a: qOcc, b: dOcc, background: dOcc + pOcc + qOcc }, sizes);
      return { words: phrase.words, counts: phrase.counts, count: det + pas + pro, logOdds: odds.delta, z: odds.z };
    });
}

/** Proposals, examples and what the lexicons make of each selected phrase; the first `detractorCount` are detractor phrases. */
function describe(reader: SuggestSource, corpus: PhraseCorpus, language: Language, selected: Candidate[], detractorCount: number, context: LanguageContext): SuggestedPhrase[] {
  const sideOf = (i: number) => (i < detractorCount ? DETRACTOR : PROMOTER);
  const tallies = selected.map(() => new Map<string, number>());
  const onSide = selected.map(() => 0);
  const examples: { length: number; id: number }[][] = selected.map(() => []);
  corpus.forEachOccurrence(
    selected.map((s) => s.words),
    (p, r) => {
      if (corpus.groups[r] !== sideOf(p)) return;
      onSide[p]!++;
      const bits = corpus.emotions[r]!;
      context.taxonomy.forEach((e, k) => {
        if (bits & (1 << k)) tallies[p]!.set(e.id, (tallies[p]!.get(e.id) ?? 0) + 1);
      });
      // The shortest responses show the phrase with the least around it; ties go to the earlier response.
      const list = examples[p]!;
      list.push({ length: corpus.lengths[r]!, id: corpus.responseIds[r]! });
      list.sort((a, b) => a.length - b.length || a.id - b.id);
      if (list.length > EXAMPLES) list.pop();
    },
  );
  const texts = reader.textsById(examples.flat().map((e) => e.id));
  return selected.map((s, i) => {
    const direction = sideOf(i) === DETRACTOR ? 'detractor' : 'promoter';
    const [detractors, passives, promoters] = s.counts;
    const phrase = corpus.text(s.words);
    return {
      phrase,
      words: s.words.length,
      count: s.count,
      detractors,
      passives,
      promoters,
      logOdds: round(s.logOdds, 4),
      z: round(s.z, 2),
      proposal: proposeEmotion(direction, tallies[i]!, onSide[i]!, { detractors, promoters }, context.base, context.taxonomy),
      taggedAlone: context.tagger.tag(phrase, [{ lang: language.code, start: 0, end: phrase.length, supported: true }]).emotions.map((e) => e.emotion),
      examples: examples[i]!.flatMap((e) => {
        const stored = texts.get(e.id);
        return stored ? [example(stored, s.words.map((w) => corpus.vocabulary[w]!), language, context.masked)] : [];
      }),
    };
  });
}

/** A response as suggest reads it: masked if need be, with its explained spans moved along. */
function view(response: ScoredText, masked: boolean): { text: string; spans: ExplainedSpan[] } {
  const spans = response.tags.flatMap((t) => t.spans);
  if (!masked) return { text: response.text, spans };
  const redacted = redactWithEvidence(response.text, spans);
  return { text: redacted.text, spans: redacted.evidence };
}

/** An example with the offsets of the phrase's first occurrence that no tag explains (as it was counted). */
function example(response: ScoredText, words: readonly string[], language: Language, masked: boolean): PhraseExample {
  const { text, spans } = view(response, masked);
  const tokens = language.words(text);
  for (let i = 0; i + words.length <= tokens.length; i++) {
    const run = tokens.slice(i, i + words.length);
    const matches = run.every((t, j) => normalise(t.text, language) === words[j] && (j === 0 || !t.breakBefore));
    if (matches && !run.some((t) => spans.some((s) => s.start < t.end && t.start < s.end))) {
      return { responseId: response.id, score: response.score, text, start: run[0]!.start, end: run.at(-1)!.end };
    }
  }
  return { responseId: response.id, score: response.score, text, start: 0, end: 0 };
}

function emotionBits(response: ScoredText, taxonomy: readonly EmotionInfo[]): number {
  let bits = 0;
  for (const tag of response.tags) {
    const k = taxonomy.findIndex((e) => e.id === tag.emotion);
    if (k >= 0) bits |= 1 << k;
  }
  return bits;
}

/**
 * The language's stopwords (stopwords.txt) and single-word negators and intensifiers (negators.txt,
 * intensifiers.tsv), built-in and from each --lexicon-dir: a team can add its brand names to its stopwords.
 */
function wordRoles(language: Language, lexiconDirs: readonly string[]): WordRoles {
  const dirs = [BUILTIN_LEXICON_DIR, ...lexiconDirs];
  const words = (file: string) =>
    dirs.flatMap((dir) => readLexiconLines(dir, language.code, file).map((line) => normalise(line.split('\t')[0]!.trim(), language))).filter((w) => !w.startsWith('!') && !/\s/.test(w));
  return { stopwords: new Set(words('stopwords.txt')), modifiers: new Set([...words('negators.txt'), ...words('intensifiers.tsv')]) };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
