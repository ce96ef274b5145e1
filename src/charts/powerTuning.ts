/**
 * Power tuning: one function swept over memory sizes, each size a point of latency (p50 and
 * p99) against what a million calls cost, in the spirit of the power-tuning tools people run
 * on Lambda. More memory buys CPU, so the calls get shorter; whether the bill rises or falls
 * depends on how CPU-bound the function is and on the billing step. The cheapest size and the
 * fastest (lowest p99) are marked.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import { type Axis, matchNumericAxis, numberAt, numericAxes, seriesOf, xAxisOf } from './axes.ts';
import { axesInWords, type ChartKind, unmeasured } from './chartKind.ts';
import { maxOf, minOf } from './extent.ts';
import { sig3 } from './format.ts';
import { baseConfig, HEIGHT, OKABE_ITO, SCHEMA, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface PowerTuningOptions {
  /** Path (or name) of the memory axis; default: one named memoryMB. */
  x?: string;
}

export const MEMORY_AXIS = /memoryMB$|memory/i;

const P50 = 'p50';
const P99 = 'p99';
const COLORS = [OKABE_ITO[1], OKABE_ITO[5]];
/** The rings and notes of the cheapest and fastest sizes: dark, to read on any line colour. */
const MARK_COLOR = '#222';

interface Row {
  mb: number;
  label: string;
  series: string;
  stat: string;
  ms: number;
  cost: number;
}

interface Mark {
  mb: number;
  series: string;
  ms: number;
  cost: number;
  note: string;
}

/** The rows of the chart: per point with calls and a cost, its p50 and its p99. */
export function powerTuningRows(
  results: ExperimentResults,
  options: PowerTuningOptions = {},
): { axis: Axis; rows: Row[]; marks: Mark[] } {
  const axis = xAxisOf(results, options.x, MEMORY_AXIS);
  if (!axis) throw new Error('powerTuning: the experiment has no numeric memory axis');
  const others = results.axes.filter((a) => a !== axis);
  const rows: Row[] = [];
  const bySeries = new Map<string, { mb: number; p99: number; cost: number }[]>();
  for (const pt of results.points) {
    const mb = numberAt(pt, axis);
    const cost = pt.cost.usdPerMillionRoots;
    const p50 = pt.endToEnd.p50.value;
    const p99 = pt.endToEnd.p99.value;
    if (mb === null || cost === null || !Number.isFinite(cost) || p50 === null || p99 === null) {
      continue;
    }
    const series = seriesOf(pt, others);
    const label = `${mb} MB`;
    rows.push({ mb, label, series, stat: P50, ms: p50, cost });
    rows.push({ mb, label, series, stat: P99, ms: p99, cost });
    const list = bySeries.get(series) ?? [];
    list.push({ mb, p99, cost });
    bySeries.set(series, list);
  }
  const marks: Mark[] = [];
  for (const [series, list] of bySeries) {
    const cheapest = list.reduce((a, b) => (b.cost < a.cost ? b : a));
    const fastest = list.reduce((a, b) => (b.p99 < a.p99 ? b : a));
    const same = cheapest === fastest;
    marks.push({
      mb: cheapest.mb,
      series,
      ms: cheapest.p99,
      cost: cheapest.cost,
      note: same
        ? `cheapest and fastest: ${cheapest.mb} MB`
        : `cheapest: ${cheapest.mb} MB, $${sig3(cheapest.cost)}`,
    });
    if (!same) {
      marks.push({
        mb: fastest.mb,
        series,
        ms: fastest.p99,
        cost: fastest.cost,
        note: `fastest: ${fastest.mb} MB, p99 ${sig3(fastest.p99)} ms`,
      });
    }
  }
  return { axis, rows, marks };
}

