/**
 * `npm run eval:lid`: language identification accuracy per language and length bucket, franc alone
 * (restricted to our five languages) against the full stage and the stage without each signal; other-language
 * and no-language texts; neighbour languages (ud_neighbours) kept apart from ours and named; mixed texts;
 * speed on 80-character texts; the targets, met or not.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc';
import { LanguageDetector, type Signals } from '../language/detect-language.js';
import { maskNoise } from '../language/mask-noise.js';
import { profileScripts } from '../language/script-profile.js';
import { LANG_CODES, REGISTRY, isSupported } from '../lang/registry.js';
import { FIXTURES, SHARED_DATA, pct, readJsonLines, readLines, table } from './eval-data.js';

interface Sample {
  lang: string;
  text: string;
  set: string;
}

const BUCKETS = ['3–19', '20–49', '≥50'] as const;
type Bucket = (typeof BUCKETS)[number];

function bucket(text: string): Bucket | undefined {
  const n = [...text.trim()].length;
  if (n < 3) return undefined;
  return n < 20 ? '3–19' : n < 50 ? '20–49' : '≥50';
}

/**
 * The files of a data set folder named `<prefix><tag>.jsonl` whose BCP 47 tag (`sv`, `zh-Hans`) is one of our
 * languages, with that language's code.
 */
function dataFiles(folder: string, prefix: string): { file: string; lang: string }[] {
  const dir = join(SHARED_DATA, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const tag = name.startsWith(prefix) && name.endsWith('.jsonl') ? name.slice(prefix.length, -'.jsonl'.length) : undefined;
      const language = tag === undefined ? undefined : REGISTRY.fromTag(tag);
      return language ? [{ file: join(dir, name), lang: language.code }] : [];
    });
}

function loadSamples(): Sample[] {
  const samples: Sample[] = [];
  for (const [folder, prefix, set] of [['ud_sentences', 'ud_', 'UD'], ['xed', 'xed_', 'XED']] as const) {
    for (const { file, lang } of dataFiles(folder, prefix)) {
      for (const r of readJsonLines<{ text: string }>(file)) samples.push({ lang, text: r.text, set });
    }
  }
  for (const lang of LANG_CODES) {
    for (const text of readLines(join(FIXTURES, 'lid', `short-${lang}.txt`))) samples.push({ lang, text, set: 'short' });
  }
  return samples;
}

/** A text with fewer than two letters once noise is masked has no language to find. */
const hasLanguage = (text: string) => profileScripts(maskNoise(text)).letters >= 2;

type Classifier = (text: string) => string;

function francAlone(text: string): string {
  return franc(text, { only: [...LANG_CODES] });
}

function accuracy(samples: Sample[], classify: Classifier) {
  const cells = new Map<string, { hit: number; n: number }>();
  for (const s of samples) {
    const b = bucket(s.text);
    if (!b) continue;
    const got = classify(s.text);
    for (const key of [`${s.lang}|${b}`, `all|${b}`, `${s.set}|${b}`, `${s.set}|${s.lang}|${b}`]) {
      const cell = cells.get(key) ?? { hit: 0, n: 0 };
      cell.n++;
      if (got === s.lang) cell.hit++;
      cells.set(key, cell);
    }
  }
  return cells;
}

