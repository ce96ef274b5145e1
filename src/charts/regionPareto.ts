/**
 * The keep-alive Pareto chart of a region, as Shahrad et al. ("Serverless in the Wild", USENIX
 * ATC 2020, Fig. 15) draw it: for each policy, the cold-start share of the 75th-percentile
 * function (functions ranked by their own share of cold starts) against the wasted memory
 * time of all functions, normalised to the fixed 10-minute keep-alive's (= 100 %). A fixed
 * window's points read as one curve; an adaptive policy is its own mark. keepAlivePareto draws
 * this with `measure: "p75Function"`.
 */
import { keepAliveFrontier, referencePoint } from '../experiments/keepAliveFrontier.ts';
import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import { parseDuration } from '../spec/duration.ts';
import { type Axis, findAxis, seriesOf } from './axes.ts';
import { maxOf } from './extent.ts';
import { formatCount, formatMs } from './format.ts';
import { baseConfig, categoryScale, HEIGHT, SCHEMA, SHAPES, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface RegionParetoOptions {
  /** Path (or name) of the axis whose values label the points; default: the first axis. */
  label?: string;
  /** The point whose wasted memory time is 100 %; default: referencePoint (10 min). */
  reference?: number;
}

/** One point of the chart: a policy. */
export interface RegionParetoRow {
  /** The sweep point's index. */
  point: number;
  /** The cold-start share of the 75th-percentile function, in [0, 1]. */
  share: number;
  /** Wasted memory time over the reference point's: 1 = 100 %. */
  wasted: number;
  series: string;
  label: string;
}

/** The series of fixed windows when the points are told apart by their label alone. */
export const FIXED_SERIES = 'fixed keep-alive';

/** A sweep value as a window ("10min" -> 600000), or null (a policy's name such as "hybrid"). */
function windowMs(v: unknown): number | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  try {
    return parseDuration(v);
  } catch {
    return null;
  }
}

function labelAxis(results: ExperimentResults, label: string | undefined): Axis | null {
  if (label !== undefined) {
    const axis = findAxis(results, label);
    if (!axis) {
      const known = results.axes.map((a) => a.path).join(', ') || 'none';
      throw new Error(`chart option label: no sweep axis "${label}" (axes: ${known})`);
    }
    return axis;
  }
  // The window's own axis, else a sweep of whole platform overrides, else the first axis.
  return (
    results.axes.find((a) => /keepAlive$/.test(a.path)) ??
    results.axes.find((a) => a.path === 'platformOverrides') ??
    results.axes[0] ??
    null
  );
}

function labelOf(p: PointResult, axis: Axis | null): string {
  if (axis === null) return p.label;
  const v = p.params[axis.path];
  const ms = windowMs(v);
  return ms !== null && (typeof v === 'string' || /keep.?alive/i.test(axis.path))
    ? formatMs(ms)
    : String(v ?? '');
}

/**
 * The chart's points: the 75th-percentile function's cold-start share and the normalised
 * wasted memory time of each point that has both (no NaN: a point without called functions,
 * or a reference without idle memory, is left out), and the reference point's label.
 */
export function regionParetoRows(
  results: ExperimentResults,
  options: RegionParetoOptions = {},
): { rows: RegionParetoRow[]; reference: string | null; called: number | null } {
  const ref = options.reference ?? referencePoint(results);
  const axis = labelAxis(results, options.label);
  const others = results.axes.filter((a) => a !== axis);
  const byIndex = new Map(results.points.map((p) => [p.index, p]));
  const rows: RegionParetoRow[] = [];
  let called: number | null = null;
  for (const f of keepAliveFrontier(results, ref)) {
    const p = byIndex.get(f.index) as PointResult;
    if (f.coldShareP75 === null || f.wastedNormalised === null) continue;
    if (!Number.isFinite(f.coldShareP75) || !Number.isFinite(f.wastedNormalised)) continue;
    called = called === null ? f.called : Math.max(called, f.called);
    const label = labelOf(p, axis);
    const series =
      others.length > 0
        ? seriesOf(p, others)
        : axis !== null && windowMs(p.params[axis.path]) !== null
          ? FIXED_SERIES
          : label;
    rows.push({ point: p.index, share: f.coldShareP75, wasted: f.wastedNormalised, series, label });
  }
  const refPoint = ref === null ? undefined : byIndex.get(ref);
  return {
    rows,
    reference: refPoint === undefined ? null : labelOf(refPoint, axis),
    called,
  };
}

