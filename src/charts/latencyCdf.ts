/**
 * The whole distribution of each point, not just its percentiles: where the
 * curve has a shoulder, a second population (cold starts, retries) begins.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import {
  type Axis,
  displayName,
  isNumericAxis,
  measuredPoints,
  pointsTitle,
  seriesOf,
  seriesOrder,
  seriesTitle,
} from './axes.ts';
import { cleanCdf } from './cdf.ts';
import { latencyScale } from './scales.ts';
import {
  baseConfig,
  categoryScale,
  DASHES,
  HEIGHT,
  ORDERED,
  orderedColors,
  SCHEMA,
  WIDTH,
} from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

export interface DistributionOptions {
  /** Only these points (by index); default: every point with calls. */
  points?: readonly number[];
}

export interface CdfRow {
  point: string;
  panel: string;
  latency: number;
  p: number;
}

/**
 * Rows of the chosen points' stored CDFs, and how to tell the points apart:
 * with a category axis (platform) and more, one panel per category and one
 * colour per remaining value, since a dozen colours in one panel do not read.
 */
export function cdfRows(results: ExperimentResults, options: DistributionOptions) {
  const chosen = measuredPoints(results).filter(
    (pt) => options.points === undefined || options.points.includes(pt.index),
  );
  const category =
    results.axes.length > 1 ? results.axes.find((a) => !isNumericAxis(a)) : undefined;
  const colorAxes: Axis[] = results.axes.filter((a) => a !== category);
  const name = (pt: (typeof chosen)[number]) =>
    category ? seriesOf(pt, colorAxes) : displayName(results, pt);
  const rows: CdfRow[] = [];
  for (const pt of chosen) {
    const panel = category ? String(pt.params[category.path] ?? '') : '';
    const point = name(pt);
    for (const [p, latency] of cleanCdf(pt.cdf)) rows.push({ point, panel, latency, p });
  }
  const names = [...new Set(chosen.map(name))];
  const ordered = colorAxes.length === 1 && isNumericAxis(colorAxes[0]);
  const title = category ? seriesTitle(colorAxes) : pointsTitle(results);
  const color = {
    field: 'point',
    type: 'nominal' as const,
    sort: names,
    title,
    // Along a numeric sweep, light to dark follows the sweep, in greyscale too.
    scale:
      ordered && names.length <= ORDERED.length
        ? { domain: names, range: orderedColors(names.length) }
        : ordered
          ? { domain: names, scheme: 'viridis' }
          : categoryScale(names),
  };
  // Three or more categories: their colours alone do not survive greyscale
  // printing, so the lines also differ by dash (the legend shows both).
  const dash =
    !ordered && names.length > 2
      ? {
          strokeDash: {
            field: 'point',
            type: 'nominal' as const,
            sort: names,
            title,
            scale: { domain: names, range: names.map((_, i) => DASHES[i % DASHES.length]) },
          },
        }
      : {};
  const facet = category
    ? {
        field: 'panel',
        type: 'nominal' as const,
        sort: seriesOrder(chosen, [category]),
        header: { title: category.name },
      }
    : null;
  return { rows, color, dash, facet };
}

/** A single chart, or small multiples when cdfRows splits by category. */
export function distributionSpec(
  base: Record<string, unknown>,
  facet: ReturnType<typeof cdfRows>['facet'],
  unit: Record<string, unknown>,
): VegaLiteSpec {
  if (!facet) return { ...base, width: WIDTH, height: HEIGHT, ...unit } as VegaLiteSpec;
  return {
    ...base,
    facet,
    columns: 2,
    spec: { width: Math.floor(WIDTH / 2), height: HEIGHT - 40, ...unit },
  } as VegaLiteSpec;
}

export function latencyCdf(
  results: ExperimentResults,
  options: DistributionOptions = {},
): VegaLiteSpec {
  const { rows, color, dash, facet } = cdfRows(results, options);
  const x = latencyScale(rows.map((r) => r.latency));
  const base = {
    $schema: SCHEMA,
    title: chartTitle(results, 'Cumulative distribution of end-to-end latency'),
    data: { values: rows },
    config: baseConfig(),
  };
  return distributionSpec(base, facet, {
    mark: { type: 'line', strokeWidth: 2, interpolate: 'monotone' },
    encoding: {
      x: { field: 'latency', type: 'quantitative', scale: x.scale, axis: x.axis },
      y: {
        field: 'p',
        type: 'quantitative',
        scale: { domain: [0, 1] },
        axis: { title: 'share of requests at or below (CDF)', format: '~%', tickCount: 5 },
      },
      color,
      ...dash,
    },
  });
}
