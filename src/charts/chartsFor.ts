/**
 * Picks the charts that make sense for an experiment, from the shape of its
 * sweep and what its results hold; an experiment file can name its charts
 * instead (hints.charts), in the order it wants them, each by its name or as
 * {"name": "fanOutSlowShare", "options": {"thresholdMs": 500, "p": 0.01}}.
 */
import {
  CHART_NAMES,
  type ChartName,
  type ChartOptionsSpec,
  chartOptionsOf,
} from '../experiments/chartsSpec.ts';
import type { ExperimentResults } from '../experiments/results.ts';
import { suggestion } from '../spec/didYouMean.ts';
import { SpecError } from '../spec/specError.ts';
import { displayName, matchNumericAxis, measuredPoints, numericAxes } from './axes.ts';
import { type BurstTimelineOptions, burstTimeline } from './burstTimeline.ts';
import { CALLER_AXIS, type ClientTradeOptions, clientTrade } from './clientTrade.ts';
import { FAN_OUT_AXIS, type FanOutSlowShareOptions, fanOutSlowShare } from './fanOutSlowShare.ts';
import {
  defaultMeasure,
  KEEP_ALIVE_AXIS,
  type KeepAliveCostOptions,
  keepAliveCost,
} from './keepAliveCost.ts';
import { type KeepAliveParetoOptions, keepAlivePareto } from './keepAlivePareto.ts';
import { type DistributionOptions, latencyCdf } from './latencyCdf.ts';
import { type PercentileCurvesOptions, percentileCurves } from './percentileCurves.ts';
import { MEMORY_AXIS, type PowerTuningOptions, powerTuning } from './powerTuning.ts';
import { type StageBreakdownOptions, stageBreakdown } from './stageBreakdown.ts';
import { tailPlot } from './tailPlot.ts';
import type { ChartEntry } from './types.ts';
import { type UseCaseBudgetsOptions, useCaseBudgets } from './useCaseBudgets.ts';
import { inWords } from './words.ts';

export { CHART_NAMES, type ChartName };

/** Options per chart, passed to its builder. */
export interface ChartOptions {
  percentileCurves?: PercentileCurvesOptions;
  latencyCdf?: DistributionOptions;
  tailPlot?: DistributionOptions;
  stageBreakdown?: StageBreakdownOptions;
  burstTimeline?: BurstTimelineOptions;
  fanOutSlowShare?: FanOutSlowShareOptions;
  keepAliveCost?: KeepAliveCostOptions;
  keepAlivePareto?: KeepAliveParetoOptions;
  useCaseBudgets?: UseCaseBudgetsOptions;
  powerTuning?: PowerTuningOptions;
  clientTrade?: ClientTradeOptions;
}

/** A chart as an experiment file names it: its name, or its name and options (plain JSON). */
export type ChartRequest = string | { readonly name: string; readonly options?: unknown };

export interface ChartHints {
  /** The charts to draw, in order; default: chosen from the axes and the results. */
  charts?: readonly ChartRequest[];
  /** Options per chart; a chart's own options in `charts` override these. */
  options?: ChartOptions;
}

/** A report with a dozen burst panels is no longer read: the first few tell the story. */
const MAX_TIMELINES = 4;

