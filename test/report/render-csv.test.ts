import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/build-report.js';
import type { Report } from '../../src/analysis/report-types.js';
import { quote, renderCsv } from '../../src/report/render-csv.js';
import { reportFixtureDb } from '../helpers/report-fixture-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

function fixtureReport(): Report {
  const db = reportFixtureDb(tmp.dir());
  try {
    return buildReport(db, { database: 'report.db', filters: {}, by: ['channel'] });
  } finally {
    db.close();
  }
}

/** A CSV line split into cells (the fixture has no quoted commas). */
const cells = (line: string) => line.split(',');

describe('renderCsv', () => {
  it('writes one row per emotion × segment, with a BOM and CRLF for Excel', () => {
    const report = fixtureReport();
    const csv = renderCsv(report);
    expect(csv.startsWith('\uFEFFsegment,segment_value,emotion,mentions,share,share_ci_low,share_ci_high,nps_with,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + report.emotions.length + 3 * report.emotions.length);
    const header = cells(lines[0]!);
    const row = (segment: string, value: string, emotion: string) => {
      const line = lines.find((l) => l.startsWith(`${segment},${value},${emotion},`))!;
      return Object.fromEntries(cells(line).map((c, i) => [header[i], c]));
    };
    // Every model column with its interval, for both models, and the adjusted NPS points.
    const frustration = report.emotions.find((e) => e.emotion === 'frustration')!;
    expect(row('all', 'all', 'frustration')).toMatchObject({
      odds_ratio: String(frustration.oddsRatio),
      ci95_low: String(frustration.ci95![0]),
      ci95_high: String(frustration.ci95![1]),
      q_value: String(frustration.qValue),
      detractor_odds_ratio: String(frustration.detractor.oddsRatio),
      detractor_ci95_low: String(frustration.detractor.ci95![0]),
      detractor_q_value: String(frustration.detractor.qValue),
      nps_impact: String(frustration.npsImpact!.value),
      nps_impact_ci_low: String(frustration.npsImpact!.ci95[0]),
    });
    // Segment rows are heatmap cells: share and NPS with intervals; the models are fitted on everyone.
    const app = report.segments[0]!.groups.find((g) => g.value === 'app')!.emotions.find((c) => c.emotion === 'frustration')!;
    expect(row('channel', 'app', 'frustration')).toMatchObject({ mentions: String(app.mentions), share_ci_low: String(app.shareCi95[0]), nps_with: String(app.nps!.score), odds_ratio: '' });
    expect(row('all', 'all', 'anxiety')).toMatchObject({ aliased_with: 'distrust', odds_ratio: '', too_rare: 'true' });
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+46 70 123', "'+46 70 123"],
    ['-x', "'-x"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tTAB', "'\tTAB"],
    ['-12.5', '-12.5'],
    ['2.8e-9', '2.8e-9'],
    ['-inf', '-inf'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ])('quote(%j) = %j', (input, expected) => {
    expect(quote(input)).toBe(expected);
  });
});