function main(): void {
  const all = loadSamples();
  const samples = all.filter((s) => hasLanguage(s.text));
  const excluded = all.length - samples.length;
  const full = new LanguageDetector();
  const stage: Classifier = (t) => full.detect(t).lang;
  const without = (signal: keyof Signals): Classifier => {
    const d = new LanguageDetector({ signals: { [signal]: false } });
    return (t) => d.detect(t).lang;
  };
  const systems: [string, Classifier][] = [
    ['franc alone (restricted to 5)', francAlone],
    ['Heartline stage', stage],
  ];
  if (!process.argv.includes('--quick')) {
    systems.push(
      ['  without letters', without('letters')],
      ['  without word lists', without('words')],
      ['  without franc', without('franc')],
      ['  without segments', without('segments')],
    );
  }
  const results = systems.map(([name, c]) => [name, accuracy(samples, c)] as const);
  const cell = (cells: Map<string, { hit: number; n: number }>, key: string) => {
    const c = cells.get(key);
    return c ? pct(c.hit, c.n) : '—';
  };

  console.log(`Language identification — ${samples.length} texts (${excluded} without letters left out), data: ${SHARED_DATA}\n`);
  console.log('Accuracy per language and length (Heartline stage | franc alone):');
  const rows = [...LANG_CODES, 'all'].map((lang) => [
    lang,
    ...BUCKETS.map((b) => {
      const n = results[1]![1].get(`${lang}|${b}`)?.n ?? 0;
      return `${cell(results[1]![1], `${lang}|${b}`)} | ${cell(results[0]![1], `${lang}|${b}`)} (n=${n})`;
    }),
  ]);
  console.log(table(['lang', ...BUCKETS], rows));

  console.log('\nPer data set and language (Heartline stage; n in brackets):');
  const setRows: string[][] = [];
  for (const set of ['UD', 'XED', 'short']) {
    for (const lang of [...LANG_CODES, '']) {
      const key = lang ? `${set}|${lang}` : set;
      setRows.push([`${set} ${lang || 'all'}`, ...BUCKETS.map((b) => `${cell(results[1]![1], `${key}|${b}`)} (${results[1]![1].get(`${key}|${b}`)?.n ?? 0})`)]);
    }
  }
  console.log(table(['set', ...BUCKETS], setRows));

  console.log('\nWhat each signal buys (all languages):');
  console.log(table(['system', ...BUCKETS], results.map(([name, cells]) => [name, ...BUCKETS.map((b) => cell(cells, `all|${b}`))])));

  // Other languages must not be forced into ours.
  const others = readJsonLines<{ lang: string; text: string }>(join(FIXTURES, 'lid', 'other.jsonl'));
  const otherLong = others.filter((o) => [...o.text].length >= 20);
  const otherShort = others.filter((o) => [...o.text].length < 20);
  const notOurs = (list: typeof others) => list.filter((o) => !isSupported(stage(o.text))).length;
  const exact = otherLong.filter((o) => stage(o.text) === o.lang).length;
  const francWrong = otherLong.filter((o) => isSupported(francAlone(o.text))).length;
  console.log('\nOther-language texts (test/fixtures/lid/other.jsonl):');
  console.log(`  ≥20 chars not labelled as one of the five: ${pct(notOurs(otherLong), otherLong.length)} (${notOurs(otherLong)}/${otherLong.length}); real code found: ${pct(exact, otherLong.length)}`);
  console.log(`  <20 chars not labelled as one of the five: ${pct(notOurs(otherShort), otherShort.length)} (${notOurs(otherShort)}/${otherShort.length})`);
  console.log(`  franc alone (restricted) necessarily labels ${francWrong}/${otherLong.length} of the ≥20-char ones as one of the five`);
  const misses = otherLong.filter((o) => isSupported(stage(o.text)));
  for (const m of misses) console.log(`    missed ${m.lang} → ${stage(m.text)}: ${m.text.slice(0, 70)}`);

  const neighbours = neighbourSection(full);
  if (!process.argv.includes('--quick')) {
    // What franc buys on the neighbours: the same texts without it (its models of close relatives are weak).
    const alone = neighbourSection(new LanguageDetector({ signals: { franc: false } }), true);
    const sum = (m: Map<string, { hit: number; n: number }>) => [...m.values()].reduce((x, c) => ({ hit: x.hit + c.hit, n: x.n + c.n }), { hit: 0, n: 0 });
    const [l, sh] = [sum(alone.apartLong), sum(alone.apartShort)];
    console.log(`  without franc: ≥20 chars kept apart ${pct(l.hit, l.n)}, named ${pct(alone.namedLong.hit, alone.namedLong.n)}; 3–19 chars kept apart ${pct(sh.hit, sh.n)}, named ${pct(alone.namedShort.hit, alone.namedShort.n)}`);
  }

  const none = readLines(join(FIXTURES, 'lid', 'none.txt'));
  const und = none.filter((t) => stage(t) === 'und').length;
  console.log(`\nTexts without letters (none.txt): ${pct(und, none.length)} labelled und (${und}/${none.length})`);
  for (const t of none.filter((x) => stage(x) !== 'und')) console.log(`    ${JSON.stringify(t)} → ${stage(t)}`);

  const tokens = readLines(join(FIXTURES, 'lid', 'tokens.txt'));
  const tokenUnd = tokens.filter((t) => stage(t) === 'und').length;
  console.log(`\nTokens without language (tokens.txt: identifiers, files, code, domains, handles, tickers): ${pct(tokenUnd, tokens.length)} labelled und (${tokenUnd}/${tokens.length})`);
  for (const t of tokens.filter((x) => stage(x) !== 'und')) console.log(`    ${JSON.stringify(t)} → ${stage(t)}`);

  const mixed = readJsonLines<{ text: string; dominant: string; languages: string[] }>(join(FIXTURES, 'lid', 'mixed.jsonl'));
  let dominantHits = 0;
  let setHits = 0;
  for (const m of mixed) {
    const d = full.detect(m.text);
    if (d.lang === m.dominant) dominantHits++;
    const langs = [...new Set(d.segments.map((s) => s.lang))].sort().join(',');
    if (langs === [...m.languages].sort().join(',')) setHits++;
    else if (process.argv.includes('--verbose')) console.log(`    mixed ${langs} ≠ ${[...m.languages].sort().join(',')}: ${m.text.slice(0, 70)}`);
  }
  const mono = samples.filter((s) => bucket(s.text) === '≥50');
  const falseMixed = mono.filter((s) => new Set(full.detect(s.text).segments.map((x) => x.lang)).size > 1).length;
  console.log(`\nMixed-language texts (mixed.jsonl, n=${mixed.length}): dominant language right ${pct(dominantHits, mixed.length)}, set of languages right ${pct(setHits, mixed.length)}`);
  console.log(`  one-language texts of ≥50 chars wrongly split into several languages: ${pct(falseMixed, mono.length)} (${falseMixed}/${mono.length})`);

  const speedFigure = speed(samples, full);
  targets(results[1]![1], {
    otherRate: notOurs(otherLong) / Math.max(1, otherLong.length),
    undRate: und / Math.max(1, none.length),
    tokenRate: tokenUnd / Math.max(1, tokens.length),
    neighbours,
    speed: speedFigure,
  });
}

