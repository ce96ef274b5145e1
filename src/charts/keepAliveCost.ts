/**
 * The keep-alive trade-off: keeping idle instances longer (or pinging them
 * more often) makes cold starts rarer, and costs something. Both on one
 * chart, each on its own y axis, against the keep-alive or warmer period.
 *
 * What it costs depends on who pays. The customer is billed only while the
 * function runs, so a longer keep-alive leaves the bill flat: its price is
 * the memory the provider keeps alive, idle or not (cost.instanceGbSeconds),
 * and that is what the chart shows by default. Warmer pings are billed
 * invocations: with warmers the chart shows what the pings cost the customer.
 */

import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import {
  type Axis,
  matchNumericAxis,
  NONE,
  numberAt,
  seriesOf,
  seriesOrder,
  seriesTitle,
  xAxisOf,
} from './axes.ts';
import { type ChartKind, numericSweep } from './chartKind.ts';
import { maxOf, minOf } from './extent.ts';
import { formatShare, sig3 } from './format.ts';
import { requireNumeric, sweepX } from './scales.ts';
import { MAX_MARKED, MAX_X, thinAlong } from './spanning.ts';
import { baseConfig, HEIGHT, OKABE_ITO, SCHEMA, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export type KeepAliveCostMeasure = 'memory' | 'warmers' | 'usdPerMillionRoots' | 'usd';

export interface KeepAliveCostOptions {
  /** Path (or name) of the keep-alive or warmer-period axis; default: one named so. */
  x?: string;
  /**
   * The right axis: 'memory', the GB-seconds of instances kept alive per
   * request (the provider's cost; default without warmers); 'warmers', the
   * pings' cost per month (default with warmers); 'usdPerMillionRoots' or
   * 'usd', the customer's whole bill per million requests or per run.
   */
  cost?: KeepAliveCostMeasure;
}

export const KEEP_ALIVE_AXIS = /keep.?alive|warm|idle|period|interval|ttl/i;

const SHARE = 'cold-start share';
const SHARE_COLOR = OKABE_ITO[3];
const COST_COLOR = OKABE_ITO[0];
const MONTH_MS = 30 * 24 * 3_600_000;

/** Per measure: its legend and axis name, its tick format, and the subtitle's words. */
const MEASURES: Record<KeepAliveCostMeasure, { name: string; format: string; what: string }> = {
  memory: {
    name: 'memory kept alive per request (GB-s)',
    format: ',.3~r',
    what: 'the memory the provider keeps alive (busy or idle, billed or not)',
  },
  warmers: {
    name: "warmer pings' cost per month (USD)",
    format: '$,.2~r',
    what: 'what the warmer pings cost the customer',
  },
  usdPerMillionRoots: {
    name: 'cost per million requests (USD)',
    format: '$,.3~r',
    what: "the customer's bill",
  },
  usd: { name: 'cost of the run (USD)', format: '$,.3~r', what: "the customer's bill" },
};

interface Row {
  x: number;
  series: string;
  share: number | null;
  low: number | null;
  high: number | null;
  cost: number | null;
}

export function keepAliveCost(
  results: ExperimentResults,
  options: KeepAliveCostOptions = {},
): VegaLiteSpec {
  const axis = xAxisOf(results, options.x, KEEP_ALIVE_AXIS);
  if (!axis) throw new Error('keepAliveCost: the experiment has no numeric keep-alive axis');
  requireNumeric(axis, 'keepAliveCost');
  const others = results.axes.filter((a) => a !== axis);
  const measure = options.cost ?? defaultMeasure(results.points);
  const { name: costName, format, what: costWhat } = MEASURES[measure];
  // A sweep of thousands of values: lines through a thousand that span it,
  // and no marker per point past a few dozen (they would only be ink).
  const thinned = thinAlong(
    rowsOf(results, axis, others, measure),
    axis.name,
    MAX_X,
    'lines drawn through',
  );
  const rows = thinned.rows;
  const markers = thinned.values <= MAX_MARKED;
  const series = seriesOrder(results.points, others);
  const panels = others.length > 0 && series.length > 1;
  const panelWidth = panels ? 300 : WIDTH;
  const x = sweepX(axis, axis.name, panelWidth);
  const xEnc = { field: 'x', ...x.encoding };
  // Colour, dash and marker shape all tell the two lines apart, so that they
  // still do in greyscale. One field ("what") under all three, with one
  // domain, makes Vega-Lite merge them into a single legend.
  const domain = [SHARE, costName];
  const what = (name: string) => ({ calculate: JSON.stringify(name), as: 'what' });
  const style = {
    color: {
      field: 'what',
      type: 'nominal' as const,
      title: null,
      scale: { domain, range: [SHARE_COLOR, COST_COLOR] },
      // No outline: a dashed one round a symbol reads as noise, the shapes say enough.
      legend: { orient: 'bottom' as const, symbolOpacity: 1, symbolStrokeWidth: 0 },
    },
    strokeDash: {
      field: 'what',
      type: 'nominal' as const,
      title: null,
      scale: {
        domain,
        range: [
          [1, 0],
          [6, 3],
        ],
      },
    },
    ...(markers
      ? {
          shape: {
            field: 'what',
            type: 'nominal' as const,
            title: null,
            scale: { domain, range: ['circle', 'square'] },
          },
        }
      : {}),
  };
  const shareY = {
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: {
      title: 'share of requests with a cold start',
      format: '~%',
      titleColor: SHARE_COLOR,
      tickCount: 5,
    },
  };
  const costs = rows.map((r) => r.cost).filter((c): c is number => c !== null);
  const costMax = costs.length > 0 ? maxOf(costs) : 0;
  const costY = {
    field: 'cost',
    type: 'quantitative' as const,
    // One domain for every panel, so that panels compare at a glance.
    scale: { domain: [0, costMax > 0 ? costMax : 1], nice: true },
    axis: {
      title: costName,
      format,
      titleColor: COST_COLOR,
      orient: 'right' as const,
      tickCount: 5,
      grid: false,
    },
  };
  const line = {
    type: 'line' as const,
    strokeWidth: 2,
    ...(markers ? { point: { filled: true, size: 50 } } : {}),
  };
  // The share and its band share a y scale; the cost has its own.
  const layer = [
    {
      layer: [
        {
          // The 95% interval of the share across replications; absent with one.
          transform: [{ filter: 'datum.low != null && datum.high != null' }],
          mark: { type: 'area' as const, opacity: 0.2, color: SHARE_COLOR },
          encoding: { x: xEnc, y: { ...shareY, field: 'low' }, y2: { field: 'high' } },
        },
        {
          transform: [{ filter: 'datum.share != null' }, what(SHARE)],
          mark: line,
          encoding: { x: xEnc, y: { ...shareY, field: 'share' }, ...style },
        },
      ],
    },
    {
      transform: [{ filter: 'datum.cost != null' }, what(costName)],
      mark: line,
      encoding: { x: xEnc, y: costY, ...style },
    },
  ];
  // Points where the sweep switched the feature off ("none"): a labelled
  // level across the chart, not a made-up position on the x axis.
  const offRows = offRowsOf(results, axis, others);
  if (offRows.length > 0) {
    (layer[0] as { layer: unknown[] }).layer.push(
      {
        data: { values: offRows },
        mark: { type: 'rule' as const, color: SHARE_COLOR, strokeDash: [2, 3], strokeWidth: 1.5 },
        encoding: { y: { ...shareY, field: 'share' } },
      },
      {
        data: { values: offRows },
        mark: {
          type: 'text' as const,
          align: 'right' as const,
          baseline: 'bottom' as const,
          dy: -3,
          fontSize: 11,
          color: SHARE_COLOR,
        },
        encoding: {
          y: { ...shareY, field: 'share' },
          x: { value: panels ? 300 : WIDTH },
          text: { field: 'label' },
        },
      },
    );
  }
  const resolve = { scale: { y: 'independent' as const } };
  const subtitle = [`Cold starts against ${costWhat}`];
  const billed = billedNote(results, axis);
  if (measure === 'memory' && billed) subtitle.push(billed);
  const notes = thinned.note ? [thinned.note] : [];
  const base = {
    $schema: SCHEMA,
    title: chartTitle(results, subtitle, notes),
    config: baseConfig(),
  };
  if (!panels) {
    return {
      ...base,
      data: { values: rows },
      width: WIDTH,
      height: HEIGHT,
      layer,
      resolve,
    } as VegaLiteSpec;
  }
  // One panel per series, concatenated rather than faceted: Vega-Lite cannot
  // facet a layer with independent y scales ("Unrecognized scale name").
  return {
    ...base,
    columns: Math.min(series.length, 2),
    concat: series.map((name) => ({
      title: {
        text: `${seriesTitle(others)}: ${name}`,
        fontSize: 12,
        fontWeight: 'normal' as const,
      },
      width: panelWidth,
      height: HEIGHT - 40,
      data: { values: rows.filter((r) => r.series === name) },
      layer,
      resolve,
    })),
  } as VegaLiteSpec;
}

/** The provider's side without warmers; with them, what the pings cost the customer. */
export function defaultMeasure(points: readonly PointResult[]): KeepAliveCostMeasure {
  return points.some((p) => p.warmers !== null) ? 'warmers' : 'memory';
}

function rowsOf(
  results: ExperimentResults,
  axis: Axis,
  others: readonly Axis[],
  measure: KeepAliveCostMeasure,
): Row[] {
  const rows: Row[] = [];
  for (const pt of results.points) {
    const x = numberAt(pt, axis);
    if (x === null) continue;
    const c = costOf(results, pt, measure);
    rows.push({
      x,
      series: seriesOf(pt, others),
      share: pt.cold.share.value,
      low: pt.cold.share.low,
      high: pt.cold.share.high,
      cost: c !== null && Number.isFinite(c) ? c : null,
    });
  }
  return rows;
}

/** The cold share of the points where the axis' value is "none", with a label in words. */
function offRowsOf(results: ExperimentResults, axis: Axis, others: readonly Axis[]) {
  const what = /warm/i.test(axis.path) ? 'no warmers' : `no ${axis.name}`;
  return results.points
    .filter((pt) => pt.params[axis.path] === NONE && pt.cold.share.value !== null)
    .map((pt) => ({
      series: seriesOf(pt, others),
      share: pt.cold.share.value,
      label: `${what}: ${formatShare(pt.cold.share.value)} of requests cold`,
    }));
}

/** Completed requests per replication: cost fields are means over replications. */
function requestsPerRun(results: ExperimentResults, pt: PointResult): number {
  return pt.calls.completed / Math.max(1, results.replications);
}

export function costOf(
  results: ExperimentResults,
  pt: PointResult,
  measure: KeepAliveCostMeasure,
): number | null {
  switch (measure) {
    case 'memory': {
      const n = requestsPerRun(results, pt);
      return n > 0 ? pt.cost.instanceGbSeconds / n : null;
    }
    case 'warmers': {
      const window = results.duration - results.warmup;
      if (pt.warmers === null || !(window > 0)) return null;
      return (pt.warmers.usd * MONTH_MS) / window;
    }
    case 'usdPerMillionRoots':
      return pt.cost.usdPerMillionRoots;
    case 'usd':
      return pt.cost.usd;
  }
}

/**
 * "The customer is billed 0.000744 GB-s per request at every keep-alive;
 * idle time is free", when the billed GB-seconds per request are
 * the same (within 5%) all along the axis; null otherwise.
 */
function billedNote(results: ExperimentResults, axis: Axis): string | null {
  const billed = results.points
    .map((p) => {
      const n = requestsPerRun(results, p);
      return n > 0 ? p.cost.gbSeconds / n : null;
    })
    .filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  if (billed.length === 0) return null;
  const lo = minOf(billed);
  const hi = maxOf(billed);
  if (hi / lo > 1.05) return null;
  return `The customer is billed ${sig3((lo + hi) / 2)} GB-s per request at every ${axis.name}; idle time is free`;
}

export const keepAliveCostChart: ChartKind<'keepAliveCost', KeepAliveCostOptions> = {
  name: 'keepAliveCost',
  shows: 'the cold-start share against keep-alive (or warmer period), with its cost',
  drawnWhen: 'a keep-alive or warmer period axis',
  byDefault: (results) => matchNumericAxis(results, KEEP_ALIVE_AXIS) !== undefined,
  undrawable: (results) => numericSweep(results),
  title: (results, options) =>
    ({
      memory: 'Cold starts against the memory kept alive',
      warmers: 'Cold starts against what the warmer pings cost',
      usdPerMillionRoots: 'Cold starts against the cost per request',
      usd: 'Cold starts against the cost of the run',
    })[options?.cost ?? defaultMeasure(results.points)],
  spec: keepAliveCost,
};
