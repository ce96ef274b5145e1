/**
 * Where the time goes: for calls near the median and calls near the p99, the
 * time spent in each stage, stacked in the order a call meets them. The two
 * panels have their own x scales: a p99 can be a hundred times a p50.
 */
import type { ExperimentResults, StageBreakdown } from '../experiments/results.ts';
import { displayName, pointsTitle } from './axes.ts';
import { type ChartKind, noPointMeasured } from './chartKind.ts';
import { formatMs, MS_LABEL_EXPR } from './format.ts';
import { MAX_ROWS, spanning, spanningNote } from './spanning.ts';
import { STAGE_COLOR, STAGE_LABEL, STAGE_ORDER } from './stages.ts';
import { baseConfig, SCHEMA } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

const PANELS = [
  ['p50', 'calls near the p50'],
  ['p99', 'calls near the p99'],
] as const;

interface Row {
  point: string;
  panel: string;
  stage?: string;
  order?: number;
  ms?: number;
  /** Total rows carry the end-to-end latency and its label, drawn after the bar. */
  total?: number;
  label?: string;
  /** Past the total, to keep room for its label inside the panel. */
  room?: number;
}

export interface StageBreakdownOptions {
  points?: readonly number[];
}

/** Room for a point's name, in px: about 60 characters at 11 px. */
const LABEL_LIMIT = 380;

export function stageBreakdown(
  results: ExperimentResults,
  options: StageBreakdownOptions = {},
): VegaLiteSpec {
  const rows: Row[] = [];
  const names: string[] = [];
  const asked = results.points.filter(
    (pt) =>
      (options.points === undefined || options.points.includes(pt.index)) &&
      (pt.breakdown.p50 !== null || pt.breakdown.p99 !== null),
  );
  const shown = spanning(asked, MAX_ROWS);
  const notes =
    shown.length < asked.length
      ? [spanningNote('points', 'chart', shown.length, asked.length)]
      : [];
  for (const pt of shown) {
    const name = displayName(results, pt);
    names.push(name);
    for (const [key, panel] of PANELS) {
      const b: StageBreakdown | null = pt.breakdown[key];
      if (b === null) continue;
      let stacked = 0;
      STAGE_ORDER.forEach((stage, order) => {
        const ms = b[stage];
        if (Number.isFinite(ms) && ms > 0) {
          rows.push({ point: name, panel, stage: STAGE_LABEL[stage], order, ms });
          stacked += ms;
        }
      });
      if (Number.isFinite(b.latency)) {
        // Mean stage times of calls near a percentile need not add up to its
        // latency exactly: the label goes after whichever ends later.
        const end = Math.max(b.latency, stacked);
        const label = formatMs(b.latency);
        rows.push({ point: name, panel, total: end, label, room: end * 1.3 });
      }
    }
  }
  // Labels closer than 12 px drop every other one: "200 ms 400 ms 600 ms" otherwise run together.
  const xAxis = {
    title: 'time',
    tickCount: 4,
    labelExpr: MS_LABEL_EXPR,
    labelOverlap: true,
    labelSeparation: 12,
  };
  const y = {
    field: 'point',
    type: 'nominal' as const,
    sort: names,
    // Whole names: cut ones can read alike ("article-2019-latency-optimised, same-region, …" twice).
    axis: { title: pointsTitle(results), labelLimit: LABEL_LIMIT },
  };
  return {
    $schema: SCHEMA,
    title: chartTitle(
      results,
      'Where the time goes: mean time per stage, calls near the p50 and the p99',
      notes,
    ),
    data: { values: rows },
    facet: {
      column: {
        field: 'panel',
        type: 'nominal',
        sort: PANELS.map((p) => p[1]),
        header: { title: null, labelFontSize: 12 },
      },
    },
    spec: {
      // Long names take their room from the panels, so that the chart still fits the column.
      width: names.some((n) => n.length > 40) ? 210 : 270,
      height: Math.max(60, 26 * names.length),
      layer: [
        {
          transform: [{ filter: 'datum.ms != null' }],
          mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            y,
            x: {
              field: 'ms',
              type: 'quantitative',
              stack: 'zero',
              axis: xAxis,
            },
            color: {
              field: 'stage',
              type: 'nominal',
              title: 'stage',
              // Below the panels: beside them, long point names push the chart past the column.
              legend: { orient: 'bottom', columns: 4 },
              scale: {
                domain: STAGE_ORDER.map((s) => STAGE_LABEL[s]),
                range: STAGE_ORDER.map((s) => STAGE_COLOR[s]),
              },
            },
            order: { field: 'order', type: 'quantitative' },
          },
        },
        {
          transform: [{ filter: 'datum.total != null' }],
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333333' },
          // The same axis as the bars': without it Vega-Lite merges in a default one and its ticks crowd.
          encoding: {
            y,
            x: { field: 'total', type: 'quantitative', axis: xAxis },
            text: { field: 'label' },
          },
        },
        {
          transform: [{ filter: 'datum.room != null' }],
          mark: { type: 'point', opacity: 0 },
          encoding: { y, x: { field: 'room', type: 'quantitative' } },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
    config: baseConfig(),
  } as VegaLiteSpec;
}

export const stageBreakdownChart: ChartKind<'stageBreakdown', StageBreakdownOptions> = {
  name: 'stageBreakdown',
  shows: 'where the time goes, stage by stage, near the p50 and the p99',
  drawnWhen: 'always',
  byDefault: () => true,
  undrawable: (results) =>
    results.points.some((p) => p.breakdown.p50 !== null || p.breakdown.p99 !== null)
      ? null
      : noPointMeasured(results),
  title: () => 'Where the time goes',
  spec: stageBreakdown,
};
