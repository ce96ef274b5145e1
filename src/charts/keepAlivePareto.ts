/**
 * Keep-alive policies compared on both of their costs at once (Shahrad et al. 2020, Fig. 14-15):
 * the share of requests with a cold start (what users pay) against the wasted memory time, the
 * GB-seconds of idle instances per request (what the provider pays). One point per sweep
 * point; a policy is better than another when its point lies below and to the left. Points
 * are labelled with the keep-alive axis' value, and coloured by the other axes (e.g. the
 * policy), so that the fixed windows read as a curve and the adaptive policy as its own mark.
 */

import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import { formatDuration } from '../spec/duration.ts';
import { type Axis, seriesOf, seriesOrder, seriesTitle, xAxisOf } from './axes.ts';
import { type ChartKind, unmeasured } from './chartKind.ts';
import { maxOf } from './extent.ts';
import { KEEP_ALIVE_AXIS } from './keepAliveCost.ts';
import { regionPareto } from './regionPareto.ts';
import { baseConfig, categoryScale, HEIGHT, SCHEMA, SHAPES, WIDTH } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface KeepAliveParetoOptions {
  /** Path (or name) of the axis whose values label the points; default: the keep-alive axis. */
  label?: string;
  /**
   * `requests` (default): the share of requests with a cold start against idle GB-s per
   * request. `p75Function`, for a region (results with a functions summary): the cold-start
   * share of the 75th-percentile function against wasted memory time normalised to the fixed
   * 10-minute keep-alive, as Shahrad et al. plot it.
   */
  measure?: 'requests' | 'p75Function';
  /** With p75Function: the point whose wasted memory time is 100 % (default: referencePoint). */
  reference?: number;
}

interface Row {
  share: number;
  wasted: number;
  series: string;
  label: string;
}

/** Idle GB-seconds per completed request at a point; null without calls or without the figure. */
export function wastedPerRequest(results: ExperimentResults, p: PointResult): number | null {
  const idle = p.cost.idleGbSeconds;
  const perReplication = p.calls.completed / Math.max(1, results.replications);
  return idle === undefined || !(perReplication > 0) ? null : idle / perReplication;
}

function labelOf(p: PointResult, axis: Axis | null): string {
  if (axis === null) return '';
  const v = p.params[axis.path];
  if (typeof v === 'number' && /keep.?alive|window|ttl|period/i.test(axis.path)) {
    return formatDuration(v);
  }
  return String(v ?? '');
}

/**
 * Points of one series at the same place (settings that made no difference, such as the fixed
 * window under an adaptive policy) become one, labelled with the range of their settings.
 */
function merge(rows: Row[]): void {
  for (let i = 0; i < rows.length; i++) {
    let last = '';
    for (let j = i + 1; j < rows.length; ) {
      const a = rows[i];
      const b = rows[j];
      if (a.series === b.series && a.share === b.share && a.wasted === b.wasted) {
        last = b.label;
        rows.splice(j, 1);
      } else {
        j++;
      }
    }
    if (last !== '') rows[i].label = `${rows[i].label} to ${last}`;
  }
}

export function keepAlivePareto(
  results: ExperimentResults,
  options: KeepAliveParetoOptions = {},
): VegaLiteSpec {
  if (options.measure === 'p75Function') return regionPareto(results, options);
  const axis = xAxisOf(results, options.label, KEEP_ALIVE_AXIS);
  const others = results.axes.filter((a) => a !== axis);
  const rows: Row[] = [];
  for (const p of results.points) {
    const wasted = wastedPerRequest(results, p);
    const share = p.cold.share.value;
    // No NaN in a chart: a point without calls or without the figure is left out.
    if (wasted === null || share === null || !Number.isFinite(wasted)) continue;
    rows.push({
      share,
      wasted,
      series: seriesOf(p, others),
      label: labelOf(p, axis),
    });
  }
  merge(rows);
  const series = seriesOrder(results.points, others);
  const named = others.length > 0 && series.length > 1;
  const wastedMax = rows.length > 0 ? maxOf(rows.map((r) => r.wasted)) : 0;
  const x = {
    field: 'share',
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: { title: 'share of requests with a cold start', format: '~%', tickCount: 5 },
  };
  const y = {
    field: 'wasted',
    type: 'quantitative' as const,
    scale: { domain: [0, wastedMax > 0 ? wastedMax : 1], nice: true },
    axis: { title: 'idle memory per request (GB-s)', format: ',.3~r', tickCount: 5 },
  };
  const colour = named
    ? {
        color: {
          field: 'series',
          type: 'nominal' as const,
          title: seriesTitle(others),
          scale: categoryScale(series),
          legend: { orient: 'bottom' as const },
        },
        shape: {
          field: 'series',
          type: 'nominal' as const,
          title: seriesTitle(others),
          scale: { domain: series, range: SHAPES.slice(0, Math.max(1, series.length)) },
        },
      }
    : {};
  return {
    $schema: SCHEMA,
    title: chartTitle(results, [
      'Cold starts against wasted memory time: lower left is better',
      'Idle memory: GB-seconds of instances loaded while serving no call, per request (the provider pays it)',
    ]),
    config: baseConfig(),
    data: { values: rows },
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        mark: { type: 'point' as const, filled: true, size: 80 },
        encoding: { x, y, ...colour },
      },
      {
        mark: {
          type: 'text' as const,
          align: 'left' as const,
          baseline: 'middle' as const,
          dx: 7,
          fontSize: 11,
        },
        encoding: { x, y, text: { field: 'label' }, ...(named ? { color: colour.color } : {}) },
      },
    ],
  } as VegaLiteSpec;
}

/** Drawn only when named (keep-alive-policies.json does). */
export const keepAliveParetoChart: ChartKind<'keepAlivePareto', KeepAliveParetoOptions> = {
  name: 'keepAlivePareto',
  shows:
    "the trade between cold starts and idle memory, lower left is better. `requests`: one point per sweep point, the share of requests with a cold start against the idle memory per request (GB-seconds of instances loaded while serving no call: wasted memory time, `cost.idleGbSeconds`), coloured by the other axes (e.g. the keep-alive policy); points of one series at the same place are merged and labelled with the range of their settings. `p75Function`, for a region (a population, a trace replayed by function): Shahrad et al.'s measure (Serverless in the Wild, 2020, Fig. 15), the cold-start share of the 75th-percentile function (functions ranked by their own share, nearest rank, over those called) against the wasted memory time of all functions normalised to the fixed 10-minute keep-alive's, a dashed line at 100 %; fixed windows are joined as one curve, any other named policy is its own mark. A point without called functions, or a reference without idle memory, is left out",
  drawnWhen:
    'only when named in `charts`, and only for results that hold idle memory time (with `p75Function`, a functions summary)',
  undrawable: (results) =>
    results.points.some((p) => p.cost.idleGbSeconds !== undefined)
      ? unmeasured(results)
      : 'the results have no idle memory time (written before it was measured)',
  title: () => 'Cold starts against wasted memory time',
  spec: keepAlivePareto,
  // One panel, or none for a region's measure on results without a functions summary (the
  // measure is per function: nothing to draw, and undrawable cannot see the options).
  panels: (results, options) =>
    options?.measure === 'p75Function' && !results.points.some((p) => p.functions !== undefined)
      ? []
      : [
          {
            name: 'keepAlivePareto',
            title: 'Cold starts against wasted memory time',
            spec: keepAlivePareto(results, options),
          },
        ],
};