export function regionPareto(
  results: ExperimentResults,
  options: RegionParetoOptions = {},
): VegaLiteSpec {
  const { rows, reference, called } = regionParetoRows(results, options);
  const series = [...new Set(rows.map((r) => r.series))];
  const wastedMax = rows.length > 0 ? maxOf(rows.map((r) => r.wasted)) : 1;
  const x = {
    field: 'share',
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: {
      title: 'cold-start share of the 75th-percentile function',
      format: '~%',
      tickCount: 5,
    },
  };
  const y = {
    field: 'wasted',
    type: 'quantitative' as const,
    scale: { domain: [0, Math.max(1.1, wastedMax * 1.1)], nice: true },
    axis: {
      title: `wasted memory time (${reference ?? 'reference'} fixed = 100%)`,
      format: '~%',
      tickCount: 5,
    },
  };
  const colour = {
    color: {
      field: 'series',
      type: 'nominal' as const,
      title: 'policy',
      scale: categoryScale(series),
      legend: { orient: 'bottom' as const },
    },
    shape: {
      field: 'series',
      type: 'nominal' as const,
      title: 'policy',
      scale: { domain: series, range: SHAPES.slice(0, Math.max(1, series.length)) },
    },
  };
  const lines = [
    'Cold starts of the 75th-percentile function against wasted memory time: lower left is better',
    `Normalised as Shahrad et al. (2020, Fig. 15) do: each policy's wasted memory time (GB-seconds of idle instances, all functions) over that of the ${reference ?? 'reference'} fixed keep-alive (dashed line, 100%).`,
    `75th-percentile function: the functions${called !== null ? ` called in the window (${formatCount(called)})` : ''} ranked by their own share of cold starts, nearest rank.`,
  ];
  const refLayer =
    reference === null
      ? []
      : [
          {
            data: { values: [{ wasted: 1 }] },
            mark: { type: 'rule' as const, strokeDash: [4, 4], color: '#888' },
            encoding: { y: { field: 'wasted', type: 'quantitative' as const } },
          },
        ];
  return {
    $schema: SCHEMA,
    title: chartTitle(results, lines),
    config: baseConfig(),
    data: { values: rows },
    width: WIDTH,
    height: HEIGHT,
    layer: [
      ...refLayer,
      {
        // The fixed windows as one curve, in sweep order.
        transform: [{ filter: { field: 'series', equal: FIXED_SERIES } }],
        mark: { type: 'line' as const, strokeWidth: 1.5, opacity: 0.6 },
        encoding: { x, y, color: colour.color, order: { field: 'wasted', type: 'quantitative' } },
      },
      {
        mark: { type: 'point' as const, filled: true, size: 90 },
        encoding: { x, y, ...colour },
      },
      {
        // The fixed windows' labels to the right of their points, along the curve.
        transform: [{ filter: { field: 'series', equal: FIXED_SERIES } }],
        mark: {
          type: 'text' as const,
          align: 'left' as const,
          baseline: 'middle' as const,
          dx: 8,
          fontSize: 11,
        },
        encoding: { x, y, text: { field: 'label' }, color: colour.color },
      },
      {
        // Other policies' labels below their points: an adaptive policy tends to sit just
        // left of the longest windows, where a label to the right would cross theirs.
        transform: [{ filter: { not: { field: 'series', equal: FIXED_SERIES } } }],
        mark: {
          type: 'text' as const,
          align: 'center' as const,
          baseline: 'top' as const,
          dy: 9,
          fontSize: 11,
          fontWeight: 'bold' as const,
        },
        encoding: { x, y, text: { field: 'label' }, color: colour.color },
      },
    ],
  } as VegaLiteSpec;
}
