/**
 * The playground as a person gets it: the static build (as `npm start` writes
 * it) served by a plain static server, driven in headless Chromium. Needs
 * Debian's chromium (/usr/bin/chromium); without it the tests are skipped on
 * a developer's machine, and fail in CI, where they must run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import type { PointResult } from '../../src/experiments/results.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { TOUR } from '../../src/playground/tour.ts';
import { run } from '../support/cli.ts';
import { PLAYGROUND_DIR } from '../support/playground.ts';
import { serveStatic } from './staticServer.ts';

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
const REPO = resolve(import.meta.dirname, '../..');
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) {
  console.warn(
    `playground.browser.test: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`,
  );
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let indexHtml: string;
/** The one tab the tests open their pages in, one after the other (see the describe below). */
let tab: Page;
/** The current page's console errors, warnings and uncaught exceptions, and its requests. */
let seen: { problems: string[]; requests: string[] } = { problems: [], requests: [] };

/**
 * The page at `url`, loaded anew in the tab, with its console errors, warnings and uncaught
 * exceptions collected, and every request: what this page does, not the one before it.
 */
async function openPage(url: string, width = 1400) {
  await tab.setViewportSize({ width, height: 1000 });
  seen = { problems: [], requests: [] };
  await tab.goto(url);
  return { page: tab, ...seen };
}

/** Waits until the current run has finished and its results are drawn (or it was refused). */
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const s = document.getElementById('status');
      if (!s) return false;
      const state = s.dataset.state;
      if (state === 'refused' || state === 'error') return true;
      return state === 'final' && s.dataset.shown === s.dataset.run;
    },
    undefined,
    { timeout: 110_000, polling: 50 },
  );
  return (await page.getAttribute('#status', 'data-state')) ?? '';
}

async function download(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return readFileSync(path, 'utf8');
}

/** Math functions the simulation uses, on a spread of arguments, as one array (to compare engines). */
function mathProbe(): number[] {
  const out: number[] = [];
  for (let i = 1; i <= 2000; i++) {
    const u = i / 2001;
    const v = (u - 0.5) * 40;
    out.push(Math.exp(v), Math.log(u * 1000), Math.log1p(u), Math.expm1(v / 10), Math.sin(v));
    out.push(Math.cos(v), Math.tan(v), Math.log2(u * 1000), (u * 10) ** (v / 4));
  }
  return out;
}

/**
 * Where two results differ: any text, count or structure; and numbers further
 * apart than a relative 1e-12 (a few bits of a double's 52).
 */
function numbersApart(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    const close = Number.isInteger(a)
      ? a === b
      : Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    if (!close) out.push(`${path}: ${a} vs ${b}`);
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      numbersApart(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
        out,
      );
  } else if (a !== b) {
    out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  return out;
}

const p99Shown = (page: Page) => page.getAttribute('.headline .p99', 'data-ms');

