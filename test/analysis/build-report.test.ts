import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/build-report.js';
import { EmotionTagger } from '../../src/emotion/tagger.js';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { importFile } from '../../src/pipeline/import-file.js';
import { openTestDb } from '../helpers/open-test-db.js';
import { reportFixtureDb } from '../helpers/report-fixture-db.js';
import { PHRASES, TRUTH, simulatedDump } from '../helpers/simulated-dump.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

describe('buildReport on a dump drawn from known emotion effects', () => {
  it('uses phrases the tagger reads as exactly one emotion each', () => {
    const tagger = new EmotionTagger();
    for (const [emotion, phrase] of Object.entries(PHRASES)) {
      const tags = tagger.tag(phrase, [{ lang: 'eng', start: 0, end: phrase.length, supported: true }]).emotions.map((e) => e.emotion);
      expect([phrase, tags]).toEqual([phrase, [emotion]]);
    }
  });

  it('recovers the signs and order of the strong associations, with CIs that cover the truth', async () => {
    const db = openTestDb(tmp.dir());
    await importFile(db, tmp.file('sim.csv', simulatedDump(3000)), feedbackImport, {
      invocation: 'sim',
      source: 'sim',
      columns: { segments: ['channel'] },
    });
    const report = buildReport(db, { database: 'sim.db', filters: {}, by: ['lang', 'channel'] });
    const association = (e: string) => report.emotions.find((d) => d.emotion === e)!;
    for (const [emotion, effect] of Object.entries(TRUTH)) {
      const d = association(emotion);
      expect(d.oddsRatio, emotion).not.toBeNull();
      expect(d.ci95![0], `${emotion} CI low`).toBeLessThanOrEqual(Math.exp(effect));
      expect(d.ci95![1], `${emotion} CI high`).toBeGreaterThanOrEqual(Math.exp(effect));
      if (Math.abs(effect) >= 0.9) expect(Math.sign(Math.log(d.oddsRatio!)), emotion).toBe(Math.sign(effect));
    }
    const order = ['delight', 'commitment', 'disappointment', 'frustration'].map((e) => association(e).oddsRatio!);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(association('delight').qValue).toBeLessThan(0.001);
    expect(association('frustration').detractor.oddsRatio).toBeGreaterThan(1);
    // Responses that mention no emotion in the taxonomy's other categories: never judged, marked too rare.
    expect(association('anxiety')).toMatchObject({ mentions: 0, tooRare: true, oddsRatio: null });
    expect(report.scored).toBe(3000);
    expect(report.languages).toEqual([{ code: 'eng', name: 'English', responses: 3000 }]);
    expect(report.models.aucEmotions!.value).toBeGreaterThan(0.7);
    expect(report.models.aucDifference!.ci95[0]).toBeGreaterThan(0); // emotions beat polarity on this dump
    expect(report.trend.points.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(report.segments.map((s) => s.by)).toEqual(['lang', 'channel']);
    expect(report.segments[1]!.groups.map((g) => g.value).sort()).toEqual(['app', 'web']);
    expect(report.verbatims['delight']!.every((v) => v.group === 'promoter' || v.group === 'detractor')).toBe(true);
  }, 60_000);

  it('applies filters and reports NPS with the adjusted-Wald interval', async () => {
    const db = openTestDb(tmp.dir());
    await importFile(db, tmp.file('sim.csv', simulatedDump(600)), feedbackImport, { invocation: 'f', source: 'sim', columns: { segments: ['channel'] } });
    const all = buildReport(db, { database: 'x', filters: {} });
    const web = buildReport(db, { database: 'x', filters: { segment: { channel: ['web'] }, since: '2025-02-01', until: '2025-04-30' } });
    expect(web.responses).toBeLessThan(all.responses);
    expect(web.trend.points.map((p) => p.period)).toEqual(['2025-02', '2025-04']); // web rows fall in even months
    const n = all.nps!;
    expect(n.promoters + n.passives + n.detractors).toBe(600);
    expect(n.ci95[0]).toBeLessThan(n.score);
    expect(n.ci95[1]).toBeGreaterThan(n.score);
  });
});

describe('buildReport on the fixed five-language database', () => {
  const report = (options: Partial<Parameters<typeof buildReport>[1]> = {}) => {
    const db = reportFixtureDb(tmp.dir());
    try {
      return buildReport(db, { database: 'report.db', filters: {}, ...options });
    } finally {
      db.close();
    }
  };

  it('names emotions that always occur together, and fits the model without the second', () => {
    const r = report();
    const anxiety = r.emotions.find((e) => e.emotion === 'anxiety')!;
    expect(anxiety).toMatchObject({ aliasedWith: 'distrust', oddsRatio: null, ci95: null, npsImpact: null });
    expect(r.emotions.find((e) => e.emotion === 'distrust')!.oddsRatio).not.toBeNull();
    expect(r.warnings).toContain(
      'distrust and anxiety always occur together (in all 9 responses that mention either): their associations cannot be told apart, so the models keep distrust for both and give anxiety no odds ratio',
    );
    expect(r.models.converged).toBe(true);
  });

  it('gives an emotion no promoter mentions an honest one-sided interval, and says it rests on few events', () => {
    const defection = report().emotions.find((e) => e.emotion === 'defection')!;
    expect(defection.events.promoters).toBe(0);
    expect(defection.fewEvents).toBe(true);
    expect(defection.ci95![0]).toBeLessThan(0.001);
    expect(defection.ci95![1]).toBeLessThan(1);
    expect(defection.strength).toBe(defection.ci95![1]);
  });

  it('counts events per variable for both models', () => {
    const r = report();
    const epv = r.models.eventsPerVariable!;
    // 10 emotions in the model (anxiety aliased; trust and anger never said) + 4 language dummies.
    expect(epv.parameters).toBe(14);
    // The built-in states put every promoter in loyal, at risk or advocate.
    const promoters = r.states.overall.filter((s) => ['loyal', 'at-risk', 'advocate'].includes(s.state)).reduce((n, s) => n + s.responses, 0);
    expect(epv.promoter).toBe(Math.round((10 * Math.min(promoters, r.models.n - promoters)) / 14) / 10);
  });

  it('ranks what to fix first by the CI end nearest 0 of the adjusted NPS points, and says how', () => {
    const r = report();
    const ends = r.priorities.fixFirst.map((p) => r.emotions.find((e) => e.emotion === p.emotion)!.npsImpact!.ci95[1]);
    expect(ends.length).toBeGreaterThan(0);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(ends.every((end) => end < 0)).toBe(true);
    expect(r.priorities.ranking).toContain('Ranked by what the 95% CI supports (its end nearest 0)');
  });

  it('places every scored, analysed response in one customer state', () => {
    const r = report({ by: ['channel'] });
    expect(r.states.overall.reduce((s, c) => s + c.responses, 0)).toBe(r.models.n);
    const channel = r.segments[0]!;
    expect(channel.groups.reduce((s, g) => s + g.states.reduce((t, c) => t + c.responses, 0), 0)).toBe(r.models.n);
    expect(r.trend.points.reduce((s, p) => s + p.states.reduce((t, c) => t + c.responses, 0), 0)).toBe(r.models.n);
  });

  it('says how many more responses are needed when too few can be judged', () => {
    const r = report({ filters: { lang: ['hun'], since: '2025-02-01', until: '2025-02-28' } });
    expect(r.models.n).toBeLessThan(50);
    expect(r.guidance[0]).toBe(`Only ${r.models.n} scored responses in a tagged language: the models need at least 50, so about ${50 - r.models.n} more are needed before any emotion can be judged.`);
    expect(r.emotions.every((e) => e.oddsRatio === null)).toBe(true);
  });

  it('names languages, and keeps German counted but untagged', () => {
    const r = report({ by: ['lang'] });
    expect(r.languages.map((l) => l.name)).toEqual(['Swedish', 'Russian', 'English', 'Chinese', 'Hungarian', 'German']);
    expect(r.segments[0]!.groups.find((g) => g.value === 'deu')).toMatchObject({ label: 'German', analysed: 0 });
  });
});
