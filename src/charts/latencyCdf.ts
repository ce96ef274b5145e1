/**
 * The whole distribution of each point, not just its percentiles: where the
 * curve has a shoulder, a second population (cold starts, retries) begins.
 */
import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import {
  type Axis,
  displayName,
  isNumericAxis,
  measuredPoints,
  numericAxes,
  pointsTitle,
  seriesOf,
  seriesOrder,
  seriesTitle,
} from './axes.ts';
import { cleanCdf } from './cdf.ts';
import { type ChartKind, noPointMeasured } from './chartKind.ts';
import { formatCount } from './format.ts';
import { latencyScale } from './scales.ts';
import { MAX_LINES, MAX_PANELS, spanning, spanningNote } from './spanning.ts';
import { STAGE_LABEL, STAGE_ORDER } from './stages.ts';
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
  const asked = measuredPoints(results).filter(
    (pt) => options.points === undefined || options.points.includes(pt.index),
  );
  const category =
    results.axes.length > 1 ? results.axes.find((a) => !isNumericAxis(a)) : undefined;
  const colorAxes: Axis[] = results.axes.filter((a) => a !== category);
  const name = (pt: PointResult) => (category ? seriesOf(pt, colorAxes) : displayName(results, pt));
  // A line per series and a panel per category, each kept to a number that reads.
  const allNames = [...new Set(asked.map(name))];
  const keptNames = new Set(spanning(allNames, MAX_LINES));
  const allPanels = category ? seriesOrder(asked, [category]) : [''];
  const keptPanels = new Set(spanning(allPanels, MAX_PANELS));
  const panelOf = (pt: PointResult) => (category ? String(pt.params[category.path] ?? '') : '');
  const chosen = asked.filter((pt) => keptNames.has(name(pt)) && keptPanels.has(panelOf(pt)));
  const notes: string[] = [];
  if (keptNames.size < allNames.length)
    notes.push(spanningNote('points', 'chart', keptNames.size, allNames.length));
  if (keptPanels.size < allPanels.length)
    notes.push(spanningNote('panels', 'chart', keptPanels.size, allPanels.length));
  const rows: CdfRow[] = [];
  let cut: { p: number; count: number } | null = null;
  let thinned = false;
  for (const pt of chosen) {
    const panel = panelOf(pt);
    const point = name(pt);
    const count = pt.endToEnd.count;
    const pairs = cleanCdf(pt.cdf);
    // A hand-made or foreign results file may store millions of pairs; a line needs a few hundred.
    if (pairs.length > MAX_PAIRS) thinned = true;
    for (const [p, latency] of spanning(pairs, MAX_PAIRS)) {
      if (!supported(p, count)) {
        if (p > 0.5 && (cut === null || count < cut.count)) cut = { p, count };
        continue;
      }
      rows.push({ point, panel, latency, p });
    }
  }
  if (cut !== null) notes.push(unsupportedNote(cut.p, cut.count));
  if (thinned) notes.push(`each line drawn through ${MAX_PAIRS} of its stored percentiles`);
  const names = [...new Set(chosen.map(name))];
  const ordered = colorAxes.length === 1 && isNumericAxis(colorAxes[0]);
  // Categories (platforms, clients) that coincide hide one another; along a numeric
  // sweep neighbours that coincide are the expected picture, told by the colour ramp.
  if (!ordered) notes.push(...coincideNotes(chosen, rows, name, panelOf));
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
  return { rows, color, dash, facet, notes };
}

/**
 * Calls that must lie beyond a stored percentile for it to be drawn: the
 * p99.99 of 6,091 calls is the slowest call, not an estimate of a tail.
 */
export const MIN_BEYOND = 10;

/** Stored percentiles drawn per line, at most (real results store about 20). */
const MAX_PAIRS = 400;

/** Whether `count` calls support the percentile p: MIN_BEYOND of them on each side. */
export function supported(p: number, count: number): boolean {
  return count * Math.min(p, 1 - p) >= MIN_BEYOND - 1e-9;
}