/** Codes another tool (franc) or a data set uses for what we name with one code: macrolanguages, and
 * Serbo-Croatian, whose Latin-script standards franc tells apart by vocabulary the UD README calls not
 * meaningful to score (ud_neighbours/README.txt). */
const SAME_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  est: ['ekk'],
  lav: ['lvs'],
  srp: ['hbs', 'hrv', 'bos'],
};
const named = (expected: string, got: string) => got === expected || (SAME_LANGUAGE[expected] ?? []).includes(got);

interface NeighbourRow {
  file: string;
  lang: string;
  long: Sample[];
  short: Sample[];
}

interface NeighbourFigures {
  /** Per language (not the Traditional Chinese control): share kept apart from our five, ≥20 and 3–19 characters. */
  apartLong: Map<string, { hit: number; n: number }>;
  apartShort: Map<string, { hit: number; n: number }>;
  namedLong: { hit: number; n: number };
  namedShort: { hit: number; n: number };
  /** Mean over languages of the share named correctly, ≥20 characters. */
  namedLongMean: number;
  control: { hit: number; n: number };
  wrongConfidence: number;
}

function neighbourRows(): NeighbourRow[] {
  const dir = join(SHARED_DATA, 'ud_neighbours');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => {
      const rows = readJsonLines<{ text: string; lang: string }>(join(dir, name));
      const lang = rows[0]?.lang ?? name.slice(0, -'.jsonl'.length);
      const all = rows.map((r) => ({ lang: r.lang, text: r.text, set: name }));
      return {
        file: name.slice(0, -'.jsonl'.length),
        lang,
        long: all.filter((s) => [...s.text.trim()].length >= 20),
        short: all.filter((s) => [...s.text.trim()].length < 20),
      };
    });
}

