/**
 * The playground in headless Chromium: from a control change to the updated
 * charts, for the default scenario (a chain of depth 1 to 6, about 1e5 root
 * calls in all), and the simulation's speed in the page's workers against
 * Node's on the same experiment. Rounds alternate between the browser and
 * Node, and each side is summarised by its median round, so that a slow
 * moment of a shared machine hits both alike.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { estimateWork } from '../../../src/experiments/estimate.ts';
import { prepareExperiment } from '../../../src/experiments/prepare.ts';
import { headerOf, runUnit, unitsOf } from '../../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../../src/models/registry.ts';
import { buildPlayground } from '../../../src/node/buildPlayground.ts';
import { experimentOf } from '../../../src/playground/experiment.ts';
import { DEFAULT_STATE } from '../../../src/playground/state.ts';
import { serveStatic } from '../../playground/staticServer.ts';
import type { BenchCase } from './index.ts';

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
const ROUNDS = 7;

interface RunTiming {
  changedAt: number;
  firstChartsAt?: number;
  finalChartsAt?: number;
  finalResultsAt?: number;
  simulationMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const playgroundSpeed: BenchCase = {
  name: 'playground: control change to charts, browser vs Node simulation',
  async run() {
    if (!existsSync(CHROMIUM)) {
      return { json: { playground: null }, text: `playground: skipped, ${CHROMIUM} not found` };
    }
    const dir = join('test-output', 'bench-playground');
    await buildPlayground(dir);
    const server = await serveStatic(dir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const models = presetRegistry();
    try {
      const problems: string[] = [];
      const open = async (workers?: number) => {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        // One worker, for the per-core comparison with one Node thread: two workers and
        // Node would not share the 2 cores alike.
        if (workers !== undefined)
          await page.addInitScript(
            `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${workers} })`,
          );
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(server.url);
        await settled(page); // the first run warms the workers' JIT up
        return page;
      };
      const settled = (page: Page) =>
        page.waitForFunction(
          () => {
            const s = document.getElementById('status');
            return s?.dataset.state === 'final' && s.dataset.shown === s.dataset.run;
          },
          undefined,
          { timeout: 300_000, polling: 20 },
        );
      /** Changes the seed control (the same work, a new run) and returns the run's timings. */
      const change = async (page: Page, round: number): Promise<RunTiming> => {
        await page.fill('#c-seed', String(DEFAULT_STATE.seed + round + 1));
        await page.press('#c-seed', 'Tab');
        await page.waitForFunction(
          (n) => document.getElementById('status')?.dataset.run === String(n),
          round + 2,
        );
        await settled(page);
        return page.evaluate(
          () =>
            (globalThis as unknown as { coldtail: { timings: RunTiming[] } }).coldtail.timings.at(
              -1,
            )!,
        );
      };
      const page = await open();
      const single = await open(1);
      const first: number[] = [];
      const final: number[] = [];
      const results: number[] = [];
      const browserSim: number[] = [];
      const nodeSim: number[] = [];
      let calls = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const t = await change(page, round);
        first.push(t.firstChartsAt! - t.changedAt);
        final.push(t.finalChartsAt! - t.changedAt);
        results.push(t.finalResultsAt! - t.changedAt);
        browserSim.push((await change(single, round)).simulationMs);

        // Node, the same experiment, unit by unit on one thread (the page's worker also times units).
        const seed = DEFAULT_STATE.seed + round + 1;
        const prepared = prepareExperiment(experimentOf({ ...DEFAULT_STATE, seed }), { models });
        calls = estimateWork(prepared).calls;
        const t0 = performance.now();
        for (const unit of unitsOf(headerOf(prepared))) runUnit(prepared, unit);
        nodeSim.push(performance.now() - t0);
      }
      const b = median(browserSim);
      const n = median(nodeSim);
      const ratio = n / b;
      const json = {
        playground: {
          rounds: ROUNDS,
          calls: Math.round(calls),
          firstChartsMsMedian: Math.round(median(first)),
          finalChartsMsMedian: Math.round(median(final)),
          finalResultsMsMedian: Math.round(median(results)),
          browserCallsPerSecond: Math.round(calls / (b / 1000)),
          nodeCallsPerSecond: Math.round(calls / (n / 1000)),
          browserToNode: Number(ratio.toFixed(2)),
          pageErrors: problems.length,
        },
      };
      const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
      return {
        json,
        text: [
          `Playground, default scenario (chain depth 1 to 6, ${fmt(calls)} calls expected), median of ${ROUNDS} seed changes:`,
          `  control change to first charts ${fmt(median(first))} ms, to final charts ${fmt(median(final))} ms (target: under 500 ms; the last results arrive at ${fmt(median(results))} ms)`,
          `  simulation on one core (one worker, one Node thread): browser ${fmt(calls / (b / 1000))} calls/s, Node ${fmt(calls / (n / 1000))} calls/s: ${(ratio * 100).toFixed(0)}% (target >= 70%)`,
          ...(problems.length > 0 ? [`  page errors: ${problems.join('; ')}`] : []),
        ].join('\n'),
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
