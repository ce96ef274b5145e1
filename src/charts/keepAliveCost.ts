/**
 * The keep-alive trade-off: keeping idle instances longer (or pinging them
 * more often) makes cold starts rarer and costs more. Both on one chart, each
 * on its own y axis, against the keep-alive or warmer period.
 */
import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import { type Axis, numberAt, seriesOf, seriesOrder, seriesTitle, xAxisOf } from './axes.ts';
import { requireNumeric, sweepX } from './scales.ts';
import { baseConfig, HEIGHT, OKABE_ITO, SCHEMA, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface KeepAliveCostOptions {
  /** Path (or name) of the keep-alive or warmer-period axis, in ms; default: one named so. */
  x?: string;
  /** Cost per million root calls (default, when known) or the run's total USD. */
  cost?: 'usdPerMillionRoots' | 'usd';
}

export const KEEP_ALIVE_AXIS = /keep.?alive|warm|idle|period|interval|ttl/i;

const SHARE = 'cold-start share';
const SHARE_COLOR = OKABE_ITO[3];
const COST_COLOR = OKABE_ITO[0];

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
  const costKey = options.cost ?? pickCost(results.points);
  const costName = costKey === 'usd' ? 'cost of the run (USD)' : 'cost per million requests (USD)';
  const rows = rowsOf(results, axis, others, costKey);
  const x = sweepX(axis);
  const xEnc = { field: 'x', ...x.encoding };
  const color = {
    type: 'nominal' as const,
    title: null,
    scale: { domain: [SHARE, costName], range: [SHARE_COLOR, COST_COLOR] },
    legend: { orient: 'bottom' as const, symbolOpacity: 1 },
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
  const costY = {
    field: 'cost',
    type: 'quantitative' as const,
    scale: { zero: true },
    axis: {
      title: costName,
      format: '$,.3~f',
      titleColor: COST_COLOR,
      orient: 'right' as const,
      tickCount: 5,
      grid: false,
    },
  };
  const shareLayers = {
    layer: [
      {
        transform: [{ filter: 'datum.low != null && datum.high != null' }],
        mark: { type: 'area' as const, opacity: 0.2 },
        encoding: {
          x: xEnc,
          y: { ...shareY, field: 'low' },
          y2: { field: 'high' },
          color: { ...color, datum: SHARE },
        },
      },
      {
        transform: [{ filter: 'datum.share != null' }],
        mark: { type: 'line' as const, strokeWidth: 2, point: { filled: true, size: 40 } },
        encoding: { x: xEnc, y: { ...shareY, field: 'share' }, color: { ...color, datum: SHARE } },
      },
    ],
  };
  const costLayer = {
    transform: [{ filter: 'datum.cost != null' }],
    mark: {
      type: 'line' as const,
      strokeWidth: 2,
      strokeDash: [6, 3],
      point: { shape: 'square', filled: true, size: 40 },
    },
    encoding: { x: xEnc, y: costY, color: { ...color, datum: costName } },
  };
  const layered = {
    layer: [shareLayers, costLayer],
    resolve: { scale: { y: 'independent' as const } },
  };
  const title = chartTitle(results, `Cold-start share and cost against ${axis.name}`);
  const series = seriesOrder(results.points, others);
  const base = { $schema: SCHEMA, title, config: baseConfig() };
  if (others.length === 0 || series.length < 2) {
    return {
      ...base,
      data: { values: rows },
      width: WIDTH,
      height: HEIGHT,
      ...layered,
    } as VegaLiteSpec;
  }
  // One panel per series, concatenated rather than faceted: Vega-Lite cannot
  // facet a layer with independent y scales. A shared cost domain keeps the
  // panels comparable.
  const costs = rows.map((r) => r.cost).filter((c): c is number => c !== null);
  const costMax = costs.length > 0 ? Math.max(...costs) : 1;
  const shared = {
    ...costLayer,
    encoding: {
      ...costLayer.encoding,
      y: { ...costY, scale: { domain: [0, costMax], nice: true } },
    },
  };
  return {
    ...base,
    columns: Math.min(series.length, 2),
    concat: series.map((name) => ({
      title: {
        text: `${seriesTitle(others)}: ${name}`,
        fontSize: 12,
        fontWeight: 'normal' as const,
      },
      width: 300,
      height: HEIGHT - 40,
      data: { values: rows.filter((r) => r.series === name) },
      layer: [shareLayers, shared],
      resolve: layered.resolve,
    })),
  } as VegaLiteSpec;
}

/** Per-million cost compares runs of different lengths; fall back to USD when it is unknown. */
function pickCost(points: readonly PointResult[]): 'usd' | 'usdPerMillionRoots' {
  return points.some((p) => p.cost.usdPerMillionRoots !== null) ? 'usdPerMillionRoots' : 'usd';
}

function rowsOf(
  results: ExperimentResults,
  axis: Axis,
  others: readonly Axis[],
  costKey: 'usd' | 'usdPerMillionRoots',
): Row[] {
  const rows: Row[] = [];
  for (const pt of results.points) {
    const x = numberAt(pt, axis);
    if (x === null) continue;
    const c = pt.cost[costKey];
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