/**
 * Texts in other languages (UD treebanks of the neighbours of ours) must be kept apart from our five, and
 * named when the evidence is clear; Traditional Chinese is the positive control (it is ours). franc alone is
 * its full model on the same text, for comparison.
 */
function neighbourSection(detector: LanguageDetector, quiet = false): NeighbourFigures {
  const rows = neighbourRows();
  const figures: NeighbourFigures = {
    apartLong: new Map(),
    apartShort: new Map(),
    namedLong: { hit: 0, n: 0 },
    namedShort: { hit: 0, n: 0 },
    namedLongMean: 0,
    control: { hit: 0, n: 0 },
    wrongConfidence: 0,
  };
  const log = quiet ? () => {} : console.log;
  if (rows.length === 0) {
    log('\nNeighbour languages: ../shared/data/ud_neighbours not found, section skipped');
    return figures;
  }
  log('\nNeighbour languages (ud_neighbours, dev half): share kept apart from our five / named correctly');
  log('(franc alone: its full model, share named correctly; "wrong as" lists the commonest of our languages given, with n)');
  const wrongConfidences: number[] = [];
  const rightConfidences: number[] = [];
  /** Every named answer (not und): its confidence, and whether it was right. */
  const answers: [number, boolean][] = [];
  const namedMeans: number[] = [];
  const lines: string[][] = [];
  for (const row of rows) {
    const control = isSupported(row.lang);
    const score = (list: Sample[]) => {
      let apart = 0;
      let hit = 0;
      let francHit = 0;
      const wrong = new Map<string, number>();
      for (const s of list) {
        const d = detector.detect(s.text);
        const ours = isSupported(d.lang);
        if (d.lang !== 'und') answers.push([d.confidence, named(row.lang, d.lang)]);
        if (control ? d.lang === row.lang : !ours) apart++;
        if (named(row.lang, d.lang)) {
          hit++;
          rightConfidences.push(d.confidence);
        }
        if (!control && ours) {
          wrong.set(d.lang, (wrong.get(d.lang) ?? 0) + 1);
          wrongConfidences.push(d.confidence);
        }
        if (named(row.lang, REGISTRY.canonical(franc(s.text)))) francHit++;
      }
      const worst = [...wrong].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).slice(0, 2).join(', ');
      return { apart, hit, francHit, n: list.length, worst };
    };
    const long = score(row.long);
    const short = score(row.short);
    if (control) {
      figures.control = { hit: long.apart + short.apart, n: long.n + short.n };
    } else {
      figures.apartLong.set(row.lang, { hit: long.apart, n: long.n });
      figures.apartShort.set(row.lang, { hit: short.apart, n: short.n });
      figures.namedLong.hit += long.hit;
      figures.namedLong.n += long.n;
      figures.namedShort.hit += short.hit;
      figures.namedShort.n += short.n;
      if (long.n > 0) namedMeans.push(long.hit / long.n);
    }
    lines.push([
      row.file,
      `${pct(long.apart, long.n)} / ${pct(long.hit, long.n)} | ${pct(long.francHit, long.n)} (${long.n})`,
      `${pct(short.apart, short.n)} / ${pct(short.hit, short.n)} | ${pct(short.francHit, short.n)} (${short.n})`,
      [long.worst, short.worst].filter(Boolean).join('; ') || '—',
    ]);
  }
  const total = (m: Map<string, { hit: number; n: number }>) => [...m.values()].reduce((a, c) => ({ hit: a.hit + c.hit, n: a.n + c.n }), { hit: 0, n: 0 });
  const tl = total(figures.apartLong);
  const ts = total(figures.apartShort);
  lines.push([
    'all but control',
    `${pct(tl.hit, tl.n)} / ${pct(figures.namedLong.hit, figures.namedLong.n)} (${tl.n})`,
    `${pct(ts.hit, ts.n)} / ${pct(figures.namedShort.hit, figures.namedShort.n)} (${ts.n})`,
    '',
  ]);
  log(table(['file', '≥20 chars: apart / named | franc (n)', '3–19 chars: apart / named | franc (n)', 'wrong as (≥20; 3–19)'], lines));
  figures.namedLongMean = namedMeans.reduce((a, b) => a + b, 0) / Math.max(1, namedMeans.length);
  figures.wrongConfidence = median(wrongConfidences);
  log(`  (a file of one of our languages, Traditional Chinese, is the control: "apart" there means labelled as it)`);
  const bins = [[0, 0.6], [0.6, 0.8], [0.8, 1.01]] as const;
  const calibration = bins.map(([lo, hi]) => {
    const inBin = answers.filter(([c]) => c >= lo && c < hi);
    return `${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)}: ${pct(inBin.filter(([, ok]) => ok).length, inBin.length)} right (n=${inBin.length})`;
  });
  log(`  answers naming a language, by confidence: ${calibration.join('; ')}`);
  log(`  confidence, median: answers named correctly ${median(rightConfidences).toFixed(2)}; answers wrongly one of our five ${figures.wrongConfidence.toFixed(2)} (n=${wrongConfidences.length})`);
  return figures;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function speed(samples: Sample[], detector: LanguageDetector): number {
  // 80-character texts in the five languages, cut from the evaluation texts at a word boundary.
  const texts: string[] = [];
  for (const s of samples) {
    if ([...s.text].length < 80) continue;
    texts.push([...s.text].slice(0, 80).join(''));
  }
  const rounds = Math.max(1, Math.ceil(20_000 / texts.length));
  // Best of three timed runs after a warm-up, as timeit does: other processes only ever slow a run down.
  // Per core: CPU time of this process (one thread) as well as wall time, since on a shared machine the
  // wall clock also counts the time other processes hold the core.
  const time = (f: (t: string) => unknown) => {
    for (const t of texts) f(t);
    let wall = Infinity;
    let cpu = Infinity;
    for (let trial = 0; trial < 3; trial++) {
      const start = process.hrtime.bigint();
      const startCpu = process.cpuUsage();
      for (let r = 0; r < rounds; r++) for (const t of texts) f(t);
      const used = process.cpuUsage(startCpu);
      wall = Math.min(wall, Number(process.hrtime.bigint() - start) / 1e9);
      cpu = Math.min(cpu, (used.user + used.system) / 1e6);
    }
    const n = rounds * texts.length;
    return { wall: Math.round(n / wall), cpu: Math.round(n / cpu) };
  };
  const stage = time((t) => detector.detect(t));
  const alone = time((t) => francAlone(t));
  const f = (n: number) => n.toLocaleString('en');
  console.log(`\nSpeed, one core, best of 3 runs over ${texts.length} texts of 80 characters × ${rounds}:`);
  console.log(`  Heartline stage ${f(stage.cpu)} texts per CPU-second (${f(stage.wall)} per wall-clock second); franc alone (restricted) ${f(alone.cpu)} (${f(alone.wall)})`);
  return stage.cpu;
}

