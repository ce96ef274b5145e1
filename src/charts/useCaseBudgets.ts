/**
 * Which use cases a platform can serve: each point's p99 (with its 95%
 * interval) against the latency budgets of interactive work, on one log
 * axis. The budgets are listed above the points, their limits drawn through.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import { displayName, numericAxes } from './axes.ts';
import { budgetsMet, LATENCY_BUDGETS, type LatencyBudget } from './budgets.ts';
import { type ChartKind, noPointMeasured } from './chartKind.ts';
import { formatMs } from './format.ts';
import { PERCENTILE_LABEL, type PercentileKey } from './percentiles.ts';
import { latencyScale } from './scales.ts';
import { MAX_ROWS, spanning, spanningNote } from './spanning.ts';
import { baseConfig, OKABE_ITO, SCHEMA, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface UseCaseBudgetsOptions {
  /** Which percentile to hold against the budgets (default p99). */
  stat?: PercentileKey;
  budgets?: readonly LatencyBudget[];
}

interface Row {
  name: string;
  value: number | null;
  low: number | null;
  high: number | null;
  label: string;
  /** Whether the point lies in the right half of the axis: its label then goes on its left. */
  right?: boolean;
}

/** " · within 100 ms" (the tightest budget met, named in the panel above), or " · over every budget". */
function metNote(ms: number, budgets: readonly LatencyBudget[]): string {
  const met = budgetsMet(ms, budgets);
  if (met.length === 0) return ' · over every budget';
  return ` · within ${formatMs(met[0].ms)}`;
}

