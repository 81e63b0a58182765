import type { LanguageSegment } from '../language/detection.js';
import { type Construction, type Cue, type LanguageLexicon, type LexiconEntry, type Lexicons, loadLexicons } from './lexicon.js';
import { type Constructions, STATED, byKind, constructionOf, replyStart } from './constructions.js';
import { keepWholeWords } from './keep-whole-words.js';
import { type Hit, Matcher } from './matcher.js';
import type { EmotionTag, Evidence, Span, TagResult } from './tag-result.js';
import { type Unit, toUnits } from './units.js';

/** An emotion is tagged when its combined score reaches this. */
export const TAG_THRESHOLD = 0.4;
/** A flipped emotion ("not happy" → disappointment) counts as much as a stated one. */
const FLIP_FACTOR = 1;
/** A negated complaint turns into this only when its words are evaluative (see tagUnits). */
const CONTENTMENT = 'satisfaction';
/** Words after a contrast marker ("…, but the courier was rude") weigh more. */
const AFTER_CONTRAST = 1.25;
const CAPS_FACTOR = 1.3;
const EXCLAMATION_FACTOR = 1.15;
/** How close (in units) an intensifier must stand before the term it strengthens. */
const INTENSIFIER_REACH = 2;

type CueKind = 'negator' | 'nonNegator' | 'raising' | 'intensifier' | 'contrast' | 'polarity';

/** Everything a language's text is matched against, in one index: one pass over the units finds it all. */
type Pattern =
  | { kind: 'entry'; parts: LexiconEntry['parts']; entry: LexiconEntry }
  | { kind: CueKind; parts: Cue['parts']; cue: Cue }
  | { kind: 'construction'; parts: Cue['parts']; construction: Construction };

interface CompiledLanguage {
  lexicon: LanguageLexicon;
  matcher: Matcher<Pattern>;
}

/** The hits of one text, by kind. */
interface Found {
  entries: Hit<LexiconEntry>[];
  negator: Hit<Cue>[];
  nonNegator: Hit<Cue>[];
  raising: Hit<Cue>[];
  intensifier: Hit<Cue>[];
  contrast: Hit<Cue>[];
  polarity: Hit<Cue>[];
  construction: Hit<Construction>[];
}

interface Candidate {
  emotion: string;
  evidence: Evidence;
}

/**
 * Tags the emotions of a response, segment by segment in each segment's language, with evidence for
 * every tag: the matched words, the negator that flipped them, the intensifier that strengthened them.
 */
export class EmotionTagger {
  readonly lexicons: Lexicons;
  private readonly compiled = new Map<string, CompiledLanguage>();
  private readonly emoji: LexiconEntry[];

  constructor(lexicons: Lexicons = loadLexicons()) {
    this.lexicons = lexicons;
    for (const [code, lexicon] of lexicons.languages) {
      const cues = (kind: CueKind, list: Cue[]): Pattern[] => list.map((cue) => ({ kind, parts: cue.parts, cue }));
      const patterns: Pattern[] = [
        ...lexicon.entries.map((entry): Pattern => ({ kind: 'entry', parts: entry.parts, entry })),
        ...cues('negator', lexicon.negators),
        ...cues('nonNegator', lexicon.nonNegators),
        ...cues('raising', lexicon.raising),
        ...cues('intensifier', lexicon.intensifiers),
        ...cues('contrast', lexicon.contrast),
        ...cues('polarity', lexicon.polarity),
        ...lexicon.constructions.map((construction): Pattern => ({ kind: 'construction', parts: construction.parts, construction })),
      ];
      this.compiled.set(code, { lexicon, matcher: new Matcher(patterns, lexicon.language) });
    }
    this.emoji = [...lexicons.emoji].sort((a, b) => b.pattern.length - a.pattern.length);
  }

