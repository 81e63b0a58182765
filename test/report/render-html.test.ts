import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/build-report.js';
import type { Report } from '../../src/analysis/report-types.js';
import { loadTagAccuracy } from '../../src/analysis/tag-accuracy.js';
import { languageName } from '../../src/lang/registry.js';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { importFile } from '../../src/pipeline/import-file.js';
import { renderHtml } from '../../src/report/render-html.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';
import { openTestDb } from '../helpers/open-test-db.js';
import { reportFixtureDb } from '../helpers/report-fixture-db.js';
import { simulatedDump } from '../helpers/simulated-dump.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

/** Feedback that tries to run script in the shared report; each line also tags an emotion, so it is quoted. */
const HOSTILE = [
  '<script>window.__pwned = 1</script> Thank you so much!',
  '<img src=x onerror="window.__pwned = 2"> Very disappointed.',
  '<a href="javascript:window.__pwned=3">Absolutely delighted with it!</a>',
  '</style><style>body{display:none}</style> Had to call three times.',
];

/**
 * Everything wrong with the page's layout, measured by the browser: text or marks outside their SVG, texts
 * that overlap each other, a page wider than the window (something that does not wrap or scroll).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The little of the DOM this needs, declared here: the project's TypeScript has no DOM library.
    interface Box {
      left: number;
      right: number;
      top: number;
      bottom: number;
    }
    interface Element {
      tagName: string;
      textContent: string | null;
      getBoundingClientRect(): Box;
      closest(selector: string): { id: string } | null;
      querySelectorAll(selector: string): Element[];
    }
    const page = globalThis as unknown as { document: { querySelectorAll(s: string): Element[]; documentElement: { scrollWidth: number } }; innerWidth: number };
    const problems: string[] = [];
    const inside = (r: Box, box: Box) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    [...page.document.querySelectorAll('svg.chart')].forEach((svg, s) => {
      const box = svg.getBoundingClientRect();
      const where = `${svg.closest('section')?.id ?? '?'} chart ${s}`;
      const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
      for (const t of texts) if (!inside(t.r, box)) problems.push(`${where}: "${t.text}" is not inside its chart`);
      for (const mark of svg.querySelectorAll('circle, rect')) {
        if (!inside(mark.getBoundingClientRect(), box)) problems.push(`${where}: a ${mark.tagName} is not inside its chart`);
      }
      texts.forEach((a, i) =>
        texts.slice(i + 1).forEach((b) => {
          const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (w > 0.5 && h > 0.5) problems.push(`${where}: "${a.text}" overlaps "${b.text}"`);
        }),
      );
    });
    const width = page.document.documentElement.scrollWidth;
    if (width > page.innerWidth + 1) problems.push(`the page is ${width} px wide in a ${page.innerWidth} px window`);
    return problems;
  });
}

/** The text of every <text> in the charts of a section. */
const chartTexts = (page: Page, section: string) => page.locator(`#${section} svg.chart text`).allTextContents();

