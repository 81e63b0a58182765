import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/build-report.js';
import { EmotionTagger } from '../../src/emotion/tagger.js';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { importFile } from '../../src/pipeline/import-file.js';
import { openTestDb } from '../helpers/open-test-db.js';
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

  it('recovers the signs and order of the strong drivers, with CIs that cover the truth', async () => {
    const db = openTestDb(tmp.dir());
    await importFile(db, tmp.file('sim.csv', simulatedDump(3000)), feedbackImport, {
      invocation: 'sim',
      source: 'sim',
      columns: { segments: ['channel'] },
    });
    const report = buildReport(db, { database: 'sim.db', filters: {}, by: ['lang', 'channel'] });
    const driver = (e: string) => report.emotions.find((d) => d.emotion === e)!;
    for (const [emotion, effect] of Object.entries(TRUTH)) {
      const d = driver(emotion);
      expect(d.oddsRatio, emotion).not.toBeNull();
      expect(d.ci95![0], `${emotion} CI low`).toBeLessThanOrEqual(Math.exp(effect));
      expect(d.ci95![1], `${emotion} CI high`).toBeGreaterThanOrEqual(Math.exp(effect));
      if (Math.abs(effect) >= 0.9) expect(Math.sign(Math.log(d.oddsRatio!)), emotion).toBe(Math.sign(effect));
    }
    const order = ['delight', 'commitment', 'disappointment', 'frustration'].map((e) => driver(e).oddsRatio!);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(driver('delight').qValue).toBeLessThan(0.001);
    expect(driver('frustration').detractor.oddsRatio).toBeGreaterThan(1);
    // Responses that mention no emotion in the taxonomy's other categories: never judged, marked too rare.
    expect(driver('anxiety')).toMatchObject({ mentions: 0, tooRare: true, oddsRatio: null });
    expect(report.scored).toBe(3000);
    expect(report.languages).toEqual({ eng: 3000 });
    expect(report.models.aucEmotions!).toBeGreaterThan(0.7);
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
