/**
 * The report as a reader gets it: opened from a file in headless Chromium, at
 * the report's width (1,400 px) and a narrower one (800 px). Needs Debian's
 * chromium (/usr/bin/chromium); without it the test is skipped on a
 * developer's machine, and fails in CI (CI=true), where it must run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../../src/charts/chartsFor.ts';
import { buildReport, type ReportChart, reportSection } from '../../../src/charts/report.ts';
import { renderSvg } from '../../../src/node/render/renderSvg.ts';
import { FIXTURES, wideSweep } from '../../charts/fixtures.ts';

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
const CI = process.env.CI === 'true' || process.env.CI === '1';
const SHIPPED = process.env.COLDTAIL_REPORT;
const skip = !existsSync(CHROMIUM) && !CI;
if (skip) {
  console.warn(`report.browser.test: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);
}

/** Field names of experiment files that must never reach a reader's eyes. */
const RAW_NAMES = [
  'perSecond',
  'keepAlive',
  'platformOverrides',
  'fanOut',
  'graph.',
  'warmers.',
  'workload.',
  'coldStart',
  'hopsCold',
  'usdPerMillionRoots',
  'instanceGbSeconds',
  'base=',
  'period=',
  'depth=',
  'width=',
  'platform=',
];

/** A unit in an axis title or in its tick labels. */
const UNIT = /\b(ms|µs|s|min|h|MB|GB-s|USD)\b|%|\$|\(|calls|requests|instances|functions/;

async function report(): Promise<{ html: string; charts: number }> {
  const sections = [];
  let charts = 0;
  const all = [...Object.values(FIXTURES).map((f) => f()), wideSweep(40)];
  for (const results of all) {
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

interface Measured {
  column: { left: number; right: number };
  boxes: { what: string; left: number; right: number; scroll: number; client: number }[];
  charts: {
    width: number;
    natural: number;
    smallestFont: number;
    axes: { title: string; labels: string[] }[];
  }[];
  text: string;
}

// Strings, not functions: this project's TypeScript has no DOM library to type them with.
const OPEN_ALL = "document.querySelectorAll('details').forEach((d) => { d.open = true; })";
const MEASURE = `(() => {
  const main = document.querySelector('main');
  const cs = getComputedStyle(main);
  const r = main.getBoundingClientRect();
  const column = { left: r.left + parseFloat(cs.paddingLeft), right: r.right - parseFloat(cs.paddingRight) };
  const boxes = [...document.querySelectorAll('main .chart, main .table-wrap, main table')].map((e) => {
    const b = e.getBoundingClientRect();
    return { what: e.className || e.tagName, left: b.left, right: b.right, scroll: e.scrollWidth, client: e.clientWidth };
  });
  const charts = [...document.querySelectorAll('figure .chart > svg')].map((svg) => {
    const width = svg.getBoundingClientRect().width;
    const natural = parseFloat(svg.getAttribute('width'));
    const scale = width / natural;
    let smallestFont = Infinity;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < smallestFont) smallestFont = size;
    }
    const axes = [...svg.querySelectorAll('g.role-axis')].map((a) => ({
      title: [...a.querySelectorAll('.role-axis-title text')].map((t) => t.textContent).join(' '),
      labels: [...a.querySelectorAll('.role-axis-label text')].map((t) => t.textContent),
    }));
    return { width, natural, smallestFont, axes };
  });
  const svgText = [...document.querySelectorAll('svg text')].map((t) => t.textContent).join(' ');
  return { column, boxes, charts, text: document.body.innerText + ' ' + svgText };
})()`;

async function measure(page: Page, width: number): Promise<Measured> {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(OPEN_ALL);
  return page.evaluate<Measured>(MEASURE);
}

describe('the HTML report in Chromium', () => {
  it.runIf(CI)('has Chromium to run with in CI', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is needed in CI`).toBe(true);
  });

  it.skipIf(skip)(
    'fits its column at 1,400 and 800 px, labels every axis with units, and shows no field name',
    async () => {
      const { html, charts } = await report();
      mkdirSync(OUT, { recursive: true });
      const file = join(OUT, 'report.html');
      writeFileSync(file, html);
      await check(file, charts, join(OUT, 'report.png'));
    },
    120_000,
  );

  // The report `npm start` wrote, checked alike: COLDTAIL_REPORT=output/report.html.
  it.skipIf(skip || !SHIPPED)(
    'the report of the shipped experiments passes the same checks',
    async () => {
      await check(resolve(SHIPPED as string), null, join(OUT, 'shipped-report.png'));
    },
    300_000,
  );
});

async function check(file: string, charts: number | null, screenshot: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'coldtail-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    for (const width of [1400, 800]) {
      const m = await measure(page, width);
      if (charts !== null) expect(m.charts).toHaveLength(charts);
      else expect(m.charts.length).toBeGreaterThan(0);
      for (const b of m.boxes) {
        // Nothing sticks out of the column...
        expect(b.left, `${b.what} at ${width}px`).toBeGreaterThanOrEqual(m.column.left - 1);
        expect(b.right, `${b.what} at ${width}px`).toBeLessThanOrEqual(m.column.right + 1);
        // ...and at the report's width nothing needs scrolling sideways to be read.
        if (width === 1400) expect(b.scroll, `${b.what} scrolls`).toBeLessThanOrEqual(b.client + 1);
      }
      for (const [i, c] of m.charts.entries()) {
        expect(c.smallestFont, `chart ${i} at ${width}px`).toBeGreaterThanOrEqual(11 - 0.01);
        const titled = c.axes.filter((a) => a.title.trim() !== '');
        expect(titled.length, `chart ${i} has axis titles`).toBeGreaterThan(0);
        for (const a of titled) {
          // Ticks that are numbers need a unit, in the title or on the ticks; categories do not.
          const numeric = a.labels.length > 0 && a.labels.every((l) => /^[−\-$]?[\d.,]+/.test(l));
          if (numeric) {
            expect(
              `${a.title} ${a.labels.join(' ')}`,
              `chart ${i}: axis "${a.title}" has units`,
            ).toMatch(UNIT);
          }
        }
      }
      for (const raw of RAW_NAMES) expect(m.text, `"${raw}" is visible`).not.toContain(raw);
    }
    // Nothing but the page itself was loaded.
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
    // On a phone the page does not scroll sideways; wide charts scroll in their box.
    await page.setViewportSize({ width: 390, height: 800 });
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: screenshot, fullPage: true });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
