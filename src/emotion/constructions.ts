import { CONSTRUCTION_KINDS, type Construction, type ConstructionKind, type Cue } from './lexicon.js';
import type { Hit } from './matcher.js';
import type { Taxonomy } from './taxonomy.js';
import type { Unit } from './units.js';

/** A text's construction matches (constructions.tsv), by kind. */
export type Constructions = Record<ConstructionKind, Hit<Construction>[]>;

/** What a construction does to one emotion match: its new emotion, or none (the match is removed). */
export interface Change {
  kind: ConstructionKind;
  at: Hit<Construction>;
  emotion?: string;
}

/** "Couldn't be happier", "не могло быть лучше": praise that cannot be exceeded is delight (GUIDELINES rule 5). */
const UTMOST = 'delight';
/** A good thing that would have been, or once was: the customer was let down (GUIDELINES rules 1 and 5). */
const UNREALISED = 'disappointment';
/** The emotion a construction with a weight of its own states (constructions.tsv's optional third field). */
export const STATED: Partial<Record<ConstructionKind, string>> = { utmost: UTMOST, counterfactual: UNREALISED };
/** How many units after a term an existential negation still negates it ("недовольных не осталось"). */
const ABSENT_REACH = 2;
/** How many units (a verb, an adverb: "was absolutely") may stand between a third person and a feeling word. */
const OTHER_REACH = 2;
/** A header ("Response from the owner") is a reply's only when a colon or line break follows this soon. */
const HEADER_TAIL = /^[^.!?。！？\n:：]{0,60}(?:[:：\n]|$)/u;

export function byKind(hits: Hit<Construction>[]): Constructions {
  const out = Object.fromEntries(CONSTRUCTION_KINDS.map((k) => [k, [] as Hit<Construction>[]])) as Constructions;
  for (const hit of hits) out[hit.item.kind].push(hit);
  return out;
}

/**
 * The unit where the business's reply quoted under a review begins (units.length when there is none): a
 * `reply` header that opens a sentence and is followed, on its line, by a colon or a line break
 * ("Response from the owner:", "Ответ ресторана:", "酒店回复：") — not "I got a reply from them".
 */
export function replyStart(headers: Hit<Construction>[], units: readonly Unit[], text: string): number {
  for (const header of headers) {
    const opensSentence = header.first === 0 || units[header.first - 1]!.sentence !== units[header.first]!.sentence;
    if (opensSentence && HEADER_TAIL.test(text.slice(units[header.last - 1]!.end, units[header.last - 1]!.end + 80))) return header.first;
  }
  return units.length;
}

/**
 * How the constructions around one emotion match change it, if they do. `emotion` is the pattern's, `negated`
 * whether a negator flips it, `negatable` whether it may be negated at all (not a pattern with its own negation).
 */
export function constructionOf(
  hit: Hit<unknown>,
  emotion: string,
  negated: boolean,
  negatable: boolean,
  c: Constructions,
  units: readonly Unit[],
  contrast: Hit<Cue>[],
  taxonomy: Taxonomy,
): Change | undefined {
  const valence = (e: string | undefined) => (e === undefined ? 0 : (taxonomy.emotions.get(e)?.valence ?? 0));
  const { clause, sentence } = units[hit.first]!;
  const inClause = (h: Hit<unknown>) => units[h.first]!.clause === clause;

  const formula = c.formula.find((f) => f.first < hit.last && hit.first < f.last);
  if (formula) return { kind: 'formula', at: formula };

  const stated = negated ? taxonomy.opposite(emotion) : emotion;
  // Whose feeling: "the salesman was euphoric" (GUIDELINES rule 4). Staff only: a gift's receiver ("мама очень довольна
  // чайником") speaks for the buyer.
  const feeling = c.feeling.find((f) => f.first < hit.last && hit.first < f.last);
  const other = feeling && c.other.find((o) => inClause(o) && o.last <= feeling.first && feeling.first - o.last <= OTHER_REACH);
  if (other && taxonomy.opposite(emotion) !== undefined) return { kind: 'other', at: other };

  const utmost = c.utmost.find(inClause);
  if (utmost) {
    // Its own words ("не могло быть лучше") or a positive term beside it ("couldn't be happier") are delight; a
    // negative term keeps its feeling, without the comparison's negation ("couldn't be more disappointed").
    const inside = utmost.first < hit.last && hit.first < utmost.last;
    if (inside || valence(emotion) > 0) return { kind: 'utmost', at: utmost, emotion: UTMOST };
    if (negated && valence(emotion) < 0) return { kind: 'utmost', at: utmost, emotion };
  }

  if (!negated && negatable && valence(emotion) < 0) {
    const absent = c.absent.find((a) => inClause(a) && a.first >= hit.last && a.first - hit.last <= ABSENT_REACH);
    if (absent) return { kind: 'absent', at: absent, emotion: taxonomy.opposite(emotion) };
  }

  // Only a feeling that can turn (one with an opposite): "I would be glad to thank" (был бы рад поблагодарить) is
  // politeness, and thanks said are thanks.
  const turns = stated !== undefined && taxonomy.opposite(stated) !== undefined;
  // A contrast marker between them ends its scope ("all sorted in the end, but I wish it hadn't taken three emails").
  const between = (from: number, to: number) => contrast.some((x) => x.first >= from && x.last <= to);
  const apart = (h: Hit<unknown>) => (h.last <= hit.first ? between(h.last, hit.first) : h.first >= hit.last && between(hit.last, h.first));
  if (turns && valence(stated) > 0) {
    const counterfactual = c.counterfactual.find((x) => inClause(x) && !apart(x));
    if (counterfactual) return { kind: 'counterfactual', at: counterfactual, emotion: UNREALISED };
  }

  // "We used to love it, but …": a feeling once held, reversed by what follows, is not the customer's now.
  // The marker stands before the feeling, or holds it ("I was so excited to get it, however …").
  const holds = (p: Hit<unknown>) => p.first <= hit.first && hit.first < p.last;
  const past = c.past.find((p) => units[p.first]!.sentence === sentence && ((p.last <= hit.first && !between(p.last, hit.first)) || holds(p)));
  if (past && ((turns && valence(stated) > 0) || valence(stated) < 0)) {
    const reverses = (h: Hit<unknown>) => h.first >= hit.last && units[h.first]!.sentence <= sentence + 1;
    if (contrast.some(reverses) || c.now.some(reverses)) return valence(stated) > 0 ? { kind: 'past', at: past, emotion: UNREALISED } : { kind: 'past', at: past };
  }
  return undefined;
}