  /** Tags `text` in one language, or per segment when the language stage found several. */
  tag(text: string, segments: readonly Pick<LanguageSegment, 'lang' | 'start' | 'end' | 'supported'>[]): TagResult {
    const candidates: Candidate[] = [];
    const removed: Evidence[] = [];
    const polarities: number[] = [];
    // Where contrast markers stand (text offsets), for the habit a later defection reverses.
    const contrastAt: number[] = [];
    // Where the business's quoted reply begins (end of text when there is none): nothing after it is tagged.
    let replyAt = text.length;
    for (const segment of segments) {
      const compiled = this.compiled.get(segment.lang);
      if (!segment.supported || !compiled) continue;
      const slice = text.slice(segment.start, segment.end);
      const language = compiled.lexicon.language;
      const units = toUnits(slice, language, segment.start);
      if (units.length === 0) continue;
      const hits = compiled.matcher.findAll(units);
      const found = sort(hits);
      // Word boundaries are part of emotion tagging; the polarity baseline stays as it was specified.
      const words = language.segmenter && hits.length > 0 ? sort(keepWholeWords(hits, units, slice, segment.start, language.segmenter, matchesAnywhere)) : found;
      for (const h of words.contrast) contrastAt.push(units[h.first]!.start);
      // The polarity baseline reads the whole text, a quoted reply included: it stays as it was specified.
      if (segment.start < replyAt) replyAt = Math.min(replyAt, this.tagUnits(text, units, compiled, words, candidates, removed));
      polarities.push(...this.polarity(slice, units, compiled, found));
    }
    if (segments.some((s) => s.supported)) candidates.push(...this.emojiCandidates(text).filter((c) => c.evidence.start < replyAt));
    return { emotions: reversedHabit(combine(candidates), contrastAt), polarity: average(polarities), removed };
  }

  /** Tags one segment's units; returns the offset where a quoted business reply begins (text.length if none). */
  private tagUnits(text: string, units: Unit[], c: CompiledLanguage, found: Found, out: Candidate[], removed: Evidence[]): number {
    const constructions: Constructions = byKind(found.construction);
    const reply = replyStart(constructions.reply, units, text);
    const hits = outermost(found.entries).filter((h) => h.first < reply);
    const negators = negatorsOf(found);
    const raised = raisedNegators(negators, found.raising, units);
    const intensifiers = outermost(found.intensifier);
    const contrast = found.contrast;
    const contrastAt = contrast.map((h) => h.first);
    const scope = c.lexicon.language.negation;
    for (const hit of hits) {
      const entry = hit.item;
      const start = units[hit.first]!.start;
      const end = units[hit.last - 1]!.end;
      const evidence: Evidence = {
        start,
        end,
        text: text.slice(start, end),
        pattern: entry.pattern,
        source: entry.source,
        lang: c.lexicon.lang,
        weight: entry.weight,
      };
      const emphasis: string[] = [];
      let negator = entry.negated ? undefined : nearest(negators, hit, units, scope.before, scope.after, hits, contrast, raised, constructions.opener);
      const change = constructionOf(hit, entry.emotion, negator !== undefined, !entry.negated, constructions, units, contrast, this.lexicons.taxonomy);
      if (change && change.emotion === undefined) {
        // A set phrase ("have a nice day") or a reversed negative feeling: not the customer's feeling now.
        evidence.construction = spanOf(text, units, change.at, change.kind);
        removed.push(evidence);
        continue;
      }
      if (change?.kind === 'absent') negator = change.at;
      else if (change) negator = undefined;
      if (isShouted(evidence.text)) {
        evidence.weight *= CAPS_FACTOR;
        emphasis.push('caps');
      }
      if (exclaimed(text, units, hit)) {
        evidence.weight *= EXCLAMATION_FACTOR;
        emphasis.push('!');
      }
      if (contrastAt.some((at) => at < hit.first)) {
        evidence.weight *= AFTER_CONTRAST;
        emphasis.push('after contrast');
      }
      if (emphasis.length > 0) evidence.emphasis = emphasis;
      let emotion = entry.emotion;
      const intensifier = nearest(intensifiers, hit, units, INTENSIFIER_REACH, 0, hits);
      if (intensifier) {
        // "not very happy" is mildly unhappy: an intensifier between the negator and the term softens.
        const softened = negator !== undefined && negator.last <= intensifier.first && intensifier.item.value > 1;
        const factor = softened ? round(1 / intensifier.item.value) : intensifier.item.value;
        evidence.intensifier = { ...spanOf(text, units, intensifier), factor };
        evidence.weight *= factor;
      }
      if (change && change.kind !== 'absent') {
        evidence.construction = spanOf(text, units, change.at, change.kind);
        if (change.emotion !== emotion) evidence.flippedFrom = emotion;
        emotion = change.emotion ?? emotion;
      } else if (negator) {
        evidence.negator = spanOf(text, units, negator);
        if (change) evidence.construction = spanOf(text, units, change.at, change.kind);
        const opposite = this.lexicons.taxonomy.opposite(emotion);
        // "Not expired", "wasn't stained": a negated plain description of a defect is no praise. Only evaluative
        // words (a negative word of the polarity list: "not bad", "не разочаровал") turn into contentment.
        const evaluative = found.polarity.some((p) => p.first < hit.last && hit.first < p.last && p.item.value < 0);
        if (!opposite || (opposite === CONTENTMENT && !evaluative)) {
          // Capped like kept evidence: explanations show removed matches' weights too.
          evidence.weight = capWeight(evidence.weight);
          removed.push(evidence);
          continue;
        }
        evidence.flippedFrom = emotion;
        evidence.weight *= FLIP_FACTOR;
        emotion = opposite;
      }
      evidence.weight = capWeight(evidence.weight);
      out.push({ emotion, evidence });
    }
    for (const hit of [...constructions.utmost, ...constructions.counterfactual]) {
      const { weight, kind, text: pattern, source } = hit.item;
      const emotion = STATED[kind];
      if (weight === undefined || !emotion || hit.first >= reply) continue;
      out.push({ emotion, evidence: { ...spanOf(text, units, hit), pattern, source, lang: c.lexicon.lang, weight } });
    }
    return reply < units.length ? units[reply]!.start : text.length;
  }

