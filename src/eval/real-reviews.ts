/**
 * The "Real-review gold set" section of `npm run eval:emotions`: Heartline's tags against the labels of real
 * customer reviews (test/fixtures/emotions/reviews/, GUIDELINES.md and SAMPLING.md there), per language with
 * the tune and holdout splits apart, against the targets of issue 12. Holdout lines are only ever counted:
 * no text, id or miss of theirs is printed.
 */
import { Counts } from './counts.js';
import { table } from './eval-data.js';
import { readReviewGold, type ResolvedLine } from './review-gold.js';

type Split = 'tune' | 'holdout';
const SPLITS: readonly Split[] = ['tune', 'holdout'];

/** Issue 12's targets, printed as met / NOT met (not asserted anywhere). */
const TARGET = { microF1: 0.85, negativeRecall: 0.75, negativePrecision: 0.85, defectionRecall: 0.75 };

interface SplitCounts {
  lines: number;
  all: Counts;
  negative: Counts;
  positive: Counts;
  defection: Counts;
  /** Lines whose gold has defection but that are tagged commitment: a detractor read as a promoter. */
  defectionAsCommitment: number;
}

export interface RealReviewOptions {
  languages: readonly string[];
  /** Emotion → valence (+1, −1) from the taxonomy. */
  valence: (emotion: string) => number;
  predict: (text: string) => string[];
  showErrors: boolean;
}

const f = (x: number) => x.toFixed(2);
const newCounts = (): SplitCounts => ({ lines: 0, all: new Counts(), negative: new Counts(), positive: new Counts(), defection: new Counts(), defectionAsCommitment: 0 });

export function realReviewSection({ languages, valence, predict, showErrors }: RealReviewOptions): void {
  console.log('\nReal-review gold set (test/fixtures/emotions/reviews/<lang>.jsonl): micro-averaged over (line, emotion) pairs, tune and holdout apart');
  const perLanguage: [string, Record<Split, SplitCounts>][] = [];
  const total: Record<Split, SplitCounts> = { tune: newCounts(), holdout: newCounts() };
  const perEmotion = new Map<string, Record<Split, Counts>>();
  const errors: string[] = [];
  for (const lang of languages) {
    const gold = readReviewGold(lang);
    if (!gold) {
      console.log(`  ${lang}: no real-review gold set yet`);
      continue;
    }
    for (const notice of gold.notices) console.log(`  notice: ${notice}`);
    const counts: Record<Split, SplitCounts> = { tune: newCounts(), holdout: newCounts() };
    for (const line of gold.lines) {
      const expected = new Set(line.emotions);
      const got = new Set(predict(line.text));
      for (const c of [counts[line.split], total[line.split]]) score(c, expected, got, valence);
      for (const e of new Set([...expected, ...got])) {
        const c = perEmotion.get(e) ?? { tune: new Counts(), holdout: new Counts() };
        c[line.split].add(expected, got, (x) => x === e);
        perEmotion.set(e, c);
      }
      // Only tune lines are ever shown: the holdout stays unseen by whoever tunes.
      if (showErrors && line.split === 'tune') errors.push(...describeMiss(line, expected, got));
    }
    if (gold.lines.length > 0) perLanguage.push([lang, counts]);
  }
  if (perLanguage.length === 0) return;
  const rows = [...perLanguage, ['all', total] as [string, Record<Split, SplitCounts>]].flatMap(([lang, counts]) =>
    SPLITS.map((split) => {
      const c = counts[split];
      return [lang, split, c.lines, f(c.all.precision), f(c.all.recall), f(c.all.f1), f(c.negative.precision), f(c.negative.recall), f(c.positive.precision), f(c.positive.recall), c.defection.support > 0 ? `${f(c.defection.precision)} / ${f(c.defection.recall)}` : '—', c.defectionAsCommitment];
    }),
  );
  console.log(table(['lang', 'split', 'lines', 'P', 'R', 'F1', 'neg P', 'neg R', 'pos P', 'pos R', 'defection P / R', 'defection tagged commitment'], rows));

  console.log('\nPer emotion, all languages (real reviews):');
  console.log(
    table(
      ['emotion', 'tune P', 'tune R', 'tune F1', 'tune n', 'holdout P', 'holdout R', 'holdout F1', 'holdout n'],
      [...perEmotion].sort(([a], [b]) => a.localeCompare(b)).map(([e, c]) => [e, ...SPLITS.flatMap((s) => [f(c[s].precision), f(c[s].recall), f(c[s].f1), c[s].support])]),
    ),
  );

  console.log(`\nTargets (issue 12): micro-F1 ≥ ${TARGET.microF1}; negative recall ≥ ${TARGET.negativeRecall} at precision ≥ ${TARGET.negativePrecision}; defection recall ≥ ${TARGET.defectionRecall}; no defection line tagged commitment`);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    table(
      ['lang', 'split', 'micro-F1', 'negative R at P', 'defection R', 'defection tagged commitment'],
      [...perLanguage, ['all', total] as [string, Record<Split, SplitCounts>]].flatMap(([lang, counts]) =>
        SPLITS.map((split) => {
          const c = counts[split];
          const negativeOk = c.negative.recall >= TARGET.negativeRecall && c.negative.precision >= TARGET.negativePrecision;
          return [
            lang,
            split,
            `${f(c.all.f1)} ${met(c.all.f1 >= TARGET.microF1)}`,
            `${f(c.negative.recall)} at ${f(c.negative.precision)} ${met(negativeOk)}`,
            c.defection.support > 0 ? `${f(c.defection.recall)} ${met(c.defection.recall >= TARGET.defectionRecall)}` : '— (no gold defection)',
            `${c.defectionAsCommitment} ${met(c.defectionAsCommitment === 0)}`,
          ];
        }),
      ),
    ),
  );
  if (showErrors) {
    console.log(`\nTune-split real reviews not exactly right (${errors.length}; holdout lines are never listed):`);
    for (const e of errors) console.log(`  ${e}`);
  }
}

function score(c: SplitCounts, gold: Set<string>, got: Set<string>, valence: (emotion: string) => number): void {
  c.lines++;
  c.all.add(gold, got);
  c.negative.add(gold, got, (e) => valence(e) < 0);
  c.positive.add(gold, got, (e) => valence(e) > 0);
  c.defection.add(gold, got, (e) => e === 'defection');
  if (gold.has('defection') && got.has('commitment')) c.defectionAsCommitment++;
}

function describeMiss(line: ResolvedLine, gold: Set<string>, got: Set<string>): string[] {
  const missed = [...gold].filter((e) => !got.has(e));
  const extra = [...got].filter((e) => !gold.has(e));
  if (missed.length === 0 && extra.length === 0) return [];
  const what = [missed.length > 0 ? `missed ${missed.join(', ')}` : '', extra.length > 0 ? `extra ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
  return [`${line.id} [${what}]: ${line.text.replace(/\s+/g, ' ')}`];
}
