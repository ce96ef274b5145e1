/**
 * coldtail's signature chart: how the median and the tail move along a sweep
 * (chain depth, fan-out, load). Percentiles drift apart as cold starts and
 * queues compound, and a log y axis keeps p50 and p99.9 on one page.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import {
  type Axis,
  isNumericAxis,
  numberAt,
  numericAxes,
  seriesOf,
  seriesOrder,
  seriesTitle,
  xAxisOf,
} from './axes.ts';
import { type ChartKind, unmeasured } from './chartKind.ts';
import { DEFAULT_PERCENTILES, PERCENTILE_LABEL, type PercentileKey } from './percentiles.ts';
import { latencyScale, sweepX } from './scales.ts';
import {
  MAX_LINES,
  MAX_MARKED,
  MAX_PANELS,
  MAX_X,
  spanning,
  spanningNote,
  thinAlong,
} from './spanning.ts';
import { baseConfig, HEIGHT, ORDERED, SCHEMA, SHAPES, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface PercentileCurvesOptions {
  /** Path (or name) of the sweep axis along x; default: the first numeric axis. */
  x?: string;
  /** How the other axes' series are told apart: small multiples (default) or dash patterns. */
  split?: 'facet' | 'dash';
  percentiles?: readonly PercentileKey[];
}

interface Row {
  x: number | string;
  series: string;
  pct: string;
  value: number;
  low: number | null;
  high: number | null;
}

export function percentileCurves(
  results: ExperimentResults,
  options: PercentileCurvesOptions = {},
): VegaLiteSpec {
  const xAxis = xAxisOf(results, options.x) ?? results.axes[0];
  if (!xAxis) throw new Error('percentileCurves: the experiment has no sweep axis to draw along');
  const others = results.axes.filter((a) => a !== xAxis);
  const keys = options.percentiles ?? DEFAULT_PERCENTILES;
  const labels = keys.map((k) => PERCENTILE_LABEL[k]);
  const allSeries = seriesOrder(results.points, others);
  const multi = others.length > 0 && allSeries.length > 1;
  const facet = multi && (options.split ?? 'facet') === 'facet';
  const dash = multi && !facet;
  // A panel (or a dash pattern) per series, kept to a number that reads.
  const series = spanning(allSeries, facet ? MAX_PANELS : MAX_LINES);
  const kept = new Set(series);
  const all = rowsOf(results, xAxis, others, keys).filter((r) => kept.has(r.series));
  // Past a thousand sweep values a line is finer than the pixels it is drawn with.
  const thinned = thinAlong(all, xAxis.name, MAX_X, 'lines drawn through');
  const rows = thinned.rows;
  const notes =
    series.length < allSeries.length
      ? [spanningNote(facet ? 'panels' : 'lines', 'chart', series.length, allSeries.length)]
      : [];
  if (thinned.note) notes.push(thinned.note);
  // A marker per point helps read a dozen points; over hundreds it is only ink.
  const markers = new Set(rows.map((r) => r.x)).size <= MAX_MARKED;

  // Seven or eight panels read better as two rows of four than three rows of three.
  const columns = Math.min(series.length, series.length >= 7 ? 4 : 3);
  // Four panels across must still fit the report's column (about 960 px) unscaled.
  const panelWidth = Math.max(160, Math.floor((WIDTH + 100) / columns) - 40);
  const x = sweepX(xAxis, xAxis.name, facet ? panelWidth : WIDTH);
  const xEnc = { field: 'x', ...x.encoding };
  const y = latencyScale(rows.flatMap((r) => [r.value, r.low ?? r.value, r.high ?? r.value]));
  const yEnc = { type: 'quantitative' as const, scale: y.scale, axis: y.axis };
  const color = {
    field: 'pct',
    type: 'nominal' as const,
    title: 'percentile',
    scale: { domain: labels, range: ORDERED.slice(0, labels.length) },
    // The band layer's opacity would otherwise fade the merged legend's symbols.
    legend: { symbolOpacity: 1 },
  };
  const dashEnc = dash
    ? {
        strokeDash: {
          field: 'series',
          type: 'nominal' as const,
          title: seriesTitle(others),
          sort: series,
        },
      }
    : {};
  const pointLayer = {
    mark: { type: 'point' as const, filled: true, size: 36, opacity: 1 },
    encoding: {
      x: xEnc,
      y: { ...yEnc, field: 'value' },
      color,
      shape: {
        field: 'pct',
        type: 'nominal' as const,
        title: 'percentile',
        scale: { domain: labels, range: SHAPES.slice(0, labels.length) },
      },
    },
  };
  const layer = [
    {
      // The 95% interval across replications; absent with one replication.
      transform: [{ filter: 'datum.low != null && datum.high != null && datum.low > 0' }],
      mark: { type: 'area' as const, opacity: 0.18 },
      encoding: {
        x: xEnc,
        y: { ...yEnc, field: 'low' },
        y2: { field: 'high' },
        color,
        detail: { field: 'series' },
      },
    },
    {
      mark: { type: 'line' as const, strokeWidth: 2 },
      encoding: {
        x: xEnc,
        y: { ...yEnc, field: 'value' },
        color,
        detail: { field: 'series' },
        ...dashEnc,
      },
    },
    ...(markers ? [pointLayer] : []),
  ];
  const bands = rows.some((r) => r.low !== null && r.high !== null && r.low > 0);
  const title = chartTitle(
    results,
    [
      `End-to-end latency percentiles against ${xAxis.name}`,
      ...(bands ? [`Bands: 95% intervals over ${results.replications} replications`] : []),
    ],
    notes,
  );
  const base = { $schema: SCHEMA, title, data: { values: rows }, config: baseConfig() };
  if (!facet) return { ...base, width: WIDTH, height: HEIGHT, layer } as VegaLiteSpec;
  return {
    ...base,
    facet: {
      field: 'series',
      type: 'nominal',
      sort: series,
      header: { title: seriesTitle(others), labelFontSize: 12 },
    },
    columns,
    spec: { width: panelWidth, height: HEIGHT - 40, layer },
    resolve: { scale: { y: 'shared' } },
  } as VegaLiteSpec;
}

