/**
 * The client's trade: what a caller's policy (hedging, retries) buys in tail latency against the
 * calls it adds. One point per sweep point: x the calls sent per request (1 = each request sent
 * once; hedges and retries add), y its p99 (and p99.9 with a single series), labelled with the
 * swept value. Hedging moves points left-down or right-down (more calls, shorter tail); a retry
 * storm moves them right-up (more calls, and requests wait through their backoffs). The share of
 * requests that got no answer (throttled, failed, given up) is in the tooltip and the label.
 */
import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import { type Axis, seriesOf, seriesOrder, xAxisOf } from './axes.ts';
import { type ChartKind, unmeasured } from './chartKind.ts';
import { maxOf, minOf } from './extent.ts';
import { formatMs, formatShare, sig3 } from './format.ts';
import { baseConfig, categoryScale, HEIGHT, OKABE_ITO, SCHEMA, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface ClientTradeOptions {
  /** Path (or name) of the axis whose values label the points; default: the first caller axis. */
  x?: string;
}

/** Axes of a caller's policy. */
export const CALLER_AXIS = /^caller\./;

interface Row {
  calls: number;
  ms: number;
  stat: string;
  series: string;
  label: string;
  unanswered: number;
  order: number;
}

/** Caller fields whose values are durations in ms, and what to call each axis in a title. */
const DURATION_FIELD = /hedge\.after$|timeout$|backoff\.(base|cap)$/;
const AXIS_WORDS: [RegExp, string][] = [
  [/hedge\.after$/, 'hedge delay'],
  [/retry\.attempts$/, 'number of attempts'],
  [/timeout$/, 'timeout'],
  [/failure$/, 'failure probability'],
];

function valueWords(axis: Axis | null, p: PointResult): string {
  if (axis === null) return p.label;
  const v = p.params[axis.path];
  return typeof v === 'number' && DURATION_FIELD.test(axis.path) ? formatMs(v) : String(v);
}

/** Requests that got no answer: refused, failed, given up or timed out on the platform. */
export function unansweredShare(p: PointResult): number | null {
  const c = p.calls;
  const ended = c.arrivals - c.inFlight;
  if (ended <= 0) return null;
  return (ended - c.completed) / ended;
}

/**
 * What a point's requests without an answer are called: "refused" when the platform throttled
 * every one of them, as the retry story says; "unanswered" when some failed or timed out.
 */
export function unansweredWord(p: PointResult): string {
  const c = p.calls;
  const unanswered = c.arrivals - c.inFlight - c.completed;
  return unanswered > 0 && c.throttled === unanswered ? 'refused' : 'unanswered';
}

export function clientTradeRows(
  results: ExperimentResults,
  options: ClientTradeOptions = {},
): { axis: Axis | null; rows: Row[]; stats: string[] } {
  const axis =
    options.x !== undefined
      ? xAxisOf(results, options.x)
      : (results.axes.find((a) => CALLER_AXIS.test(a.path)) ?? results.axes[0] ?? null);
  const others = results.axes.filter((a) => a !== axis);
  const series = seriesOrder(results.points, others);
  // p99.9 beside the p99 only with one series: with several, colours tell the series apart.
  const stats = series.length > 1 ? ['p99'] : ['p99', 'p99.9'];
  const rows: Row[] = [];
  results.points.forEach((p, order) => {
    const calls = p.client?.callsPerRequest ?? (p.endToEnd.count > 0 ? 1 : null);
    if (calls === null) return;
    const unanswered = unansweredShare(p) ?? 0;
    const value = valueWords(axis, p);
    const label =
      unanswered > 0.0005 ? `${value} (${formatShare(unanswered)} ${unansweredWord(p)})` : value;
    for (const stat of stats) {
      const ms = stat === 'p99' ? p.endToEnd.p99.value : p.endToEnd.p999.value;
      if (ms === null || !(ms > 0)) continue;
      rows.push({ calls, ms, stat, series: seriesOf(p, others), label, unanswered, order });
    }
  });
  return { axis, rows, stats };
}

export function clientTrade(
  results: ExperimentResults,
  options: ClientTradeOptions = {},
): VegaLiteSpec {
  const { axis, rows, stats } = clientTradeRows(results, options);
  const calls = rows.map((r) => r.calls);
  const x = {
    field: 'calls',
    type: 'quantitative' as const,
    scale: {
      zero: false,
      nice: false,
      domain: calls.length > 0 ? [minOf(calls) * 0.97, maxOf(calls) * 1.05] : [1, 2],
    },
    axis: { title: 'calls sent per request (1: each sent once)', format: ',.2~f', tickCount: 6 },
  };
  const middle = (x.scale.domain[0] + x.scale.domain[1]) / 2;
  const latencies = rows.map((r) => r.ms);
  const y = {
    field: 'ms',
    type: 'quantitative' as const,
    scale:
      latencies.length > 0
        ? {
            type: 'log' as const,
            nice: false,
            domain: [minOf(latencies) * 0.8, maxOf(latencies) * 1.25],
          }
        : { type: 'log' as const },
    axis: { title: 'latency (ms, log scale)', format: ',~r' },
  };
  const seriesNames = [...new Set(rows.map((r) => r.series))];
  const bySeries = seriesNames.length > 1;
  const color = bySeries
    ? {
        field: 'series',
        type: 'nominal' as const,
        title: results.axes
          .filter((a) => a !== axis)
          .map((a) => a.name)
          .join(', '),
        scale: categoryScale(seriesNames),
        legend: { orient: 'bottom' as const },
      }
    : {
        field: 'stat',
        type: 'nominal' as const,
        title: null,
        scale: { domain: stats, range: [OKABE_ITO[1], OKABE_ITO[5]].slice(0, stats.length) },
        legend: { orient: 'bottom' as const },
      };
  const layer = [
    {
      mark: { type: 'line' as const, strokeWidth: 1.5, opacity: 0.7 },
      encoding: {
        x,
        y,
        color,
        order: { field: 'order', type: 'quantitative' as const },
        detail: { field: bySeries ? 'series' : 'stat' },
      },
    },
    {
      mark: { type: 'point' as const, filled: true, size: 60 },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: 'label', title: axis?.name ?? 'point' },
          ...(bySeries ? [{ field: 'series', title: 'series' }] : []),
          { field: 'stat', title: 'percentile' },
          { field: 'ms', title: 'latency (ms)', format: ',.3~r' },
          { field: 'calls', title: 'calls per request', format: ',.3~r' },
          { field: 'unanswered', title: 'share unanswered', format: '.2%' },
        ],
      },
    },
    // Each point named once, beside its p99: to its right in the left half of the chart and
    // to its left in the right half, so that no label runs over the y axis or off the edge.
    labels(`datum.calls < ${middle}`, 'left', x, y),
    labels(`datum.calls >= ${middle}`, 'right', x, y),
  ];
  const name =
    axis === null ? 'setting' : (AXIS_WORDS.find(([re]) => re.test(axis.path))?.[1] ?? axis.name);
  return {
    $schema: SCHEMA,
    title: chartTitle(results, [
      `Tail latency against the calls a request sends, one point per ${name}`,
      `Right: more calls (hedges, retries); down: a shorter tail. ${rows.length > 0 ? `From ${sig3(minOf(calls))} to ${sig3(maxOf(calls))} calls per request` : 'No point answered a request'}`,
    ]),
    config: baseConfig(),
    data: { values: rows },
    width: WIDTH,
    height: HEIGHT,
    layer,
  } as VegaLiteSpec;
}

