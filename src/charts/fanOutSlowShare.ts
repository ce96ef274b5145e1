/**
 * The tail at scale (Dean and Barroso, 2013): a request that waits for n
 * leaves is slow if any leaf is, so the share of slow requests climbs as
 * 1 - (1 - p)^n. The simulated points are drawn over that curve; where they
 * leave it, the leaves are not independent or the request adds its own delay.
 */
import type { Estimate, ExperimentResults, PointResult } from '../experiments/results.ts';
import { type Axis, numberAt, seriesOf, seriesOrder, xAxisOf } from './axes.ts';
import { shareAbove } from './cdf.ts';
import { formatMs, formatShare } from './format.ts';
import { requireNumeric, sweepX } from './scales.ts';
import { baseConfig, HEIGHT, OKABE_ITO, SCHEMA, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface FanOutSlowShareOptions {
  /** Path (or name) of the fan-out axis; default: an axis named like fan-out, else the first numeric one. */
  x?: string;
  /** Probability that one leaf is slow, for the analytic curve; default: the share at n = 1. */
  p?: number;
  /** "Slow" means slower than this (ms); default: the p99 of the point with the fewest leaves. */
  thresholdMs?: number;
  /** The share of slow requests at a point, instead of reading it from the point's CDF. */
  slowShare?: (point: PointResult) => number | Estimate | null;
}

export const FAN_OUT_AXIS = /fan.?out|width|leaves|parallel|breadth/i;

/** What the chart compares, worked out once and shared with the narrative. */
export interface FanOutModel {
  axis: Axis;
  thresholdMs: number | null;
  p: number | null;
  points: { point: PointResult; n: number; series: string; share: number | null }[];
}

export function fanOutModel(
  results: ExperimentResults,
  options: FanOutSlowShareOptions = {},
): FanOutModel {
  const axis = xAxisOf(results, options.x, FAN_OUT_AXIS);
  if (!axis) throw new Error('fanOutSlowShare: the experiment has no numeric fan-out axis');
  requireNumeric(axis, 'fanOutSlowShare');
  const others = results.axes.filter((a) => a !== axis);
  const located = results.points
    .map((point) => ({ point, n: numberAt(point, axis), series: seriesOf(point, others) }))
    .filter((r): r is { point: PointResult; n: number; series: string } => r.n !== null);
  const smallest = [...located].sort((a, b) => a.n - b.n)[0];
  const thresholdMs = options.thresholdMs ?? smallest?.point.endToEnd.p99.value ?? null;
  const shareOf = (pt: PointResult): number | null => {
    if (options.slowShare) {
      const s = options.slowShare(pt);
      return s === null || typeof s === 'number' ? s : s.value;
    }
    return thresholdMs === null ? null : shareAbove(pt.cdf, thresholdMs);
  };
  const points = located.map((r) => ({ ...r, share: finiteOrNull(shareOf(r.point)) }));
  let p = options.p ?? null;
  if (p === null && smallest?.n === 1) {
    p = points.find((r) => r.point === smallest.point)?.share ?? null;
  }
  return { axis, thresholdMs, p, points };
}

export function fanOutSlowShare(
  results: ExperimentResults,
  options: FanOutSlowShareOptions = {},
): VegaLiteSpec {
  const model = fanOutModel(results, options);
  const others = results.axes.filter((a) => a !== model.axis);
  const series = others.length > 0 ? seriesOrder(results.points, others) : ['simulated'];
  const simulated = model.points
    .filter((r) => r.share !== null)
    .map((r) => ({ n: r.n, share: r.share, series: others.length > 0 ? r.series : 'simulated' }));
  const x = sweepX(model.axis, `${model.axis.name} (calls in parallel)`);
  const domain = x.domain ?? [1, 1];
  const curveName = model.p === null ? null : `1 − (1 − p)^n, p = ${formatShare(model.p)}`;
  const curve = model.p === null ? [] : analytic(model.p, domain[0], domain[1], x.log);
  const colorDomain = curveName ? [...series, curveName] : series;
  const colorRange = [...series.map((_, i) => OKABE_ITO[i % 7]), ...(curveName ? ['#000000'] : [])];
  const color = {
    type: 'nominal' as const,
    title: null,
    scale: { domain: colorDomain, range: colorRange },
    legend: { symbolOpacity: 1 },
  };
  const xEnc = { field: 'n', ...x.encoding };
  const yEnc = {
    field: 'share',
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: { title: 'share of slow requests', format: '~%', tickCount: 5 },
  };
  let what = 'Share of slow requests';
  if (options.slowShare === undefined) {
    what = `Share of requests slower than ${formatMs(model.thresholdMs)}`;
    if (options.thresholdMs === undefined) what += ` (the p99 at the smallest ${model.axis.name})`;
  }
  return {
    $schema: SCHEMA,
    title: chartTitle(results, [
      `${what}, against ${model.axis.name}`,
      curveName
        ? 'Line: independent leaves, each slow with probability p'
        : 'No analytic curve: give the leaf probability p',
    ]),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      ...(curveName === null
        ? []
        : [
            {
              data: { values: curve },
              mark: { type: 'line', strokeWidth: 1.5, strokeDash: [5, 3] },
              encoding: { x: xEnc, y: yEnc, color: { ...color, datum: curveName } },
            },
          ]),
      {
        data: { values: simulated },
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: {
          x: xEnc,
          y: yEnc,
          color: { ...color, field: 'series' },
        },
      },
    ],
    config: baseConfig(),
  } as VegaLiteSpec;
}

/** The curve at 120 values of n, spaced evenly on the x scale. */
function analytic(p: number, lo: number, hi: number, log: boolean) {
  const rows: { n: number; share: number }[] = [];
  const steps = 120;
  for (let i = 0; i <= steps; i += 1) {
    const f = i / steps;
    const n = log ? lo * (hi / lo) ** f : lo + (hi - lo) * f;
    rows.push({ n, share: 1 - (1 - p) ** n });
  }
  return rows;
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
