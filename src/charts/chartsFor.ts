/**
 * Picks the charts that make sense for an experiment, from the shape of its
 * sweep and what its results hold; an experiment file can name its charts
 * instead (hints.charts), in the order it wants them.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import { suggestion } from '../spec/didYouMean.ts';
import { displayName, matchNumericAxis, measuredPoints, numericAxes } from './axes.ts';
import { type BurstTimelineOptions, burstTimeline } from './burstTimeline.ts';
import { FAN_OUT_AXIS, type FanOutSlowShareOptions, fanOutSlowShare } from './fanOutSlowShare.ts';
import { KEEP_ALIVE_AXIS, type KeepAliveCostOptions, keepAliveCost } from './keepAliveCost.ts';
import { type DistributionOptions, latencyCdf } from './latencyCdf.ts';
import { type PercentileCurvesOptions, percentileCurves } from './percentileCurves.ts';
import { type StageBreakdownOptions, stageBreakdown } from './stageBreakdown.ts';
import { tailPlot } from './tailPlot.ts';
import type { ChartEntry } from './types.ts';
import { type UseCaseBudgetsOptions, useCaseBudgets } from './useCaseBudgets.ts';

export const CHART_NAMES = [
  'percentileCurves',
  'latencyCdf',
  'tailPlot',
  'stageBreakdown',
  'burstTimeline',
  'fanOutSlowShare',
  'keepAliveCost',
  'useCaseBudgets',
] as const;
export type ChartName = (typeof CHART_NAMES)[number];

export interface ChartHints {
  /** The charts to draw, in order; default: chosen from the axes and the results. */
  charts?: readonly string[];
  /** Options per chart, passed to its builder. */
  options?: {
    percentileCurves?: PercentileCurvesOptions;
    latencyCdf?: DistributionOptions;
    tailPlot?: DistributionOptions;
    stageBreakdown?: StageBreakdownOptions;
    burstTimeline?: BurstTimelineOptions;
    fanOutSlowShare?: FanOutSlowShareOptions;
    keepAliveCost?: KeepAliveCostOptions;
    useCaseBudgets?: UseCaseBudgetsOptions;
  };
}

/** A report with a dozen burst panels is no longer read: the first few tell the story. */
const MAX_TIMELINES = 4;

export function chartsFor(results: ExperimentResults, hints: ChartHints = {}): ChartEntry[] {
  const names = hints.charts ? checked(hints.charts) : chosen(results);
  const opts = hints.options ?? {};
  const out: ChartEntry[] = [];
  for (const name of names) {
    // A named chart the data cannot support is skipped, not drawn empty.
    if (!drawable(results, name)) continue;
    switch (name) {
      case 'percentileCurves': {
        const spec = percentileCurves(results, opts.percentileCurves);
        out.push({ name, title: 'Percentiles along the sweep', spec });
        break;
      }
      case 'latencyCdf':
        out.push({
          name,
          title: 'Latency distribution (CDF)',
          spec: latencyCdf(results, opts.latencyCdf),
        });
        break;
      case 'tailPlot':
        out.push({ name, title: 'The tail, log–log', spec: tailPlot(results, opts.tailPlot) });
        break;
      case 'stageBreakdown':
        out.push({
          name,
          title: 'Where the time goes',
          spec: stageBreakdown(results, opts.stageBreakdown),
        });
        break;
      case 'burstTimeline':
        out.push(...timelines(results, opts.burstTimeline));
        break;
      case 'fanOutSlowShare':
        out.push({
          name,
          title: 'Slow requests against fan-out',
          spec: fanOutSlowShare(results, opts.fanOutSlowShare),
        });
        break;
      case 'keepAliveCost':
        out.push({
          name,
          title: 'Cold starts and cost against keep-alive',
          spec: keepAliveCost(results, opts.keepAliveCost),
        });
        break;
      case 'useCaseBudgets':
        out.push({
          name,
          title: 'Latency budgets by use case',
          spec: useCaseBudgets(results, opts.useCaseBudgets),
        });
        break;
    }
  }
  return out;
}

/** The default choice, from the axes: see the module comment of each chart for what it shows. */
function chosen(results: ExperimentResults): ChartName[] {
  const numeric = numericAxes(results);
  const out: ChartName[] = [];
  if (numeric.length > 0) out.push('percentileCurves');
  if (matchNumericAxis(results, FAN_OUT_AXIS)) out.push('fanOutSlowShare');
  if (matchNumericAxis(results, KEEP_ALIVE_AXIS)) out.push('keepAliveCost');
  out.push('burstTimeline');
  // Without a numeric sweep the points are compared side by side: the whole
  // distribution and the budgets say more than a line through two points.
  if (numeric.length === 0) out.push('useCaseBudgets', 'latencyCdf');
  out.push('tailPlot', 'stageBreakdown');
  return out;
}

function drawable(results: ExperimentResults, name: ChartName): boolean {
  const measured = measuredPoints(results);
  switch (name) {
    case 'percentileCurves':
      return results.axes.length > 0 && measured.length > 0;
    case 'latencyCdf':
    case 'tailPlot':
      return measured.some((p) => p.cdf.length > 0);
    case 'stageBreakdown':
      return results.points.some((p) => p.breakdown.p50 !== null || p.breakdown.p99 !== null);
    case 'burstTimeline':
      return results.points.some((p) => p.timeline !== null && p.timeline.t.length > 0);
    case 'fanOutSlowShare':
    case 'keepAliveCost':
      return numericAxes(results).length > 0 && measured.length > 0;
    case 'useCaseBudgets':
      return results.points.length > 0;
  }
}

function timelines(results: ExperimentResults, options: BurstTimelineOptions = {}): ChartEntry[] {
  const points =
    options.point !== undefined
      ? results.points.filter((p) => p.index === options.point)
      : results.points.filter((p) => p.timeline !== null).slice(0, MAX_TIMELINES);
  return points
    .filter((p) => p.timeline !== null)
    .map((p) => {
      const one = points.length === 1;
      return {
        name: one ? 'burstTimeline' : `burstTimeline-${p.index}`,
        title: one ? 'Over time' : `Over time: ${displayName(results, p)}`,
        spec: burstTimeline(results, { point: p.index }),
      };
    });
}

function checked(names: readonly string[]): ChartName[] {
  return names.map((n) => {
    if ((CHART_NAMES as readonly string[]).includes(n)) return n as ChartName;
    throw new Error(
      `unknown chart "${n}"${suggestion(n, CHART_NAMES)} (charts: ${CHART_NAMES.join(', ')})`,
    );
  });
}