export function powerTuning(
  results: ExperimentResults,
  options: PowerTuningOptions = {},
): VegaLiteSpec {
  const { rows, marks } = powerTuningRows(results, options);
  const costs = rows.map((r) => r.cost);
  const x = {
    field: 'cost',
    type: 'quantitative' as const,
    scale: { zero: false, nice: true, domain: costs.length > 0 ? undefined : [0, 1] },
    axis: { title: 'cost per million calls (USD)', format: '$,.3~r', tickCount: 6 },
  };
  const latencies = rows.map((r) => r.ms).filter((v) => v > 0);
  const lo = latencies.length > 0 ? minOf(latencies) * 0.8 : 1;
  const hi = latencies.length > 0 ? maxOf(latencies) * 1.25 : 1000;
  // 1-2-5 ticks inside the data's range: Vega's own log ticks label every multiple
  // (600, 700, 800, 900) and the labels overlap on a short axis.
  const ticks = oneTwoFive(lo, hi);
  const y = {
    field: 'ms',
    type: 'quantitative' as const,
    // The data's own range: a log scale's nice ends would add an empty decade.
    scale:
      latencies.length > 0
        ? {
            type: 'log' as const,
            nice: false,
            domain: [lo, hi],
          }
        : { type: 'log' as const },
    axis: { title: 'latency (ms, log scale)', format: ',~r', values: ticks },
  };
  const color = {
    field: 'stat',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [P50, P99], range: COLORS },
    legend: { orient: 'bottom' as const },
  };
  const series = new Set(rows.map((r) => r.series));
  const detail = series.size > 1 ? [{ field: 'series' }] : [];
  const layer = [
    {
      mark: { type: 'line' as const, strokeWidth: 1.5, opacity: 0.7 },
      encoding: {
        x,
        y,
        color,
        order: { field: 'mb', type: 'quantitative' as const },
        ...(detail.length > 0 ? { detail: detail[0] } : {}),
      },
    },
    {
      mark: { type: 'point' as const, filled: true, size: 60 },
      encoding: {
        x,
        y,
        color,
        shape: {
          field: 'stat',
          type: 'nominal' as const,
          scale: { domain: [P50, P99], range: ['circle', 'square'] },
          title: null,
        },
        tooltip: [
          { field: 'label', title: 'memory' },
          { field: 'stat', title: 'percentile' },
          { field: 'ms', title: 'latency (ms)', format: ',.3~r' },
          { field: 'cost', title: 'cost per million calls', format: '$,.3~r' },
        ],
      },
    },
    {
      // Each size named once, beside its p99.
      transform: [{ filter: `datum.stat == '${P99}'` }],
      mark: { type: 'text' as const, dy: -10, fontSize: 10, color: '#444' },
      encoding: { x, y, text: { field: 'label' } },
    },
    {
      data: { values: marks },
      mark: {
        type: 'point' as const,
        shape: 'circle',
        size: 400,
        strokeWidth: 2,
        color: MARK_COLOR,
        filled: false,
      },
      encoding: { x, y },
    },
    {
      data: { values: marks },
      mark: {
        type: 'text' as const,
        align: 'left' as const,
        dx: 14,
        dy: 14,
        fontSize: 11,
        fontWeight: 'bold' as const,
        color: MARK_COLOR,
      },
      encoding: { x, y, text: { field: 'note' } },
    },
  ];
  return {
    $schema: SCHEMA,
    title: chartTitle(results, [
      'Latency against cost, one point per memory size',
      'Circled: the cheapest size and the fastest (lowest p99); more memory buys CPU, so calls get shorter while each second costs more',
    ]),
    config: baseConfig(),
    data: { values: rows },
    width: WIDTH,
    height: HEIGHT,
    layer,
  } as VegaLiteSpec;
}

/** 1, 2, 5 times the powers of ten inside [lo, hi]; powers of ten alone when that is too many. */
function oneTwoFive(lo: number, hi: number): number[] {
  const all: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = Number(`${m}e${k}`);
      if (v >= lo && v <= hi) all.push(v);
    }
  }
  return all.length <= 8 ? all : all.filter((v) => String(v).startsWith('1'));
}

export const powerTuningChart: ChartKind<'powerTuning', PowerTuningOptions> = {
  name: 'powerTuning',
  shows:
    'latency (p50 and p99) against cost per million calls, one point per memory size, the cheapest size and the fastest (lowest p99) circled; see `experiments/power-tuning.json`',
  drawnWhen: 'a memory axis (`function.memoryMB`)',
  byDefault: (results) => matchNumericAxis(results, MEMORY_AXIS) !== undefined,
  undrawable: (results) =>
    numericAxes(results).length === 0
      ? `it needs a sweep over memory sizes (${axesInWords(results)})`
      : unmeasured(results),
  title: () => 'Power tuning: latency against cost by memory size',
  spec: powerTuning,
};