  private emojiCandidates(text: string): Candidate[] {
    const out: Candidate[] = [];
    const taken: boolean[] = [];
    for (const entry of this.emoji) {
      for (let at = text.indexOf(entry.pattern); at !== -1; at = text.indexOf(entry.pattern, at + 1)) {
        if (taken[at]) continue;
        for (let i = at; i < at + entry.pattern.length; i++) taken[i] = true;
        out.push({
          emotion: entry.emotion,
          evidence: { start: at, end: at + entry.pattern.length, text: entry.pattern, pattern: entry.pattern, source: entry.source, lang: 'emoji', weight: entry.weight },
        });
      }
    }
    return out;
  }

  /** Baseline polarity of one segment: the language's own model if it has one, else its polarity word list. */
  private polarity(slice: string, units: Unit[], c: CompiledLanguage, found: Found): number[] {
    const model = c.lexicon.language.polarity;
    if (model) {
      const value = model(slice);
      return value === undefined ? [] : [clamp(value)];
    }
    const hits = outermost(found.polarity);
    if (hits.length === 0) return [];
    const negators = negatorsOf(found);
    const scope = c.lexicon.language.negation;
    let sum = 0;
    for (const hit of hits) {
      const negated = nearest(negators, hit, units, scope.before, scope.after, hits) !== undefined;
      sum += negated ? -hit.item.value : hit.item.value;
    }
    return [clamp(sum / hits.length / 5)];
  }
}

/** From this many units a lexicon phrase does not match by accident (连通电话都没 ends inside 没有); 3 and 4 did worse on the tune split. */
const LONG_PHRASE = 5;

/**
 * Emotion entries that match wherever they fall, word boundaries or not: a single character with an emotion
 * of its own keeps it inside compounds (泪 in 眼泪 "tears", 怒 in 愤怒 "fury"), and so does a long phrase.
 */
const matchesAnywhere = (hit: Hit<Pattern>) => hit.item.kind === 'entry' && (hit.last - hit.first === 1 || hit.last - hit.first >= LONG_PHRASE);

