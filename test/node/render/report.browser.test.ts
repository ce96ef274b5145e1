/**
 * The report as a reader gets it: opened from a file in headless Chromium.
 * Needs Debian's chromium (/usr/bin/chromium); without it the test is skipped
 * on a developer's machine, and fails in CI, where it must run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../../src/charts/chartsFor.ts';
import { buildReport, type ReportChart, reportSection } from '../../../src/charts/report.ts';
import { renderSvg } from '../../../src/node/render/renderSvg.ts';
import { FIXTURES } from '../../charts/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const OUT = resolve(import.meta.dirname, '../../../test-output');
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) {
  console.warn(`report.browser.test: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);
}

async function report(): Promise<{ html: string; charts: number }> {
  const sections = [];
  let charts = 0;
  for (const fixture of Object.values(FIXTURES)) {
    const results = fixture();
    const rendered: ReportChart[] = [];
    for (const c of chartsFor(results)) {
      rendered.push({ name: c.name, title: c.title, svg: await renderSvg(c.spec) });
    }
    charts += rendered.length;
    sections.push(reportSection(results, rendered));
  }
  const html = buildReport({
    title: 'coldtail: chart fixtures',
    generatedBy: 'coldtail test',
    sections,
  });
  return { html, charts };
}

describe('the HTML report in Chromium', () => {
  it.skipIf(skip)('opens without errors, with every chart drawn and visible', async () => {
    const { html, charts } = await report();
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'report.html');
    writeFileSync(file, html);
    const profile = mkdtempSync(join(tmpdir(), 'coldtail-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1000, height: 800 },
    });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
          problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      const boxes = await page.locator('figure .chart > svg').evaluateAll((svgs) =>
        svgs.map((s) => {
          const r = s.getBoundingClientRect();
          return { width: r.width, height: r.height };
        }),
      );
      expect(boxes).toHaveLength(charts);
      for (const b of boxes) {
        expect(b.width).toBeGreaterThan(100);
        expect(b.height).toBeGreaterThan(100);
      }
      expect(await page.locator('nav a').count()).toBe(charts + Object.keys(FIXTURES).length);
      expect(await page.locator('table').count()).toBe(Object.keys(FIXTURES).length);
      // Nothing but the page itself was loaded.
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(problems).toEqual([]);

      // On a phone the page does not scroll sideways; wide charts scroll in their box.
      await page.setViewportSize({ width: 390, height: 800 });
      // A string: this project's TypeScript has no DOM library to type a function with.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);

      await page.setViewportSize({ width: 1000, height: 800 });
      await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