function unsupportedNote(p: number, count: number): string {
  const name = `p${Number((p * 100).toPrecision(6))}`;
  return `lines stop where fewer than ${MIN_BEYOND} calls lie beyond (the ${name} of ${formatCount(count)} calls would be their slowest)`;
}

/** Lines closer than this (relative latency) at every percentile drawn hide each other. */
const COINCIDE = 0.03;

/**
 * "cloudflare-workers and self-managed-fleet coincide ...": lines that lie on
 * top of each other, so that the reader knows one is hidden, and why when
 * the results say (the same stage dominates both at the median).
 */
function coincideNotes(
  chosen: readonly PointResult[],
  rows: readonly CdfRow[],
  name: (pt: PointResult) => string,
  panelOf: (pt: PointResult) => string,
): string[] {
  const curves = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const key = `${r.panel}\u0000${r.point}`;
    let c = curves.get(key);
    if (!c) curves.set(key, (c = new Map()));
    c.set(r.p, r.latency);
  }
  const out: string[] = [];
  const hidden = new Set<PointResult>();
  for (let i = 0; i < chosen.length && out.length < 3; i += 1) {
    for (let j = i + 1; j < chosen.length; j += 1) {
      const a = chosen[i];
      const b = chosen[j];
      if (hidden.has(b) || panelOf(a) !== panelOf(b)) continue;
      const ca = curves.get(`${panelOf(a)}\u0000${name(a)}`);
      const cb = curves.get(`${panelOf(b)}\u0000${name(b)}`);
      if (!ca || !cb) continue;
      let common = 0;
      let close = true;
      for (const [p, x] of ca) {
        const y = cb.get(p);
        if (y === undefined) continue;
        common += 1;
        if (Math.abs(x - y) > COINCIDE * Math.max(x, y)) {
          close = false;
          break;
        }
      }
      if (!close || common < 3) continue;
      hidden.add(b);
      out.push(
        `${panelOf(a) === '' ? '' : `${panelOf(a)}: `}${name(a)} and ${name(b)} coincide (within 3% at every percentile drawn)${why(a, b)}`,
      );
    }
  }
  return out;
}

/** "; the internet hop dominates both at the median", when it does. */
function why(a: PointResult, b: PointResult): string {
  const ba = a.breakdown.p50;
  const bb = b.breakdown.p50;
  if (!ba || !bb) return '';
  const top = (x: NonNullable<PointResult['breakdown']['p50']>) =>
    STAGE_ORDER.reduce((m, k) => (x[k] > x[m] ? k : m), STAGE_ORDER[0]);
  const ka = top(ba);
  if (ka !== top(bb) || ba[ka] < 0.4 * ba.latency) return '';
  return `: ${STAGE_LABEL[ka]} dominates both at the median`;
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
  const { rows, color, dash, facet, notes } = cdfRows(results, options);
  const x = latencyScale(rows.map((r) => r.latency));
  const base = {
    $schema: SCHEMA,
    title: chartTitle(results, 'Cumulative distribution of end-to-end latency', notes),
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

/**
 * Without a numeric sweep the points are compared side by side: the whole distribution says
 * more than a line through two points.
 */
export const latencyCdfChart: ChartKind<'latencyCdf', DistributionOptions> = {
  name: 'latencyCdf',
  shows: 'the distribution of latency (CDF), a line per point',
  drawnWhen: 'no numeric sweep axis',
  byDefault: (results) => numericAxes(results).length === 0,
  undrawable: (results) => withCdf(results),
  title: () => 'Latency distribution (CDF)',
  spec: latencyCdf,
};

/** null when some point holds a CDF to draw (the CDF and the tail plot), else why not. */
export function withCdf(results: ExperimentResults): string | null {
  return measuredPoints(results).some((p) => p.cdf.length > 0) ? null : noPointMeasured(results);
}
