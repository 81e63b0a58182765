import { describe, expect, it } from 'vitest';
import type { EmotionDriver, Report } from '../../src/analysis/report-types.js';
import { quote, renderCsv } from '../../src/report/render-csv.js';

const driver = (emotion: string): EmotionDriver => ({
  emotion, valence: 1, mentions: 40, share: 0.2, promoterRate: 0.5, detractorRate: 0.1, shareAmongPromoters: 0.3,
  shareAmongDetractors: 0.05, npsWith: 40, npsWithout: -3.5, impact: 4.2, oddsRatio: 2.5, ci95: [1.5, 4.1], pValue: 0.001,
  qValue: 0.004, detractor: { oddsRatio: 0.4, ci95: [0.2, 0.8], pValue: 0.01, qValue: 0.02 }, importance: 0.12, tooRare: false,
});

const report = {
  emotions: [driver('delight'), driver('=cmd|calc')],
  segments: [{ by: 'channel', groups: [{ value: '+SUM(A1:A9)', responses: 10, nps: null, emotions: [driver('ease')] }, { value: '@evil', responses: 5, nps: null, emotions: [] }] }],
} as unknown as Report;

describe('renderCsv', () => {
  it('writes one row per emotion × segment, with a BOM and CRLF for Excel', () => {
    const csv = renderCsv(report);
    expect(csv.startsWith('\uFEFFsegment,segment_value,emotion,mentions,share')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 + 1);
    expect(lines[1]).toBe('all,all,delight,40,0.2,0.5,0.1,40,-3.5,4.2,2.5,1.5,4.1,0.001,0.004,0.4,0.12,false');
  });

  it('neutralises cells a spreadsheet would run as formulas, and keeps negative numbers as numbers', () => {
    const csv = renderCsv(report);
    expect(csv).toContain(",'=cmd|calc,");
    expect(csv).toContain("channel,'+SUM(A1:A9),ease");
    expect(csv).toContain(',-3.5,');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+46 70 123', "'+46 70 123"],
    ['-x', "'-x"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tTAB', "'\tTAB"],
    ['-12.5', '-12.5'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ])('quote(%j) = %j', (input, expected) => {
    expect(quote(input)).toBe(expected);
  });
});