export function useCaseBudgets(
  results: ExperimentResults,
  options: UseCaseBudgetsOptions = {},
): VegaLiteSpec {
  const stat = options.stat ?? 'p99';
  const statName = PERCENTILE_LABEL[stat];
  const budgets = [...(options.budgets ?? LATENCY_BUDGETS)].sort((a, b) => a.ms - b.ms);
  const shown = spanning(results.points, MAX_ROWS);
  const notes =
    shown.length < results.points.length
      ? [spanningNote('points', 'chart', shown.length, results.points.length)]
      : [];
  const rows: Row[] = shown.map((pt) => {
    const e = pt.endToEnd[stat];
    const ok = e.value !== null && e.value > 0;
    return {
      name: displayName(results, pt),
      value: ok ? e.value : null,
      low: ok && e.low !== null && e.low > 0 ? e.low : null,
      high: ok && e.high !== null && e.high > 0 ? e.high : null,
      // Which budgets the point meets, in words: the tightest one is enough to name.
      label: ok
        ? `${statName} ${formatMs(e.value)}${metNote(e.value as number, budgets)}`
        : 'no completed calls',
    };
  });
  const names = rows.map((r) => r.name);
  const measured = rows
    .flatMap((r) => [r.value, r.low, r.high])
    .filter((v): v is number => v !== null);
  // Half the tightest budget as well: its bar must show, not start at the axis' edge.
  const tightest = budgets.length > 0 ? budgets[0].ms / 2 : 1;
  const x = latencyScale(
    [...measured, ...budgets.map((b) => b.ms), tightest],
    `${statName} latency`,
  );
  const lo = x.scale.domain[0];
  const hi = x.scale.domain[1];
  const middle = Math.sqrt(lo * hi);
  for (const r of rows) r.right = r.value !== null && r.value > middle;
  const xEnc = (field: string, last: boolean) => ({
    field,
    type: 'quantitative' as const,
    scale: x.scale,
    axis: last ? x.axis : { ...x.axis, title: null },
  });
  const limits = [...new Set(budgets.map((b) => b.ms))];
  // Alternate shading between successive limits, so each band reads as a zone.
  const bands = limits.map((ms, i) => ({
    from: i === 0 ? lo : limits[i - 1],
    to: ms,
    shade: i % 2,
  }));
  const budgetRows = budgets.map((b) => ({
    useCase: `${b.useCase} (${b.source})`,
    from: lo,
    ms: b.ms,
    label: formatMs(b.ms),
  }));
  const rowTitle = results.axes.length === 1 ? results.axes[0].name : null;
  // Long point names take their room from the plot, so that the chart still fits the column.
  const width = shown.some((p) => displayName(results, p).length > 40) ? WIDTH - 60 : WIDTH;
  return {
    $schema: SCHEMA,
    title: chartTitle(
      results,
      `The ${statName} of each point against latency budgets by use case`,
      notes,
    ),
    vconcat: [
      {
        width,
        height: 18 * budgets.length,
        data: { values: budgetRows },
        layer: [
          {
            mark: { type: 'bar', color: '#c9d7e3', height: 12 },
            encoding: {
              y: {
                field: 'useCase',
                type: 'nominal',
                sort: budgetRows.map((b) => b.useCase),
                axis: { title: 'budget', labelLimit: 360 },
              },
              x: xEnc('from', false),
              x2: { field: 'ms' },
            },
          },
          {
            mark: { type: 'text', align: 'right', dx: -3, fontSize: 11, color: '#333333' },
            encoding: {
              y: { field: 'useCase', type: 'nominal', sort: budgetRows.map((b) => b.useCase) },
              x: { field: 'ms', type: 'quantitative' },
              text: { field: 'label' },
            },
          },
        ],
      },
      {
        width,
        height: Math.max(60, 30 * rows.length),
        layer: [
          {
            data: { values: bands },
            mark: { type: 'rect', color: '#000000' },
            encoding: {
              x: xEnc('from', true),
              x2: { field: 'to' },
              opacity: {
                field: 'shade',
                type: 'quantitative',
                scale: { domain: [0, 1], range: [0.03, 0.08] },
                legend: null,
              },
            },
          },
          {
            data: { values: limits.map((ms) => ({ ms })) },
            mark: { type: 'rule', color: '#777777', strokeDash: [3, 3] },
            encoding: { x: xEnc('ms', true) },
          },
          // Each dashed line says which budget it is, at the top of the plot;
          // neighbours alternate between two heights so that 10 and 16 ms do not overlap.
          ...[0, 1].map((row) => ({
            data: {
              values: limits
                .map((ms, i) => ({ ms, label: formatMs(ms), row: i % 2 }))
                .filter((l) => l.row === row),
            },
            mark: {
              type: 'text' as const,
              align: 'left' as const,
              baseline: 'bottom' as const,
              dx: 2,
              // Above the plot, in the space between the two panels: never over a point's label.
              y: -3 - 13 * (1 - row),
              fontSize: 11,
              color: '#555555',
            },
            encoding: { x: xEnc('ms', true), text: { field: 'label' } },
          })),
          {
            data: { values: rows },
            layer: [
              {
                transform: [{ filter: 'datum.low != null && datum.high != null' }],
                mark: { type: 'rule', color: OKABE_ITO[0], strokeWidth: 2 },
                encoding: {
                  y: {
                    field: 'name',
                    type: 'nominal',
                    sort: names,
                    // Long enough for "article-2019-latency-optimised, same-region, keep-alive 10 min": cut, two rows read alike.
                    axis: { title: rowTitle, labelLimit: 380 },
                  },
                  x: xEnc('low', true),
                  x2: { field: 'high' },
                },
              },
              {
                transform: [{ filter: 'datum.value != null' }],
                mark: { type: 'point', filled: true, size: 80, color: OKABE_ITO[0], opacity: 1 },
                encoding: {
                  y: { field: 'name', type: 'nominal', sort: names },
                  x: xEnc('value', true),
                },
              },
              // The label twice: a white outline first, so that the budget
              // lines it crosses do not strike through it.
              ...[{ stroke: 'white', strokeWidth: 3, strokeJoin: 'round' as const }, {}].flatMap(
                (halo) =>
                  // In the right half of the axis a label goes left of its point, so
                  // that it never runs past the plot (and widens the chart).
                  [false, true].map((right) => ({
                    mark: {
                      type: 'text' as const,
                      align: right ? ('right' as const) : ('left' as const),
                      dx: right ? -8 : 8,
                      fontSize: 11,
                      ...halo,
                    },
                    encoding: {
                      y: { field: 'name', type: 'nominal' as const, sort: names },
                      // Points without calls are labelled at the left edge, so they are not silently missing.
                      x: { field: 'labelAt', type: 'quantitative' as const },
                      text: { field: 'label' },
                    },
                    transform: [
                      { filter: right ? 'datum.right' : '!datum.right' },
                      {
                        calculate: right
                          ? 'datum.low != null ? datum.low : datum.value'
                          : `datum.high != null ? datum.high : datum.value != null ? datum.value : ${lo}`,
                        as: 'labelAt',
                      },
                    ],
                  })),
              ),
            ],
          },
        ],
      },
    ],
    // Room between the panels for the budget lines' labels.
    spacing: 36,
    resolve: { scale: { x: 'shared' } },
    config: baseConfig(),
  } as VegaLiteSpec;
}

/** Without a numeric sweep the points are compared side by side, here against the budgets. */
export const useCaseBudgetsChart: ChartKind<'useCaseBudgets', UseCaseBudgetsOptions> = {
  name: 'useCaseBudgets',
  shows:
    "each point's p99 against the latency budgets (10 ms animation work, 100 ms instantaneous, 150/400 ms voice, 1 s flow, 10 s attention)",
  drawnWhen: 'no numeric sweep axis',
  byDefault: (results) => numericAxes(results).length === 0,
  undrawable: (results) => (results.points.length > 0 ? null : noPointMeasured(results)),
  title: () => 'Latency budgets by use case',
  spec: useCaseBudgets,
};
