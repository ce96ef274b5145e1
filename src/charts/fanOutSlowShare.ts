/**
 * The tail at scale (Dean and Barroso, 2013): a request that waits for n
 * leaves is slow if any leaf is, so the share of slow requests climbs as
 * 1 - (1 - p)^n. The simulated points are drawn over that curve; where they
 * leave it, the leaves are not independent or the request adds its own delay.
 *
 * "Slow" needs a threshold. By default it lies between the fast and the slow
 * calls of the point with the fewest leaves: in the widest gap (3x or more
 * in latency) between its stored percentiles above the median (modeGap).
 * There the threshold counts the slow mode and nothing else, whatever the
 * fan-out; a threshold at the top of the fast calls (their p99, say) would
 * also count requests whose slowest fast leaf is a little slower, and put
 * the points above the curve. Without such a gap (one mode) the threshold is
 * that point's p99.
 */

import type { Estimate, ExperimentResults, PointResult } from '../experiments/results.ts';
import {
  type Axis,
  matchNumericAxis,
  numberAt,
  seriesOf,
  seriesOrder,
  seriesTitle,
  xAxisOf,
} from './axes.ts';
import { clean, cleanCdf, shareAbove } from './cdf.ts';
import { type ChartKind, numericSweep } from './chartKind.ts';
import { formatCount, formatMs, formatShare } from './format.ts';
import { requireNumeric, sweepX } from './scales.ts';
import { MAX_DOTS, thinAlong } from './spanning.ts';
import { baseConfig, categoryScale, HEIGHT, OKABE_ITO, SCHEMA, SHAPES, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface FanOutSlowShareOptions {
  /** Path (or name) of the fan-out axis; default: an axis named like fan-out, else the first numeric one. */
  x?: string;
  /** Probability that one leaf is slow, for the analytic curve; default: the share at n = 1. */
  p?: number;
  /**
   * "Slow" means slower than this (ms); default: between the fast and slow
   * modes of the point with the fewest leaves, else its p99 (see above).
   */
  thresholdMs?: number;
  /** The share of slow requests at a point, instead of reading it from the point's CDF. */
  slowShare?: (point: PointResult) => number | Estimate | null;
}

/**
 * A fan-out's width, by the last field of the axis's path (or its name): "graph.fanOut.width",
 * "graph.fanOut". Not anywhere in the path: a hedge delay's, "graph.fanOut.caller.hedge.after",
 * names the fan-out it hedges, and was taken for its width.
 */
export const FAN_OUT_AXIS = /(^|\.)(fan.?out|width|leaves|parallel|breadth)$/i;

/** A series' own threshold and p: each platform is slow by its own standard. */
export interface FanOutSeries {
  name: string;
  thresholdMs: number | null;
  /** Where the threshold came from: the options, a gap between modes, or a p99. */
  thresholdFrom: 'option' | 'gap' | 'p99';
  p: number | null;
  /** The fan-out of the point the threshold and p were read from. */
  fromN: number | null;
}

/** What the chart compares, worked out once and shared with the narrative. */
export interface FanOutModel {
  axis: Axis;
  /** The first series' threshold, source and p (the only ones without other axes). */
  thresholdMs: number | null;
  thresholdFrom: 'option' | 'gap' | 'p99';
  p: number | null;
  series: FanOutSeries[];
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
  const names = seriesOrder(
    located.map((r) => r.point),
    others,
  );
  const series: FanOutSeries[] = [];
  const points: FanOutModel['points'] = [];
  for (const name of names) {
    const mine = located.filter((r) => r.series === name);
    const smallest = [...mine].sort((a, b) => a.n - b.n)[0];
    const gap = options.thresholdMs === undefined && smallest ? modeGap(smallest.point.cdf) : null;
    const thresholdMs =
      options.thresholdMs ?? gap?.thresholdMs ?? smallest?.point.endToEnd.p99.value ?? null;
    const thresholdFrom = options.thresholdMs !== undefined ? 'option' : gap ? 'gap' : 'p99';
    const shareOf = (pt: PointResult): number | null => {
      if (options.slowShare) {
        const v = options.slowShare(pt);
        return v === null || typeof v === 'number' ? v : v.value;
      }
      return thresholdMs === null ? null : shareAbove(pt.cdf, thresholdMs);
    };
    const own = mine.map((r) => ({ ...r, share: finiteOrNull(shareOf(r.point)) }));
    points.push(...own);
    let p = options.p ?? null;
    if (p === null && smallest?.n === 1) {
      // Inside a gap the stored CDF says nothing about where its calls lie, and
      // interpolating across it would undercount: the slow share at one leaf is
      // all the calls above the gap's lower end.
      p = gap?.share ?? own.find((r) => r.point === smallest.point)?.share ?? null;
    }
    series.push({ name, thresholdMs, thresholdFrom, p, fromN: smallest?.n ?? null });
  }
  const first = series[0];
  return {
    axis,
    thresholdMs: first?.thresholdMs ?? options.thresholdMs ?? null,
    thresholdFrom: first?.thresholdFrom ?? (options.thresholdMs !== undefined ? 'option' : 'p99'),
    p: first?.p ?? options.p ?? null,
    series,
    points,
  };
}

export function fanOutSlowShare(
  results: ExperimentResults,
  options: FanOutSlowShareOptions = {},
): VegaLiteSpec {
  const model = fanOutModel(results, options);
  const others = results.axes.filter((a) => a !== model.axis);
  const multi = others.length > 0 && model.series.length > 1;
  const label = (name: string) => (multi ? name : 'simulated');
  const series = multi ? model.series.map((s) => s.name) : ['simulated'];
  // Thousands of widths: a dot at each of a couple of hundred that span the sweep.
  const thinned = thinAlong(
    model.points
      .filter((r) => r.share !== null)
      .map((r) => ({ x: r.n, n: r.n, share: r.share, series: label(r.series) })),
    model.axis.name,
    MAX_DOTS,
    'points drawn at',
  );
  const simulated = thinned.rows.map(({ n, share, series }) => ({ n, share, series }));
  // A point whose threshold lies outside its stored percentiles has no share to draw: say which.
  const missing = model.points.filter((r) => r.share === null);
  // An axis already named in words says "parallel calls"; a raw one gets it said.
  const x = sweepX(
    model.axis,
    /parallel/.test(model.axis.name) ? model.axis.name : `${model.axis.name} (calls in parallel)`,
  );
  const domain = x.domain ?? [1, 1];
  const curve = model.series.flatMap((s) =>
    s.p === null
      ? []
      : analytic(s.p, domain[0], domain[1], x.log).map((r) => ({ ...r, series: label(s.name) })),
  );
  // Several series differ by colour and shape, so that they do in greyscale
  // too; each has its own dashed curve in its colour, named in the subtitle.
  const colorEnc = {
    field: 'series',
    type: 'nominal' as const,
    title: seriesTitle(others),
    scale: categoryScale(series),
    legend: { symbolOpacity: 1 },
  };
  const seriesEnc = multi
    ? {
        color: colorEnc,
        shape: {
          field: 'series',
          type: 'nominal' as const,
          title: seriesTitle(others),
          scale: { domain: series, range: series.map((_, i) => SHAPES[i % SHAPES.length]) },
        },
      }
    : {};
  const xEnc = { field: 'n', ...x.encoding };
  const yEnc = {
    field: 'share',
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: { title: 'share of slow requests', format: '~%', tickCount: 5 },
  };
  const sameThreshold = model.series.every((s) => s.thresholdMs === model.thresholdMs);
  let what = 'Share of slow requests';
  if (options.slowShare === undefined) {
    if (sameThreshold || !multi) {
      what = `Share of requests slower than ${formatMs(model.thresholdMs)}`;
      const at = `${model.axis.name} ${model.series[0]?.fromN ?? ''}`;
      if (model.thresholdFrom === 'gap') what += `, between the fast and the slow calls at ${at}`;
      if (model.thresholdFrom === 'p99') what += `, the p99 at ${at}`;
    } else {
      const how = model.thresholdFrom === 'gap' ? 'between its fast and slow calls' : 'its p99';
      what = `Share of slow requests, each ${seriesTitle(others)} slow by its own threshold (${how} at ${model.axis.name} ${model.series[0]?.fromN ?? ''})`;
    }
  }
  const lines: string[] = [what];
  if (multi && !sameThreshold) {
    lines.push(
      `Thresholds: ${model.series.map((s) => `${s.name} ${formatMs(s.thresholdMs)}`).join(', ')}`,
    );
  }
  const ps = model.series.filter((s) => s.p !== null);
  lines.push(
    ps.length === 0
      ? 'Points: simulated; no curve without the probability p that one leaf is slow'
      : multi
        ? `Points: simulated; dashed lines: 1 − (1 − p)^n for independent leaves, p from each ${seriesTitle(others)}'s narrowest point (${ps.map((s) => `${s.name} ${formatShare(s.p)}`).join(', ')})`
        : `Points: simulated; dashed line: 1 − (1 − p)^n, independent leaves each slow with p = ${formatShare(ps[0].p)}`,
  );
  const notes: string[] = [];
  if (thinned.note) notes.push(thinned.note);
  if (missing.length > 0) {
    // Named one by one up to a few; past that, counted.
    const named = missing
      .slice(0, MAX_NAMED)
      .map((r) => `${multi ? `${r.series} ` : ''}${model.axis.name} ${r.n}`);
    const more = missing.length - named.length;
    notes.push(
      `not drawn: ${named.join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}, whose threshold lies outside the stored percentiles`,
    );
  }
  return {
    $schema: SCHEMA,
    title: chartTitle(results, lines, notes),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      ...(curve.length === 0
        ? []
        : [
            {
              data: { values: curve },
              mark: multi
                ? { type: 'line', strokeWidth: 1.5, strokeDash: [5, 3] }
                : { type: 'line', strokeWidth: 1.5, strokeDash: [5, 3], color: '#000000' },
              encoding: {
                x: xEnc,
                y: yEnc,
                ...(multi ? { color: colorEnc, detail: { field: 'series' } } : {}),
              },
            },
          ]),
      {
        data: { values: simulated },
        mark: { type: 'point', filled: true, size: 70, opacity: 1, color: OKABE_ITO[0] },
        encoding: { x: xEnc, y: yEnc, ...seriesEnc },
      },
    ],
    config: baseConfig(),
  } as VegaLiteSpec;
}

