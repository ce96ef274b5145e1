/**
 * The guided tour: the founding article's lessons as steps. Each step sets
 * the controls, shows one chart, says the lesson in a sentence and then one
 * more sentence from the run's own numbers.
 */

import { formatMs, formatShare, formatUsd } from '../charts/format.ts';
import { STAGE_LABEL, STAGE_ORDER } from '../charts/stages.ts';
import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import type { Stage } from '../platform/call.ts';
import { baseState, type PlaygroundState } from './state.ts';

export type TourChart = 'percentileCurves' | 'stageBreakdown' | 'tailPlot' | 'useCaseBudgets';

export interface TourStep {
  title: string;
  /** The lesson, in one sentence. */
  lesson: string;
  /** What the step sets; the rest are the defaults. */
  settings: Partial<PlaygroundState>;
  chart: TourChart;
  /** A sentence from the run's numbers; null when they are missing. */
  say(results: ExperimentResults): string | null;
}

const first = (r: ExperimentResults): PointResult | undefined => r.points[0];
const last = (r: ExperimentResults): PointResult | undefined => r.points[r.points.length - 1];

/**
 * Root requests per second in a point's measured window, counted in the run. A step's
 * settings are only where it starts: a "try next" link or the form changes them while the
 * step is shown, and its sentence reads the run rather than the step's own values.
 */
function arrivalRate(r: ExperimentResults, p: PointResult): number | null {
  const seconds = (r.replications * (r.duration - r.warmup)) / 1000;
  return seconds > 0 && p.calls.arrivals > 0 ? p.calls.arrivals / seconds : null;
}

/** The stage that takes the most time near a percentile of a point. */
function biggestStage(p: PointResult, at: 'p50' | 'p99'): { stage: Stage; ms: number } | null {
  const b = p.breakdown[at];
  if (!b) return null;
  let best: Stage | null = null;
  for (const s of STAGE_ORDER) if (best === null || b[s] > b[best]) best = s;
  return best === null ? null : { stage: best, ms: b[best] };
}

