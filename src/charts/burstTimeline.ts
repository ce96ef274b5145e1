/**
 * A burst, window by window: instances starting, busy and idle; the calls
 * that arrived and those throttled; and the p99 of each window. The panels
 * share the time axis, so a spike in starting instances lines up with the
 * p99 it causes.
 */
import type { ExperimentResults, PointResult, Timeline } from '../experiments/results.ts';
import { displayName, pointName } from './axes.ts';
import type { ChartKind } from './chartKind.ts';
import { formatMs } from './format.ts';
import { latencyScale, timeAxis } from './scales.ts';
import { baseConfig, OKABE_ITO, SCHEMA, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { ChartEntry, VegaLiteSpec } from './types.ts';

export interface BurstTimelineOptions {
  /** The point (by index) whose timeline to draw; default: the first point that has one. */
  point?: number;
}

const STATES = ['starting', 'busy', 'idle'] as const;
// Dark to light in greyscale as well: busy (navy), starting (vermillion), idle (pale sky).
const STATE_COLORS = [OKABE_ITO[3], '#00466E', '#A6D8F5'];
const TRAFFIC = ['arrived', 'throttled'] as const;
const TRAFFIC_COLORS = ['#555555', OKABE_ITO[3]];

/** The point a timeline chart draws, or null if none has a timeline. */
export function timelinePoint(results: ExperimentResults, index?: number): PointResult | null {
  if (index !== undefined) return results.points.find((p) => p.index === index) ?? null;
  return results.points.find((p) => p.timeline !== null) ?? null;
}

export function burstTimeline(
  results: ExperimentResults,
  options: BurstTimelineOptions = {},
): VegaLiteSpec {
  const point = timelinePoint(results, options.point);
  if (point?.timeline == null) {
    throw new Error(
      `burstTimeline: no timeline in ${options.point === undefined ? 'any point' : `point ${options.point}`}`,
    );
  }
  const tl = point.timeline;
  const end = tl.t.length > 0 ? tl.t[tl.t.length - 1] + tl.widthMs : tl.widthMs;
  const perSecond = 1000 / tl.widthMs;
  // One unit along the whole axis ("0, 30 s ... 180 s"), on round steps.
  const time = timeAxis(end);
  const x = (last: boolean) => ({
    field: 't',
    type: 'quantitative' as const,
    scale: { domain: [0, end], nice: false },
    axis: last
      ? { title: 'time since the start of the run', values: time.values, labelExpr: time.labelExpr }
      : { title: null, labels: false, values: time.values },
  });
  const warmup = warmupLayer(results.warmup, end);
  const p99s = tl.p99.filter((v): v is number => v !== null && v > 0);
  const y99 = latencyScale(p99s);
  const which = results.points.length > 1 ? ` (${pointName(point)})` : '';
  return {
    $schema: SCHEMA,
    title: chartTitle(results, [
      `Instances, calls and p99 per window of ${formatMs(tl.widthMs)}${which}`,
      ...(results.warmup > 0 ? ['Grey: warm-up, not measured'] : []),
    ]),
    vconcat: [
      {
        width: WIDTH,
        height: 150,
        data: { values: instanceRows(tl) },
        layer: [
          ...warmup,
          {
            mark: { type: 'area', interpolate: 'step-after' },
            encoding: {
              x: x(false),
              y: {
                field: 'n',
                type: 'quantitative',
                stack: 'zero',
                // Trailing zeros trimmed: with no instances at all, vega's own format
                // reads "0.000000".
                axis: {
                  title: 'instances',
                  tickCount: 4,
                  labelExpr: "format(datum.value, ',.6~g')",
                },
              },
              color: {
                field: 'state',
                type: 'nominal',
                title: 'instances',
                scale: { domain: [...STATES], range: STATE_COLORS },
              },
              order: { field: 'order', type: 'quantitative' },
            },
          },
        ],
      },
      {
        width: WIDTH,
        height: 110,
        data: { values: trafficRows(tl, perSecond) },
        layer: [
          ...warmup,
          {
            mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
            encoding: {
              x: x(false),
              y: {
                field: 'rate',
                type: 'quantitative',
                axis: {
                  title: 'calls per second',
                  tickCount: 4,
                  // '~s' would label the zero tick "0k".
                  labelExpr: "format(datum.value, ',.6~g')",
                },
              },
              color: {
                field: 'kind',
                type: 'nominal',
                title: 'calls',
                scale: { domain: [...TRAFFIC], range: TRAFFIC_COLORS },
              },
              strokeDash: {
                field: 'kind',
                type: 'nominal',
                scale: {
                  domain: [...TRAFFIC],
                  range: [
                    [1, 0],
                    [4, 2],
                  ],
                },
                legend: null,
              },
            },
          },
        ],
      },
      {
        width: WIDTH,
        height: 130,
        data: { values: tl.t.map((t, i) => ({ t, p99: tl.p99[i] })) },
        layer: [
          ...warmup,
          {
            // Windows without calls have no p99: the line breaks there instead of inventing one.
            mark: {
              type: 'line',
              interpolate: 'step-after',
              color: '#000000',
              invalid: 'break-paths-filter-domains',
            },
            encoding: {
              x: x(true),
              y: {
                field: 'p99',
                type: 'quantitative',
                scale: y99.scale,
                axis: { ...y99.axis, title: 'p99 per window' },
              },
            },
          },
        ],
      },
    ],
    resolve: { scale: { x: 'shared', color: 'independent', y: 'independent' } },
    config: baseConfig(),
  } as VegaLiteSpec;
}

function instanceRows(tl: Timeline) {
  const rows: { t: number; state: string; order: number; n: number }[] = [];
  tl.t.forEach((t, i) => {
    STATES.forEach((state, order) => {
      const n = tl[state][i];
      rows.push({ t, state, order, n: Number.isFinite(n) ? n : 0 });
    });
  });
  return rows;
}

function trafficRows(tl: Timeline, perSecond: number) {
  const rows: { t: number; kind: string; rate: number }[] = [];
  tl.t.forEach((t, i) => {
    rows.push({ t, kind: 'arrived', rate: (tl.arrivals[i] ?? 0) * perSecond });
    rows.push({ t, kind: 'throttled', rate: (tl.throttled[i] ?? 0) * perSecond });
  });
  return rows;
}

/** The warm-up as a grey band: its calls are simulated but not counted. */
function warmupLayer(warmup: number, end: number) {
  if (!(warmup > 0)) return [];
  return [
    {
      data: { values: [{ from: 0, to: Math.min(warmup, end) }] },
      mark: { type: 'rect' as const, color: '#000000', opacity: 0.06 },
      encoding: {
        x: { field: 'from', type: 'quantitative' as const },
        x2: { field: 'to' },
      },
    },
  ];
}

/** A report with a dozen burst panels is no longer read: the first few tell the story. */
const MAX_TIMELINES = 4;
const TITLE = 'Over time';

export const burstTimelineChart: ChartKind<'burstTimeline', BurstTimelineOptions> = {
  name: 'burstTimeline',
  shows:
    "the entry function's instances starting, busy and idle, the throttles and the p99 per window",
  drawnWhen: 'the experiment has a `timeline`',
  byDefault: () => true,
  undrawable: (results) =>
    results.points.some((p) => p.timeline !== null && p.timeline.t.length > 0)
      ? null
      : 'no point has a timeline (an experiment records one with "timeline": {"window": ...})',
  title: () => TITLE,
  spec: burstTimeline,
  panels: timelines,
};

/** One panel per point with a timeline: the point asked for, else the first few. */
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
        title: one ? TITLE : `${TITLE}: ${displayName(results, p)}`,
        spec: burstTimeline(results, { point: p.index }),
      };
    });
}
