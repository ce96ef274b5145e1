/**
 * Scale and axis blocks shared by the charts: latency on a log axis with
 * duration labels, and a sweep axis that is linear, log or ordinal as its
 * values suggest.
 */
import { type Axis, isNumericAxis, looksLikeDuration } from './axes.ts';
import { MS_LABEL_EXPR } from './format.ts';
import { logTicks } from './logTicks.ts';

/** A log latency scale and axis covering the given values, in ms. */
export function latencyScale(values: readonly number[], title = 'latency (ms)') {
  const ticks = logTicks(values);
  return {
    scale: { type: 'log' as const, domain: ticks.domain, nice: false },
    axis: { title, values: ticks.values, labelExpr: MS_LABEL_EXPR, grid: true },
  };
}

/** Sorted distinct finite numbers. */
export function distinctNumbers(values: readonly unknown[]): number[] {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return [...new Set(nums)].sort((a, b) => a - b);
}

export interface SweepX {
  /** A Vega-Lite x encoding without its field: type, scale, axis (and sort for categories). */
  encoding: Record<string, unknown> & { type: 'quantitative' | 'ordinal' };
  /** The numeric range drawn, or null for categories. */
  domain: [number, number] | null;
  log: boolean;
}

/**
 * How a sweep axis runs along x. Few values are labelled one by one; a wide
 * positive range (fan-out 1..1000, keep-alive 1 s..1 h) goes on a log scale
 * so the small values do not crowd into the corner. Categories are ordinal,
 * in the sweep's order.
 */
export function sweepX(axis: Axis, title = axis.name): SweepX {
  if (!isNumericAxis(axis)) {
    return {
      encoding: {
        type: 'ordinal',
        sort: axis.values.map(String),
        axis: { title, labelAngle: 0, labelLimit: 120 },
      },
      domain: null,
      log: false,
    };
  }
  const values = distinctNumbers(axis.values);
  const lo = values[0];
  const hi = values[values.length - 1];
  const log = lo > 0 && hi / lo >= 30;
  const duration = looksLikeDuration(axis);
  const axisBlock: Record<string, unknown> = { title: duration ? `${title} (ms)` : title };
  if (values.length <= 10) axisBlock.values = values;
  else axisBlock.tickCount = 6;
  if (duration) axisBlock.labelExpr = MS_LABEL_EXPR;
  else axisBlock.format = '~g';
  const domain: [number, number] = lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  if (log && lo === hi) domain.splice(0, 2, lo / 2, hi * 2);
  return {
    encoding: {
      type: 'quantitative',
      scale: { type: log ? 'log' : 'linear', domain, nice: false },
      axis: axisBlock,
    },
    domain,
    log,
  };
}

/** The numeric sweep axis a chart needs, or a clear error naming it. */
export function requireNumeric(axis: Axis, chart: string): Axis {
  if (!isNumericAxis(axis)) throw new Error(`${chart}: axis "${axis.path}" is not numeric`);
  return axis;
}
