/**
 * `npm run eval:loyalty`: do the emotions Heartline tags predict a customer's own rating better than plain
 * polarity? On each rated public review set (loyalty-sets.ts), every text is detected and tagged, and three
 * logistic models — (a) the emotions present, (b) the polarity score alone, (c) both — are compared by
 * 5-fold stratified cross-validated AUC with the report's seed, folds and Firth fits (src/analysis). The
 * difference emotions − polarity gets a 95% interval by DeLong's test on the paired out-of-fold scores.
 * Polarity is the independent baseline: this file only reads it.
 */
import { join } from 'node:path';
import { outOfFoldScores } from '../analysis/auc.js';
import { delongDifference } from '../analysis/delong.js';
import { mulberry32 } from '../analysis/mulberry32.js';
import { stratifiedFolds } from '../analysis/stratified-folds.js';
import { EmotionTagger } from '../emotion/tagger.js';
import { LanguageDetector } from '../language/detect-language.js';
import { LANGUAGES } from '../lang/registry.js';
import { SHARED_DATA, readJsonLines, table } from './eval-data.js';
import { applyLanguageVariants } from './language-variants.js';
import { LOYALTY_SETS, type LoyaltySet } from './loyalty-sets.js';

/** The report's cross-validation (src/analysis/build-report.ts): five folds from seed 1. */
const FOLDS = 5;
const SEED = 1;
/** Issue 12's targets: emotions beat polarity by this much on each set, and reach MIN_CLOTHING_AUC on the clothing reviews. */
const MIN_GAIN = 0.03;
const MIN_CLOTHING_AUC = 0.8;

interface Tagged {
  y: (0 | 1)[];
  /** Bit e set when emotion e (taxonomy order) is tagged. */
  emotionBits: number[];
  polarity: number[];
  read: number;
  leftOut: number;
  unsupported: number;
  untagged: number;
}

/** `--stemmers snowball`, `--segmenter none|intl`: see language-variants.ts. */
const VARIANTS = applyLanguageVariants(LANGUAGES, process.argv);
const detector = new LanguageDetector();
const tagger = new EmotionTagger();
const EMOTIONS = tagger.lexicons.taxonomy.ids;

function tagSet(set: LoyaltySet): Tagged | undefined {
  const rows = readJsonLines<Record<string, unknown>>(join(SHARED_DATA, set.file));
  if (rows.length === 0) return undefined;
  const out: Tagged = { y: [], emotionBits: [], polarity: [], read: rows.length, leftOut: 0, unsupported: 0, untagged: 0 };
  for (const row of rows) {
    const y = set.outcome(row);
    if (y === undefined) {
      out.leftOut++;
      continue;
    }
    const text = String(row['text'] ?? '');
    const detection = detector.detect(text);
    if (!detection.segments.some((s) => s.supported)) out.unsupported++;
    const result = tagger.tag(text, detection.segments);
    const bits = result.emotions.reduce((b, e) => b | (1 << EMOTIONS.indexOf(e.emotion)), 0);
    if (bits === 0) out.untagged++;
    out.y.push(y);
    out.emotionBits.push(bits);
    out.polarity.push(result.polarity);
  }
  return out;
}

/** Out-of-fold scores of a model whose predictors for row i are rowPredictors(i). */
function scores(t: Tagged, fold: Int32Array, rowPredictors: (i: number) => number[]): Float64Array {
  const index = new Map<string, number>();
  const patterns: number[][] = [];
  const pattern = t.y.map((_, i) => {
    const x = rowPredictors(i);
    const key = x.join(',');
    let at = index.get(key);
    if (at === undefined) {
      index.set(key, (at = patterns.length));
      patterns.push(x);
    }
    return at;
  });
  return outOfFoldScores(patterns, pattern, t.y, fold, FOLDS);
}

const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

function main(): void {
  console.log(`Lexicon version ${tagger.lexicons.version}${VARIANTS.map((v) => `; ${v}`).join('')}`);
  console.log(`Loyalty signal on rated public reviews (${SHARED_DATA}): ${FOLDS}-fold stratified cross-validated AUC (seed ${SEED}, Firth logistic regression as in the report)`);
  console.log('from (a) the emotions tagged, (b) the polarity score alone, (c) both; emotions − polarity with a 95% DeLong interval on the paired out-of-fold scores\n');
  const rows: string[][] = [];
  const accounts: string[] = [];
  for (const set of LOYALTY_SETS) {
    const t = tagSet(set);
    if (!t) {
      console.log(`notice: ${join(SHARED_DATA, set.file)} is absent: ${set.name} skipped`);
      continue;
    }
    const used = EMOTIONS.map((_, e) => e).filter((e) => t.emotionBits.some((b) => ((b >>> e) & 1) === 1));
    const emotionsOf = (i: number) => used.map((e) => (t.emotionBits[i]! >>> e) & 1);
    const fold = stratifiedFolds(t.y, FOLDS, mulberry32(SEED));
    const emotions = scores(t, fold, emotionsOf);
    const polarity = scores(t, fold, (i) => [t.polarity[i]!]);
    const both = scores(t, fold, (i) => [...emotionsOf(i), t.polarity[i]!]);
    const gain = delongDifference(emotions, polarity, t.y);
    const bothAuc = delongDifference(both, polarity, t.y).aucA;
    const positives = t.y.reduce<number>((s, v) => s + v, 0);
    const targets = [`Δ ≥ ${MIN_GAIN} ${gain.difference >= MIN_GAIN ? 'met' : 'NOT met'}`];
    if (set.file.startsWith('womens_ecommerce')) targets.push(`emotions ≥ ${MIN_CLOTHING_AUC.toFixed(2)} ${gain.aucA >= MIN_CLOTHING_AUC ? 'met' : 'NOT met'}`);
    rows.push([set.name, set.outcomeLabel, `${positives} / ${t.y.length - positives}`, f3(gain.aucA), f3(gain.aucB), f3(bothAuc), `${signed(gain.difference)} [${signed(gain.ci95[0])}, ${signed(gain.ci95[1])}]`, targets.join('; ')]);
    accounts.push(`  ${set.name}: ${t.read} rows read, ${t.leftOut} left out by the outcome rule, ${t.y.length} modelled; ${t.unsupported} not in a supported language, ${t.untagged} with no emotion tagged (${f2(t.untagged / Math.max(1, t.y.length))})`);
  }
  if (rows.length === 0) return;
  console.log(table(['data set', 'outcome', '1 / 0', 'emotions', 'polarity', 'both', 'emotions − polarity [95% CI]', 'targets'], rows));
  console.log('\nRows:');
  for (const a of accounts) console.log(a);
}

main();