// The tests run one after the other, each loading its page anew in one tab: a page of its own
// per test (a new tab) meant a renderer process that compiled the page's script afresh, about
// 1.8 s of CPU a page where loading it again in the same tab takes 0.8 s; and the ten at once
// in the two cores cost more CPU than one after the other (77 s against 70 s for the file,
// measured back to back, 2026-12-04). The suite is bound by its CPU, not by this file's own
// time: the sequencer starts this file first. Each test's page is a new document (its own run,
// workers, history entries from its own address on), so nothing is shared between the tests but
// the browser, the tab and the static server.
describe.skipIf(skip)('the playground in Chromium', () => {
  beforeAll(async () => {
    // Built once for the whole run by test/support/globalSetup.ts.
    indexHtml = join(PLAYGROUND_DIR, 'index.html');
    server = await serveStatic(PLAYGROUND_DIR);
    // Playwright starts Chromium with a new empty profile of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    tab = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        seen.problems.push(`${m.type()}: ${m.text()}`);
    });
    tab.on('pageerror', (e) => seen.problems.push(`exception: ${e.message}`));
    tab.on('request', (r) => seen.requests.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads with no console error, fetching nothing but its one file', async () => {
    const { page, problems, requests } = await openPage(`${server.url}?duration=2&reps=2`);
    expect(await settled(page)).toBe('final');
    expect(problems).toEqual([]);
    // Script, styles, fonts and worker are inside index.html (data: and blob: URLs).
    const fetched = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(fetched).toEqual([`${server.url}?duration=2&reps=2`]);
    for (const id of ['chart-curves', 'chart-stages', 'chart-tail']) {
      expect(
        await page
          .locator(`#${id} svg .mark-symbol, #${id} svg .mark-rect, #${id} svg .mark-line`)
          .count(),
        id,
      ).toBeGreaterThan(0);
    }
    expect(await page.locator('#words p').count()).toBeGreaterThan(2);
  });

  it('moves the p99 when a control moves, to the value a Node run of the downloaded experiment gives', async () => {
    const { page, problems } = await openPage(`${server.url}?duration=2&reps=3`);
    await settled(page);
    const before = await p99Shown(page);
    // By keyboard, as a person would: into the field, a new value, Tab away.
    await page.focus('#c-depth');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.getElementById('status')?.dataset.run === '2');
    expect(await settled(page)).toBe('final');
    const after = await p99Shown(page);
    expect(after).not.toBe(before);
    expect(new URL(page.url()).search).toBe('?depth=3&duration=2&reps=3');

    const experimentText = await download(page, '#download-experiment');
    const resultsText = await download(page, '#download-results');
    const experiment = JSON.parse(experimentText);
    expect(experiment.sweep['graph.chain.depth']).toEqual([1, 2, 3]);

    // The library in Node, on the downloaded file: the same bytes where this Chromium's
    // Math.exp, log, sin, cos and pow round as Node's do. Chromium 156 and Node 20 round some
    // results one bit apart, so the same seed draws a few samples one bit apart: percentiles
    // and counts are still the same bytes, means and maxima agree to 1e-12.
    const prepared = prepareExperiment(experiment, { models: presetRegistry() });
    const { results } = runExperiment(prepared);
    const mathAgrees =
      JSON.stringify(await page.evaluate(mathProbe)) === JSON.stringify(mathProbe());
    if (mathAgrees) expect(`${JSON.stringify(results, null, 2)}\n`).toBe(resultsText);
    const page99 = JSON.parse(resultsText).points.map((p: PointResult) => p.endToEnd.p99);
    expect(results.points.map((p) => p.endToEnd.p99)).toEqual(page99);
    expect(String(results.points.at(-1)!.endToEnd.p99.value)).toBe(after);
    expect(numbersApart(JSON.parse(`${JSON.stringify(results)}`), JSON.parse(resultsText))).toEqual(
      [],
    );

    // And `coldtail run` accepts the file and writes the same results.json (through main, in
    // this process: the command's reading and writing is what is checked here, not a process).
    const dir = mkdtempSync(join(tmpdir(), 'coldtail-play-'));
    try {
      const file = join(dir, 'playground.json');
      writeFileSync(file, experimentText);
      const r = await run([
        'run',
        file,
        '--out',
        join(dir, 'out'),
        '--quiet',
        '--no-charts',
        '--threads',
        '2',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const cli = readFileSync(join(dir, 'out', 'results.json'), 'utf8');
      // Node run by the library or by the command: the same bytes.
      expect(cli).toBe(`${JSON.stringify(results, null, 2)}\n`);
      expect(numbersApart(JSON.parse(cli), JSON.parse(resultsText))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  });

  it('cancels a run that a moved control makes stale, and shows only the new one', async () => {
    // Long enough that the first run is still going when the control moves.
    const { page, problems } = await openPage(`${server.url}?duration=120&reps=2`);
    await page.waitForFunction(() => document.getElementById('status')?.dataset.run === '1');
    await page.fill('#c-duration', '1');
    await page.press('#c-duration', 'Enter');
    expect(await settled(page)).toBe('final');
    const state = await page.evaluate(() => {
      const g = globalThis as unknown as {
        coldtail: { timings: { finalResultsAt?: number }[]; workers: { terminated: number } };
      };
      return {
        firstFinished: g.coldtail.timings[0].finalResultsAt !== undefined,
        runs: g.coldtail.timings.length,
        terminated: g.coldtail.workers.terminated,
      };
    });
    expect(state).toEqual({ firstFinished: false, runs: 2, terminated: expect.any(Number) });
    expect(state.terminated).toBeGreaterThan(0);
    // What is shown is the short run's, as Node runs the downloaded experiment.
    const experiment = JSON.parse(await download(page, '#download-experiment'));
    expect(experiment.duration).toBe('1min');
    const { results } = runExperiment(prepareExperiment(experiment, { models: presetRegistry() }));
    expect(await p99Shown(page)).toBe(String(results.points.at(-1)!.endToEnd.p99.value));
    expect(problems).toEqual([]);
  });

  it('draws the chart and says the sentence of every tour step', async () => {
    // Two replications, and 2 simulated minutes where a step keeps the default 6 (a step that
    // sets its own time, such as the rare calls of the cold-start steps, keeps it): the chart and
    // the sentence come from the same code on a run of the step's own kind, with a third of the
    // simulated calls of those steps (21,500 of 63,100 for 'Use-case latency budgets', 41,100 of
    // 121,400 for the fan-out; the tour's simulation 3.3 s of CPU instead of 6.9, 2026-12-04).
    const link = (i: number) =>
      `?tour=${i + 1}&reps=2${TOUR[i].settings.duration === undefined ? '&duration=2' : ''}`;
    const { page, problems } = await openPage(`${server.url}${link(0)}`);
    for (let i = 0; i < TOUR.length; i++) {
      if (i > 0) {
        // Step i + 1's link, followed in the page (as the back and forward buttons do: the page
        // reads its address again) rather than loaded anew: the same settings and run, without
        // parsing the page and starting its worker once per step.
        await page.evaluate((search) => {
          history.pushState(null, '', search);
          dispatchEvent(new PopStateEvent('popstate'));
        }, link(i));
        expect(await page.getAttribute('#status', 'data-run')).toBe(String(i + 1));
      }
      expect(await settled(page), TOUR[i].title).toBe('final');
      expect(await page.textContent('#tour-title')).toBe(TOUR[i].title);
      const marks = await page
        .locator(
          '#chart-tour svg .mark-symbol, #chart-tour svg .mark-rect, #chart-tour svg .mark-line',
        )
        .count();
      expect(marks, TOUR[i].title).toBeGreaterThan(0);
      const say = (await page.textContent('#tour-say')) ?? '';
      expect(say, TOUR[i].title).toMatch(/\d/);
      expect(say).not.toMatch(/NaN|undefined|null/);
    }
    // The buttons go from step to step.
    await page.click('text=← Previous');
    expect(new URL(page.url()).searchParams.get('tour')).toBe(String(TOUR.length - 1));
    expect(problems).toEqual([]);
  });

  it('reproduces a view from its URL, and the back button undoes a change', async () => {
    const query =
      '?client=mobile-4g&platform=google-cloud-functions&compare=aws-lambda-2019&p50=8&p99=40&depth=3&rate=4&keepAlive=5&warmers=3&provisioned=1&duration=2&reps=2&seed=7';
    const { page, problems } = await openPage(`${server.url}${query}`);
    await settled(page);
    expect(new URL(page.url()).search).toBe(query);
    const values = await page.$$eval('#controls input, #controls select', (els) =>
      Object.fromEntries(
        (els as HTMLInputElement[]).map((e) => [
          e.name,
          e.type === 'checkbox' ? String(e.checked) : e.value,
        ]),
      ),
    );
    expect(values).toMatchObject({
      client: 'mobile-4g',
      platform: 'google-cloud-functions',
      compare: 'aws-lambda-2019',
      p50: '8',
      p99: '40',
      depth: '3',
      rate: '4',
      keepAlive: '5',
      warmers: 'true',
      warmerPeriod: '3',
      provisioned: '1',
      duration: '2',
      replications: '2',
      seed: '7',
    });
    // Two platforms side by side: a headline p99 for each.
    expect(await page.locator('.headline .p99').count()).toBe(2);
    const p99 = await p99Shown(page);

    await page.selectOption('#c-client', 'us-metro');
    await page.waitForFunction(() => document.getElementById('status')?.dataset.run === '2');
    expect(new URL(page.url()).searchParams.get('client')).toBe('us-metro');
    await page.goBack();
    await page.waitForFunction(() => document.getElementById('status')?.dataset.run === '3');
    await settled(page);
    expect(new URL(page.url()).search).toBe(query);
    expect(await page.inputValue('#c-client')).toBe('mobile-4g');
    // Same settings, same seed: the same p99 again.
    expect(await p99Shown(page)).toBe(p99);
    expect(problems).toEqual([]);
  });

  it('opens a bad URL with defaults or clamped values and a note saying what changed', async () => {
    const { page, problems } = await openPage(
      `${server.url}?depth=99&colour=red&rate=lots&client=mars&p99=1&duration=2&reps=2`,
    );
    expect(await settled(page)).toBe('final');
    const notes = await page.locator('#notes li').allTextContents();
    expect(notes).toEqual([
      'depth=99 is above 20 functions: using 20',
      'unknown parameter colour was ignored',
      'rate=lots is not a number (in requests/s): using 10',
      expect.stringContaining('client=mars is not one of'),
      expect.stringContaining('the execution p99 (1 ms) must be above its median'),
    ]);
    expect(await page.isVisible('#notes')).toBe(true);
    expect(await page.inputValue('#c-depth')).toBe('20');
    // The URL now says what is shown.
    expect(new URL(page.url()).searchParams.get('depth')).toBe('20');
    expect(problems).toEqual([]);
  });

  it('refuses settings beyond a browser, says what to lower, and still offers the experiment', async () => {
    const { page, problems } = await openPage(`${server.url}?rate=1000&duration=600`);
    expect(await settled(page)).toBe('refused');
    expect(await page.textContent('#status')).toMatch(/Lower the arrival rate.*coldtail run/);
    const experiment = JSON.parse(await download(page, '#download-experiment'));
    expect(experiment.workload.poisson.perSecond).toBe(1000);
    expect(await page.getAttribute('#download-results', 'aria-disabled')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('labels every control, with its unit, and reaches each by keyboard', async () => {
    const { page } = await openPage(`${server.url}?duration=2&reps=2`);
    await settled(page);
    const controls = await page.$$eval('#controls input, #controls select', (els) =>
      (els as HTMLInputElement[])
        .filter((e) => !e.closest('[hidden]'))
        .map((e) => ({ id: e.id, label: e.labels?.[0]?.textContent?.trim() ?? '' })),
    );
    expect(controls.length).toBeGreaterThan(10);
    for (const c of controls) expect(c.label, c.id).not.toBe('');
    const numbers = await page.$$eval('#controls input[type=number]', (els) =>
      els
        .filter((e) => !e.closest('[hidden]'))
        .map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''),
    );
    for (const text of numbers) expect(text).toMatch(/\(.+\)/);
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    for (const c of controls) expect(reached.has(c.id), c.id).toBe(true);
  });

  it('works opened from disk, as the report links to it', async () => {
    const url = `${pathToFileURL(indexHtml).href}?duration=2&reps=2&tour=8`;
    const { page, problems } = await openPage(url, 800);
    expect(await settled(page)).toBe('final');
    expect(await page.locator('#chart-tour svg .mark-line').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('is served by `coldtail play`, which prints its address', async () => {
    const child = spawn(process.execPath, [join(REPO, 'dist/bin/bin.js'), 'play', '--port', '0'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await new Promise<string>((found, fail) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += String(d);
          const m = /coldtail playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) found(m[1]);
        });
        child.on('exit', (code) => fail(new Error(`coldtail play exited (${code}): ${out}`)));
      });
      const { page, problems } = await openPage(`${address}?duration=1&reps=2`);
      expect(await settled(page)).toBe('final');
      expect(await page.locator('.headline .p99').count()).toBe(1);
      expect(problems.filter((p) => !p.includes('[vite]'))).toEqual([]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