/** The hits of a text by kind. */
function sort(hits: Hit<Pattern>[]): Found {
  const found: Found = { entries: [], negator: [], nonNegator: [], raising: [], intensifier: [], contrast: [], polarity: [], construction: [] };
  for (const hit of hits) {
    const p = hit.item;
    if (p.kind === 'entry') found.entries.push({ ...hit, item: p.entry });
    else if (p.kind === 'construction') found.construction.push({ ...hit, item: p.construction });
    else found[p.kind].push({ ...hit, item: p.cue });
  }
  return found;
}

/** Negators followed (within two words, same clause) by a raising verb, with the unit after that verb. */
function raisedNegators(negators: Hit<Cue>[], raising: Hit<Cue>[], units: Unit[]): Map<Hit<Cue>, number> {
  const raised = new Map<Hit<Cue>, number>();
  for (const n of negators) {
    const verb = raising.find((r) => r.first >= n.last && r.first - n.last <= 2 && units[r.first]!.clause === units[n.first]!.clause);
    if (verb) raised.set(n, verb.last);
  }
  return raised;
}

/** Negator matches, less those inside a word that only looks like one (不过 "but", 不仅 "not only"). */
function negatorsOf(found: Found): Hit<Cue>[] {
  const negators = outermost(found.negator);
  if (found.nonNegator.length === 0) return negators;
  return negators.filter((n) => !found.nonNegator.some((x) => x.first <= n.first && x.last >= n.last));
}

/** Drops matches that lie strictly inside a longer one ("kellemesen csalódtam" beats "csalód*"). */
function outermost<T>(hits: Hit<T>[]): Hit<T>[] {
  return hits.filter(
    (h) => !hits.some((o) => o !== h && o.first <= h.first && o.last >= h.last && o.last - o.first > h.last - h.first),
  );
}

/**
 * The closest cue (negator, intensifier) within `before` units before the match or `after` units after it,
 * in the same clause and not part of the match itself or of another emotion match.
 */
