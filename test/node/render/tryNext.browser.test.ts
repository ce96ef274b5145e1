/**
 * The report's "try next" links as a reader follows them: a report built with
 * the playground beside it (as `coldtail start` writes output/), opened from
 * a file in headless Chromium; each link is clicked and the playground must
 * open on the tour step and controls the link promised, with no note and no
 * console error. Needs Debian's chromium (/usr/bin/chromium); without it the
 * test is skipped on a developer's machine, and fails in CI, where it must run.
 *
 * What is checked is what the page makes of the link's address, as it opens; the page's own
 * run is not: its simulation workers are replaced by inert ones, which are never answered,
 * so each page is parsed and set up but simulates nothing (the run, also from a page opened
 * from disk, is test/playground/playground.browser.test.ts's). The test never waited for
 * that run, and each page's workers simulated until the next link's click stopped them:
 * about a third of the CPU of each of the 13 page loads (measured 2026-12-04).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport, reportSection } from '../../../src/charts/report.ts';
import { STORY } from '../../../src/charts/story/order.ts';
import { lessonLink, playgroundLink } from '../../../src/charts/story/playground.ts';
import { TOUR } from '../../../src/playground/tour.ts';
import { keepAliveSweep } from '../../charts/fixtures.ts';
import { copyPlayground } from '../../support/playground.ts';

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
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.warn(`tryNext.browser.test: skipped, ${CHROMIUM} not found`);

/** The form control that shows a URL parameter. */
const CONTROL: Record<string, string> = { reps: 'replications' };

describe.skipIf(skip)('try-next links, followed in Chromium', () => {
  it('open the playground on each section’s scenario, as the link says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldtail-links-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      // The page as globalSetup built it, beside the report as `coldtail start` puts it.
      copyPlayground(join(dir, 'playground'));
      // One section per story experiment (a fixture's numbers under each name): every link shows.
      const names = [...new Set(STORY.map((s) => s.experiment))];
      const sections = names.map((name) => {
        const r = keepAliveSweep();
        return reportSection({ ...r, experiment: { ...r.experiment, name } }, []);
      });
      const report = join(dir, 'report.html');
      writeFileSync(
        report,
        buildReport({ title: 'links', generatedBy: 'test', sections, playground: true }),
      );
      // Each section's suggestions the playground can set, or else its lesson's tour step.
      const expected = STORY.flatMap((s) => {
        const links = s.tryNext
          .map((t) => playgroundLink(s.playground, t))
          .filter((l): l is string => l !== null);
        const lesson = lessonLink(s.playground);
        return links.length > 0 ? links : lesson ? [lesson] : [];
      });
      expect(expected.length).toBeGreaterThan(0);

      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      // Workers that take the page's messages and do nothing (see the top of the file).
      await page.addInitScript(() => {
        globalThis.Worker = class {
          onmessage = null;
          onerror = null;
          postMessage() {}
          terminate() {}
          addEventListener() {}
          removeEventListener() {}
        } as unknown as typeof Worker;
      });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
          problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
      await page.goto(pathToFileURL(report).href);
      const hrefs = await page
        .locator('p.next a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      // Every link the story can give is in the report, in order, and nothing else links.
      expect(hrefs).toEqual(expected);

      for (const [i, href] of hrefs.entries()) {
        // Back to the report, as a reader goes (the report as it was left, if Chromium kept it).
        if (i > 0) await page.goBack();
        expect(page.url()).toBe(pathToFileURL(report).href);
        await page.locator('p.next a').nth(i).click();
        await page.waitForURL(/playground\/index\.html/);
        await page.waitForFunction(() => document.getElementById('status')?.dataset.run === '1');
        const query = new URLSearchParams(href.slice(href.indexOf('?')));
        expect(await page.isHidden('#notes'), `${href}: a note`).toBe(true);
        const tour = Number(query.get('tour'));
        expect(await page.textContent('#tour-title'), href).toBe(TOUR[tour - 1].title);
        for (const [name, value] of query) {
          if (name === 'tour') continue;
          const shown = await page.inputValue(`#c-${CONTROL[name] ?? name}`);
          expect(Number.isNaN(Number(value)) ? shown : Number(shown), `${href}: ${name}`).toBe(
            Number.isNaN(Number(value)) ? value : Number(value),
          );
        }
        // The page keeps the link's settings in its address (nothing was put right).
        expect(new URL(page.url()).search, href).toBe(`?${query.toString()}`);
        expect(problems, href).toEqual([]);
      }
      await page.close();
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