export const TOUR: readonly TourStep[] = [
  {
    title: 'Percentiles, not means',
    lesson:
      'A mean hides the slow requests that people remember; percentiles tell how slow the slowest 1% or 0.1% of requests are.',
    settings: { depth: 1 },
    chart: 'tailPlot',
    say(r) {
      const p = first(r);
      const e = p?.endToEnd;
      if (!e || e.mean.value === null || e.p99.value === null || e.p999.value === null) return null;
      return `In this run the mean is ${formatMs(e.mean.value)}, yet 1 request in 100 takes longer than ${formatMs(e.p99.value)} and 1 in 1,000 longer than ${formatMs(e.p999.value)}.`;
    },
  },
  {
    title: 'The invocation path and its stages',
    lesson:
      "A call crosses the internet, the gateway, the cloud's network and the platform's scheduler before the function runs: each stage adds its own time and its own tail.",
    settings: { depth: 1 },
    chart: 'stageBreakdown',
    say(r) {
      const p = first(r);
      const a = p && biggestStage(p, 'p50');
      const b = p && biggestStage(p, 'p99');
      if (!a || !b) return null;
      return `Near the median the largest stage is ${STAGE_LABEL[a.stage]} (${formatMs(a.ms)}); near the p99 it is ${STAGE_LABEL[b.stage]} (${formatMs(b.ms)}).`;
    },
  },
  {
    title: "Geography and the client's network",
    lesson:
      'Where the caller sits and how it connects can cost more than the whole platform: a phone on 4G pays for its radio link on every request.',
    settings: { depth: 1, client: 'mobile-4g' },
    chart: 'stageBreakdown',
    say(r) {
      const b = first(r)?.breakdown.p50;
      if (!b || !(b.latency > 0)) return null;
      return `From this client the internet hop alone is ${formatMs(b.internet)} of the ${formatMs(b.latency)} a typical request takes (${formatShare(b.internet / b.latency)}).`;
    },
  },
  {
    title: 'Warm versus cold',
    lesson:
      'A call that finds no idle instance waits for a new one to start: a cold start, often ten times a warm call. Rarely called functions meet them most.',
    settings: { depth: 1, rate: 0.01, duration: 600, keepAlive: 2 },
    chart: 'tailPlot',
    say(r) {
      const p = first(r);
      const rate = p && arrivalRate(r, p);
      if (!p || !rate || p.cold.share.value === null || p.endToEnd.p50.value === null) return null;
      // The keep-alive is not in the results: the form names it. The rate is counted, so
      // it is near the one set, not equal to it: "in this run" says so.
      return `In this run a request came every ${formatMs(1000 / rate)} on average, and ${formatShare(p.cold.share.value)} of requests were cold: the median is ${formatMs(p.endToEnd.p50.value)}, the p99 ${formatMs(p.endToEnd.p99.value)}.`;
    },
  },
  {
    title: 'Scaling from 0 to 1 and from n to n + m',
    lesson:
      'A busy function still meets cold starts: whenever more requests overlap than there are idle instances the pool grows by a new, cold instance, and a short keep-alive shrinks it again between the peaks.',
    settings: { depth: 1, rate: 20, p50: 50, p99: 150, keepAlive: 0.05 },
    chart: 'stageBreakdown',
    say(r) {
      const p = first(r);
      const b = p?.breakdown.p99;
      const rate = p && arrivalRate(r, p);
      if (!p || !b || !rate || p.cold.share.value === null) return null;
      return `In this run, at ${Number(rate.toPrecision(3))} requests/s, the pool held ${p.instances.mean.toFixed(1)} instances on average, yet ${p.cold.coldStarts.toLocaleString('en-US')} started in the measured window and ${formatShare(p.cold.share.value)} of requests met a cold start: near the p99 it is ${formatMs(b.coldStart)} of ${formatMs(b.latency)}.`;
    },
  },
  {
    title: 'Warmers and what they cost',
    lesson:
      'A scheduled ping keeps an instance from being reclaimed, so the rare real call finds it warm; every ping is billed.',
    settings: { depth: 1, rate: 0.002, duration: 2880, warmers: true, warmerPeriod: 5 },
    chart: 'tailPlot',
    say(r) {
      const p = first(r);
      if (!p?.warmers || p.cold.share.value === null) return null;
      const perMonth = (p.warmers.usd / ((r.duration - r.warmup) / 3_600_000)) * 730;
      // The period is not in the results (and pings may be jittered): the form names it.
      return `With the warmer on, ${formatShare(p.cold.share.value)} of real requests were cold; its ${p.warmers.calls.toLocaleString('en-US')} pings cost ${formatUsd(perMonth)} a month at this rate.`;
    },
  },
  {
    title: 'Use-case latency budgets',
    lesson:
      'Whether a latency is good depends on the use: 100 ms feels instantaneous, 1 s keeps the flow of thought, 10 s keeps attention.',
    settings: {},
    chart: 'useCaseBudgets',
    say(r) {
      const fits = r.points.filter(
        (p) => p.endToEnd.p99.value !== null && p.endToEnd.p99.value <= 100,
      );
      const n = fits.length;
      return `${n} of the ${r.points.length} chain depths ${n === 1 ? 'keeps its' : 'keep their'} p99 within the 100 ms that feels instantaneous.`;
    },
  },
  {
    title: 'Chains compound the tail',
    lesson:
      'Every link of a chain pays the platform overhead again, so the median grows in steps and the p99 grows with it.',
    settings: { depth: 10, duration: 4 },
    chart: 'percentileCurves',
    say(r) {
      const a = first(r)?.endToEnd.p99.value;
      const b = last(r)?.endToEnd.p99.value;
      if (a == null || b == null) return null;
      return `The p99 is ${formatMs(a)} for one function and ${formatMs(b)} for a chain of ${r.points.length}.`;
    },
  },
  {
    title: 'Fan-out: the tail at scale',
    lesson:
      'A request that waits for n parallel calls is as slow as the slowest of them: with enough calls, the rare slow call is in almost every request.',
    settings: { graph: 'fanOut', width: 100, waitFor: 0, rate: 2, p50: 5, p99: 200 },
    chart: 'percentileCurves',
    say(r) {
      const a = first(r)?.endToEnd;
      const b = last(r)?.endToEnd;
      if (!a || !b || a.p99.value === null || b.p50.value === null) return null;
      return `One call's p99 is ${formatMs(a.p99.value)}; waiting for ${last(r)!.params['graph.fanOut.width']} calls, the median request already takes ${formatMs(b.p50.value)}.`;
    },
  },
  {
    title: 'What a latency-optimised platform changes',
    lesson:
      "A platform built for latency keeps its overhead per call small, so chains and fan-outs cost little more than the functions' own work.",
    settings: { platform: 'article-2019-managed', compare: 'article-2019-latency-optimised' },
    chart: 'percentileCurves',
    say(r) {
      const depth = Math.max(...r.points.map((p) => Number(p.params['graph.chain.depth'] ?? 0)));
      const at = (platform: string) =>
        r.points.find(
          (p) => p.params.platform === platform && p.params['graph.chain.depth'] === depth,
        )?.endToEnd.p99.value;
      const a = at('article-2019-managed');
      const b = at('article-2019-latency-optimised');
      if (a == null || b == null) return null;
      return `At a depth of ${depth}, the p99 is ${formatMs(a)} on the managed platform and ${formatMs(b)} on the latency-optimised one.`;
    },
  },
];

/** Each step's settings, over the defaults, as the URL reads them. */
export const TOUR_SETTINGS = TOUR.map((s) => s.settings);

/** The settings of a tour step: the defaults, then the step's own. */
export function tourState(step: number): PlaygroundState {
  return baseState(step, TOUR_SETTINGS);
}