function nearest(
  cues: Hit<Cue>[],
  hit: Hit<unknown>,
  units: Unit[],
  before: number,
  after: number,
  matches: Hit<unknown>[],
  barriers: Hit<Cue>[] = [],
  raised: Map<Hit<Cue>, number> = new Map(),
  openers: Hit<unknown>[] = [],
): Hit<Cue> | undefined {
  const clause = units[hit.first]!.clause;
  let best: Hit<Cue> | undefined;
  let bestDistance = Infinity;
  for (const cue of cues) {
    if (cue.first >= hit.first && cue.last <= hit.last) {
      // Inside the match: a negator the pattern's gap stepped over ("will [not be] coming back") negates.
      const inGap = hit.skipped.length > 0 && range(cue.first, cue.last).some((u) => hit.skipped.includes(u));
      if (inGap && before > 0) {
        best = cue;
        bestDistance = 0;
      }
      continue;
    }
    const distance = cue.last <= hit.first ? hit.first - cue.last : cue.first >= hit.last ? cue.first - hit.last : -1;
    if (distance < 0) continue;
    const isBefore = cue.last <= hit.first;
    const [from, to] = isBefore ? [cue.last, hit.first] : [hit.last, cue.first];
    const raisedEnd = raised.get(cue);
    if (units[cue.first]!.clause !== clause || units[cue.last - 1]!.clause !== clause) {
      // "Не думаю, что вернусь": a negated thinking/saying verb negates the clause it introduces — in its own
      // sentence only ("…это ничего не сказать. Теперь это наше любимое место" is not negated).
      const sameSentence = units[cue.first]!.sentence === units[hit.first]!.sentence;
      const nextClause = isBefore && raisedEnd !== undefined && sameSentence && units[cue.first]!.clause + 1 === clause;
      if (!nextClause || hit.first - raisedEnd > before) continue;
    } else if (distance >= (isBefore ? before : after)) {
      // "I wouldn't say that it was easy": a raising verb carries the negation on within its clause too.
      if (!(isBefore && raisedEnd !== undefined && hit.first - raisedEnd < before)) continue;
    }
    // A contrast marker closes the scope: in "not cheap but worth it", "not" stops at "but".
    if (barriers.some((b) => b.first >= from && b.last <= to)) continue;
    // A negator after the term negates its own clause only: not across a word that opens the next one
    // ("skolmat och inte alls …", "dåligt att inte …"), nor when it opens one itself ("utan" = "without").
    if (!isBefore && openers.some((o) => (o.first >= from && o.last <= to) || (o.first < cue.last && cue.first < o.last))) continue;
    // A cue inside another emotion match ("never again") is that match's — unless that match overlaps
    // ours ("wouldn't switch" and "switch to" share the negation).
    if (matches.some((m) => m !== hit && m.first <= cue.first && m.last >= cue.last && (m.last <= hit.first || m.first >= hit.last))) continue;
    if (distance < bestDistance) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best;
}

function spanOf(text: string, units: Unit[], hit: Hit<unknown>): Span;
function spanOf(text: string, units: Unit[], hit: Hit<unknown>, kind: string): Span & { kind: string };
function spanOf(text: string, units: Unit[], hit: Hit<unknown>, kind?: string): Span | (Span & { kind: string }) {
  const start = units[hit.first]!.start;
  const end = units[hit.last - 1]!.end;
  return kind === undefined ? { start, end, text: text.slice(start, end) } : { kind, start, end, text: text.slice(start, end) };
}

function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "!!" (or more) right after the sentence the match is in. */
function exclaimed(text: string, units: Unit[], hit: Hit<unknown>): boolean {
  const sentence = units[hit.first]!.sentence;
  let end = units[hit.last - 1]!.end;
  for (let i = hit.last; i < units.length && units[i]!.sentence === sentence; i++) end = units[i]!.end;
  return /^[^.!?。！？\n]*[!！]{2,}/u.test(text.slice(end, end + 40));
}

/** One tag per emotion: noisy-OR of its matches' weights; kept when it reaches the threshold. */
function combine(candidates: Candidate[]): EmotionTag[] {
  const byEmotion = new Map<string, Evidence[]>();
  for (const c of candidates) {
    const list = byEmotion.get(c.emotion);
    if (list) list.push(c.evidence);
    else byEmotion.set(c.emotion, [c.evidence]);
  }
  const tags: EmotionTag[] = [];
  for (const [emotion, all] of byEmotion) {
    // Two patterns matching the same words ("disappointed", "disappoint*") are one piece of evidence.
    const bySpan = new Map<string, Evidence>();
    for (const e of all) {
      const key = `${e.start}:${e.end}`;
      const seen = bySpan.get(key);
      if (!seen || e.weight > seen.weight) bySpan.set(key, e);
    }
    const evidence = [...bySpan.values()];
    const score = round(1 - evidence.reduce((p, e) => p * (1 - Math.min(1, e.weight)), 1));
    if (score >= TAG_THRESHOLD) tags.push({ emotion, score, evidence: evidence.sort((a, b) => a.start - b.start) });
  }
  return tags.sort((a, b) => b.score - a.score || a.emotion.localeCompare(b.emotion));
}

/**
 * "We've been regulars for years, but never again", "入住很多次了，但是…下次不会选择了": commitment that all stands
 * before a contrast marker which a defection follows is the past habit the defection reverses, not loyalty now.
 * Without a contrast between them both stay (the customer may praise one place and leave another).
 */
function reversedHabit(tags: EmotionTag[], contrastAt: number[]): EmotionTag[] {
  const defection = tags.find((t) => t.emotion === 'defection');
  const commitment = tags.find((t) => t.emotion === 'commitment');
  if (!defection || !commitment || contrastAt.length === 0) return tags;
  const lastDefection = Math.max(...defection.evidence.map((e) => e.start));
  const lastCommitment = Math.max(...commitment.evidence.map((e) => e.end));
  const reversed = lastCommitment <= lastDefection && contrastAt.some((at) => at >= lastCommitment && at < lastDefection);
  return reversed ? tags.filter((t) => t !== commitment) : tags;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const clamp = (x: number) => Math.max(-1, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;
/** Caps, "!!" and contrast can push a weight past 1; a weight is at most 1. */
const capWeight = (w: number) => Math.min(1, round(w));
const average = (xs: number[]) => (xs.length === 0 ? 0 : round(xs.reduce((a, b) => a + b, 0) / xs.length));