function rowsOf(
  results: ExperimentResults,
  xAxis: Axis,
  others: readonly Axis[],
  keys: readonly PercentileKey[],
): Row[] {
  const rows: Row[] = [];
  for (const point of results.points) {
    const raw = point.params[xAxis.path];
    const x = isNumericAxis(xAxis)
      ? numberAt(point, xAxis)
      : raw === undefined
        ? null
        : String(raw);
    if (x === null) continue;
    for (const key of keys) {
      const e = point.endToEnd[key];
      // Log scales cannot place zero or null: those points are left out, not drawn at the edge.
      if (e.value === null || !(e.value > 0)) continue;
      rows.push({
        x,
        series: seriesOf(point, others),
        pct: PERCENTILE_LABEL[key],
        value: e.value,
        low: e.low,
        high: e.high,
      });
    }
  }
  return rows;
}

/** Percentiles along a numeric sweep: drawn whenever the sweep has a numeric axis. */
export const percentileCurvesChart: ChartKind<'percentileCurves', PercentileCurvesOptions> = {
  name: 'percentileCurves',
  shows:
    'p50, p90, p99, p99.9 against a numeric axis (log latency), bands for the 95% intervals, a panel per platform',
  drawnWhen: 'a numeric sweep axis (e.g. chain depth)',
  byDefault: (results) => numericAxes(results).length > 0,
  undrawable: (results) =>
    results.axes.length === 0
      ? 'it draws along a sweep, and the results have none'
      : unmeasured(results),
  title: () => 'Percentiles along the sweep',
  spec: percentileCurves,
};
