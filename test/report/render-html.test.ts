import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/build-report.js';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { importFile } from '../../src/pipeline/import-file.js';
import { renderHtml } from '../../src/report/render-html.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';
import { openTestDb } from '../helpers/open-test-db.js';
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

describe('HTML report in a real browser', () => {
  // In CI a missing browser is a failure (.ci/run installs Debian's chromium); on a laptop without one, a skip.
  it.skipIf(!CHROMIUM && !process.env['CI'])('renders charts and tables, runs no script from feedback, and logs no errors', async () => {
    const dir = tmp.dir();
    const db = openTestDb(dir);
    const hostile = HOSTILE.map((t, i) => `h${i},2025-03-0${i + 1},web,${i % 2 ? 2 : 10},"${t.replace(/"/g, '""')}"`);
    const dump = simulatedDump(400).trimEnd() + '\n' + hostile.join('\n') + '\n';
    await importFile(db, tmp.file('dump.csv', dump), feedbackImport, { invocation: 'h', source: 's', columns: { segments: ['channel'] } });
    const report = buildReport(db, { database: 'hostile.db', filters: {}, by: ['lang', 'channel'], verbatims: 1000 });
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(report));

    const browser = await chromium.launch({ executablePath: CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
      await page.goto(`file://${file}`);
      expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('svg circle').count()).toBeGreaterThan(10);
      expect(await page.locator('table tbody tr').count()).toBeGreaterThan(5);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('body').isVisible()).toBe(true);
      // The hostile markup shows as text, inside the verbatims.
      const text = await page.locator('.verbatims').innerText();
      expect(text).toContain('<script>window.__pwned = 1</script>');
      expect(text).toContain('<img src=x onerror=');
      expect(await page.locator('.verbatims a, .verbatims img').count()).toBe(0);
      expect(await page.locator('mark').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