/** Points left undrawn that the subtitle names one by one; the rest it counts. */
const MAX_NAMED = 6;

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

/** Neighbouring stored percentiles this far apart (in latency) belong to a gap... */
const MIN_STEP = 2;
/** ...and a gap narrower than this in all says the distribution has one mode. */
const MIN_GAP = 3;

/**
 * The gap between a fast and a slow mode in a stored CDF, above its median
 * (the maximum, a single call, left out): the widest run of neighbouring
 * stored percentiles each at least MIN_STEP apart, if it spans MIN_GAP or
 * more. The threshold is the run's middle on a log scale or, when a stored
 * percentile lies inside the run, that percentile's latency (there the CDF
 * is known, not interpolated); rounded up to two digits. The share is that
 * of calls above the last stored percentile at or below the threshold: in a
 * gap the calls lie at its ends, and those of the stored step that straddles
 * it belong to the slow mode when it starts abruptly, as a slow call does.
 * Null for a distribution with one mode.
 */
export function modeGap(
  cdf: readonly (readonly [number, number])[],
): { thresholdMs: number; share: number } | null {
  const pts = cleanCdf(cdf).filter(([p]) => p >= 0.5 && p < 1);
  const wide = (i: number) => pts[i + 1][1] / pts[i][1] >= MIN_STEP;
  let best: { i: number; j: number; ratio: number } | null = null;
  for (let i = 0; i < pts.length - 1; i += 1) {
    if (!wide(i)) continue;
    let j = i + 1;
    while (j < pts.length - 1 && wide(j)) j += 1;
    const ratio = pts[j][1] / pts[i][1];
    if (ratio >= MIN_GAP && (best === null || ratio > best.ratio)) best = { i, j, ratio };
    i = j - 1;
  }
  if (best === null) return null;
  const middle = Math.sqrt(pts[best.i][1] * pts[best.j][1]);
  let t = middle;
  for (let k = best.i + 1; k < best.j; k += 1) {
    const x = pts[k][1];
    if (t === middle || Math.abs(Math.log(x / middle)) < Math.abs(Math.log(t / middle))) t = x;
  }
  const thresholdMs = roundUp2(t);
  const below = pts.filter(([, x]) => x <= thresholdMs);
  const p = below.length > 0 ? below[below.length - 1][0] : pts[best.i][0];
  return { thresholdMs, share: clean(1 - p) };
}

/** Up to two significant digits: 245.7 -> 250, 389.8 -> 390. */
function roundUp2(x: number): number {
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Number((Math.ceil(x / unit - 1e-9) * unit).toPrecision(2));
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

export const fanOutSlowShareChart: ChartKind<'fanOutSlowShare', FanOutSlowShareOptions> = {
  name: 'fanOutSlowShare',
  shows: 'the share of slow requests against fan-out width, over 1 - (1 - p)^n',
  drawnWhen: 'a fan-out axis',
  byDefault: (results) => matchNumericAxis(results, FAN_OUT_AXIS) !== undefined,
  undrawable: (results) => numericSweep(results),
  title: () => 'Slow requests against fan-out',
  spec: fanOutSlowShare,
};