export function chartsFor(raw: ExperimentResults, hints: ChartHints = {}): ChartEntry[] {
  // Axes and points named in words with units, not by the file's field names.
  const results = inWords(raw);
  const names = hints.charts ? checked(hints.charts) : chosen(results);
  const opts = chartOptions(hints);
  const out: ChartEntry[] = [];
  for (const name of names) {
    // A named chart the data cannot support is skipped, not drawn empty.
    if (undrawable(results, name) !== null) continue;
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
      case 'keepAliveCost': {
        const cost = opts.keepAliveCost?.cost ?? defaultMeasure(results.points);
        const title = {
          memory: 'Cold starts against the memory kept alive',
          warmers: 'Cold starts against what the warmer pings cost',
          usdPerMillionRoots: 'Cold starts against the cost per request',
          usd: 'Cold starts against the cost of the run',
        }[cost];
        out.push({ name, title, spec: keepAliveCost(results, opts.keepAliveCost) });
        break;
      }
      case 'keepAlivePareto':
        // A region's measure needs the functions summary: without it, nothing to draw.
        if (opts.keepAlivePareto?.measure === 'p75Function' && !hasFunctions(results)) break;
        out.push({
          name,
          title: 'Cold starts against wasted memory time',
          spec: keepAlivePareto(results, opts.keepAlivePareto),
        });
        break;
      case 'powerTuning':
        out.push({
          name,
          title: 'Power tuning: latency against cost by memory size',
          spec: powerTuning(results, opts.powerTuning),
        });
        break;
      case 'clientTrade':
        out.push({
          name,
          title: "The caller's trade: tail latency against calls per request",
          spec: clientTrade(results, opts.clientTrade),
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
  if (matchNumericAxis(results, MEMORY_AXIS)) out.push('powerTuning');
  if (results.axes.some((a) => CALLER_AXIS.test(a.path))) out.push('clientTrade');
  out.push('burstTimeline');
  // Without a numeric sweep the points are compared side by side: the whole
  // distribution and the budgets say more than a line through two points.
  if (numeric.length === 0) out.push('useCaseBudgets', 'latencyCdf');
  out.push('tailPlot', 'stageBreakdown');
  return out;
}

/**
 * Why the results cannot support chart `name`, in words, or null when they can. A chart
 * that cannot be drawn is skipped, not drawn empty; `coldtail chart` says why.
 */
export function undrawable(results: ExperimentResults, name: ChartName): string | null {
  const measured = measuredPoints(results);
  const none =
    results.points.length === 0
      ? 'the results hold no point: the run stopped before any ended'
      : 'no point completed a call';
  const axes = results.axes.map((a) => a.path).join(', ');
  switch (name) {
    case 'percentileCurves':
      if (results.axes.length === 0) return 'it draws along a sweep, and the results have none';
      return measured.length > 0 ? null : none;
    case 'latencyCdf':
    case 'tailPlot':
      return measured.some((p) => p.cdf.length > 0) ? null : none;
    case 'stageBreakdown':
      return results.points.some((p) => p.breakdown.p50 !== null || p.breakdown.p99 !== null)
        ? null
        : none;
    case 'burstTimeline':
      return results.points.some((p) => p.timeline !== null && p.timeline.t.length > 0)
        ? null
        : 'no point has a timeline (an experiment records one with "timeline": {"window": ...})';
    case 'fanOutSlowShare':
    case 'keepAliveCost':
      if (numericAxes(results).length === 0) {
        return `it needs a sweep axis with numeric values (${axes ? `axes: ${axes}` : 'no sweep'})`;
      }
      return measured.length > 0 ? null : none;
    case 'powerTuning':
      if (numericAxes(results).length === 0) {
        return `it needs a sweep over memory sizes (${axes ? `axes: ${axes}` : 'no sweep'})`;
      }
      return measured.length > 0 ? null : none;
    case 'clientTrade':
      if (results.axes.length === 0) return 'it compares sweep points, and the results have none';
      return measured.length > 0 ? null : none;
    case 'useCaseBudgets':
      return results.points.length > 0 ? null : none;
    case 'keepAlivePareto':
      if (!results.points.some((p) => p.cost.idleGbSeconds !== undefined)) {
        return 'the results have no idle memory time (written before it was measured)';
      }
      return measured.length > 0 ? null : none;
  }
}

/** Whether any point has a functions summary (a population, a trace replayed by function). */
function hasFunctions(results: ExperimentResults): boolean {
  return results.points.some((p) => p.functions !== undefined);
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

/** A chart list or a chart's options that cannot be drawn as asked: the asker's input. */
export class ChartRequestError extends Error {}

function checked(requests: readonly ChartRequest[]): ChartName[] {
  const names = requests.map((r) => chartName(typeof r === 'string' ? r : r?.name));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new ChartRequestError(`chart "${twice}" is listed twice`);
  return names;
}

function chartName(n: unknown): ChartName {
  if (typeof n !== 'string')
    throw new ChartRequestError('a chart is a name, or an object with a "name"');
  if ((CHART_NAMES as readonly string[]).includes(n)) return n as ChartName;
  throw new ChartRequestError(
    `unknown chart "${n}"${suggestion(n, CHART_NAMES)} (charts: ${CHART_NAMES.join(', ')})`,
  );
}

/**
 * The options each chart is drawn with: hints.options, overridden by those
 * an entry of hints.charts gives, checked by the experiment file's schema of
 * chart options (src/experiments/chartsSpec.ts). The report's narrative reads
 * them too, so that text and chart agree.
 */
export function chartOptions(hints: ChartHints = {}): ChartOptions {
  try {
    return chartOptionsOf(hints.charts, hints.options as ChartOptionsSpec) as ChartOptions;
  } catch (e) {
    if (e instanceof SpecError) throw new ChartRequestError(e.message);
    throw e;
  }
}

// Every option an experiment file may give a chart is one that chart takes: this fails to
// compile when the schema and a chart's options type part ways.
const _optionsFit: ChartOptions = {} as ChartOptionsSpec;
void _optionsFit;