/** A text layer naming the p99 points where `where` holds, aligned to one side of them. */
function labels(where: string, align: 'left' | 'right', x: object, y: object) {
  return {
    transform: [{ filter: `datum.stat == 'p99' && ${where}` }],
    mark: {
      type: 'text' as const,
      align,
      dx: align === 'left' ? 6 : -6,
      dy: -10,
      fontSize: 10,
      color: '#444',
    },
    encoding: { x, y, text: { field: 'label' } },
  };
}

export const clientTradeChart: ChartKind<'clientTrade', ClientTradeOptions> = {
  name: 'clientTrade',
  shows:
    "the caller's trade: p99 (and p99.9 with one series) against the calls sent per request (1: each request sent once; hedges and retries add), one point per sweep point, labelled with the swept value and the share of requests left unanswered; other axes as coloured series; see `experiments/hedging.json` and `experiments/retry-storm.json`",
  drawnWhen: 'an axis of a `caller` field (`caller.hedge.after`, `caller.retry.attempts`, ...)',
  byDefault: (results) => results.axes.some((a) => CALLER_AXIS.test(a.path)),
  undrawable: (results) =>
    results.axes.length === 0
      ? 'it compares sweep points, and the results have none'
      : unmeasured(results),
  title: () => "The caller's trade: tail latency against calls per request",
  spec: clientTrade,
};