describe.skipIf(!CHROMIUM && !process.env['CI'])('HTML report in a real browser', () => {
  // In CI a missing browser is a failure (.ci/run installs Debian's chromium); on a laptop without one, a skip.
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the report at a width (print: emulated A4 print media); fails on any console error or dialog. */
  async function open(report: Report, width: number, print = false): Promise<{ page: Page; problems: string[] }> {
    const file = join(tmp.dir(), `report-${width}.html`);
    writeFileSync(file, renderHtml(report));
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
    if (print) await page.emulateMedia({ media: 'print' });
    await page.goto(`file://${file}`);
    return { page, problems };
  }

  it('renders the feedback as text: nothing from it runs, and the console stays clean', async () => {
    const db = openTestDb(tmp.dir());
    const hostile = HOSTILE.map((t, i) => `h${i},2025-03-0${i + 1},web,${i % 2 ? 2 : 10},"${t.replace(/"/g, '""')}"`);
    const dump = `${simulatedDump(400).trimEnd()}\n${hostile.join('\n')}\n`;
    await importFile(db, tmp.file('dump.csv', dump), feedbackImport, { invocation: 'h', source: 's', columns: { segments: ['channel'] } });
    const report = buildReport(db, { database: 'hostile.db', filters: {}, by: ['lang', 'channel'], verbatims: 1000 });
    const { page, problems } = await open(report, 1280);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('body').isVisible()).toBe(true);
    const text = await page.locator('.verbatims').innerText();
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('<img src=x onerror=');
    expect(await page.locator('.verbatims a, .verbatims img').count()).toBe(0);
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    expect(await layoutProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  describe.each([
    ['a desktop window', 1280, false],
    ['a 400-px phone', 400, false],
    ['print (A4 width)', 794, true],
  ])('on %s', (_, width, print) => {
    it('puts what to fix first, what to protect and how sure we are on the first screen', async () => {
      const db = reportFixtureDb(tmp.dir());
      const report = buildReport(db, { database: 'report.db', filters: {}, by: ['lang', 'channel', 'market'] });
      db.close();
      const { page, problems } = await open(report, width, print);
      const fix = page.locator('.card.fix');
      await expect.poll(() => fix.innerText()).toContain('Frustration');
      // The heading and the first item of each list, and "How sure are we?", start within the first 900 px on
      // a desktop; on a phone the cards stack, so the first screen holds "Fix first" and its first item.
      const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
      expect(await top('.card.fix li')).toBeLessThan(900);
      if (width >= 1280) {
        expect(await top('.card.protect li')).toBeLessThan(900);
        expect(await top('.sure')).toBeLessThan(900);
      }
      expect(await page.locator('.card.fix li').first().innerText()).toMatch(/fewer NPS points \(95% CI [\d.]+–[\d.]+\)/);
      // The tag accuracy comes from lexicons/tag-accuracy.json, whatever its current figures.
      const f1 = Object.entries(loadTagAccuracy()!.byLanguage).sort((a, b) => a[1] - b[1]);
      const span = `F1 ${f1[0]![1].toFixed(2)} (${languageName(f1[0]![0])}) to ${f1.at(-1)![1].toFixed(2)} (${languageName(f1.at(-1)![0])})`;
      expect(await page.locator('.sure').innerText()).toContain(span);
      expect(await page.locator('.sure').innerText()).toMatch(/95% confidence interval.*associations, not causes.*tag errors weaken the associations/s);
      expect(problems).toEqual([]);
    }, 60_000);

    it('draws every emotion, each label inside its chart, nothing overlapping, nothing wider than the window', async () => {
      const db = reportFixtureDb(tmp.dir());
      const report = buildReport(db, { database: 'report.db', filters: {}, by: ['lang', 'channel', 'market'], period: 'week' });
      db.close();
      const { page, problems } = await open(report, width, print);
      expect(await layoutProblems(page)).toEqual([]);
      const startsWith = (texts: string[], emotion: string) => texts.some((t) => t === emotion || t.startsWith(`${emotion} `));
      const odds = await chartTexts(page, 'associations');
      for (const e of report.emotions.filter((d) => d.oddsRatio !== null)) expect(startsWith(odds, e.emotion), `${e.emotion} in the odds-ratio chart`).toBe(true);
      const impact = await chartTexts(page, 'impact');
      for (const e of report.emotions.filter((d) => d.npsImpact !== null)) expect(startsWith(impact, e.emotion), `${e.emotion} in the NPS-points chart`).toBe(true);
      const shares = await chartTexts(page, 'shares');
      for (const e of report.emotions.filter((d) => d.mentions > 0)) expect(startsWith(shares, e.emotion), `${e.emotion} in the shares chart`).toBe(true);
      // Positive associations are drawn above negative ones, each group sorted by its odds ratio's CI end nearest 1.
      expect(odds.indexOf('Associated with more promoters')).toBeLessThan(odds.indexOf('Associated with fewer promoters'));
      // The heatmap and the emotion shares over time have a row for every emotion.
      const heatRows = await page.locator('#by-channel table.heat tbody tr td:first-child').allTextContents();
      expect(heatRows.sort()).toEqual(report.emotions.map((e) => e.emotion).sort());
      // Whiskers cut at the axis end with an arrow: defection's promoter CI runs below 0.001.
      expect(await page.locator('#associations line[marker-start]').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    }, 60_000);
  });
});