/** Fewest texts for a language's bucket to count as the worst one in the targets. */
const MIN_WORST = 10;

interface TargetFigures {
  otherRate: number;
  undRate: number;
  tokenRate: number;
  neighbours: NeighbourFigures;
  speed: number;
}

function targets(cells: Map<string, { hit: number; n: number }>, figures: TargetFigures): void {
  const rate = (keys: string[]) => {
    let hit = 0;
    let n = 0;
    for (const k of keys) {
      hit += cells.get(k)?.hit ?? 0;
      n += cells.get(k)?.n ?? 0;
    }
    return n === 0 ? 0 : hit / n;
  };
  const worst = (m: Map<string, { hit: number; n: number }>) => {
    let low: [string, number, number] = ['—', 1, 0];
    // Buckets under MIN_WORST texts (short Faroese, French …) are in the table but too small to rank.
    for (const [lang, c] of m) if (c.n >= MIN_WORST && c.hit / c.n < low[1]) low = [lang, c.hit / c.n, c.n];
    return low;
  };
  const share = (c: { hit: number; n: number }) => (c.n === 0 ? 0 : c.hit / c.n);
  const pooled = (m: Map<string, { hit: number; n: number }>) => share([...m.values()].reduce((a, c) => ({ hit: a.hit + c.hit, n: a.n + c.n }), { hit: 0, n: 0 }));
  const worstLong = LANG_CODES.map((l) => [l, rate([`${l}|20–49`, `${l}|≥50`])] as const).sort((a, b) => a[1] - b[1])[0]!;
  const worstShort = LANG_CODES.map((l) => [l, rate([`${l}|3–19`])] as const).sort((a, b) => a[1] - b[1])[0]!;
  const n = figures.neighbours;
  const [longLang, longRate, longN] = worst(n.apartLong);
  const [shortLang, shortRate, shortN] = worst(n.apartShort);
  console.log('\nTargets:');
  const line = (name: string, value: number, goal: number, unit = '%') => {
    const shown = unit === '%' ? `${(100 * value).toFixed(1)}%` : value.toLocaleString('en');
    const met = unit === '%' ? value * 100 >= goal : value >= goal;
    console.log(`  ${name}: ${shown} (target ≥ ${goal.toLocaleString('en')}${unit === '%' ? '%' : ''}) ${met ? 'met' : 'NOT met'}`);
  };
  const info = (name: string, value: number) => console.log(`  ${name}: ${(100 * value).toFixed(1)}% (no target)`);
  line('our five, texts ≥20 chars, all languages', rate(['all|20–49', 'all|≥50']), 99);
  line(`our five, texts ≥20 chars, worst language (${worstLong[0]})`, worstLong[1], 99);
  line('our five, 3–19-char feedback snippets (short-<code>.txt)', rate(['short|3–19']), 95);
  info('our five, texts 3–19 chars, all sources (UD, XED, snippets)', rate(['all|3–19']));
  info(`our five, texts 3–19 chars, all sources, worst language (${worstShort[0]})`, worstShort[1]);
  line('neighbours, texts ≥20 chars kept apart from our five, all languages', pooled(n.apartLong), 97);
  line(`neighbours, texts ≥20 chars kept apart, worst language of n ≥ ${MIN_WORST} (${longLang}, n=${longN})`, longRate, 97);
  line('neighbours, texts 3–19 chars kept apart from our five, all languages', pooled(n.apartShort), 85);
  line(`neighbours, texts 3–19 chars kept apart, worst language of n ≥ ${MIN_WORST} (${shortLang}, n=${shortN})`, shortRate, 85);
  line('neighbours, texts ≥20 chars named correctly, mean over languages', n.namedLongMean, 85);
  line('Traditional Chinese control labelled Chinese', share(n.control), 99);
  line('other-language feedback ≥20 chars not labelled as ours (other.jsonl)', figures.otherRate, 90);
  line('texts without letters labelled und (none.txt)', figures.undRate, 100);
  line('tokens without language labelled und (tokens.txt)', figures.tokenRate, 98);
  line('speed, texts of 80 characters per CPU-second, one core', figures.speed, 20_000, ' texts/s');
}

main();
