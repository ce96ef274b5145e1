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

/**
 * How a sweep axis runs along x. Few values are labelled one by one; a wide
 * positive range (fan-out 1..1000, keep-alive 1 s..1 h) goes on a log scale
 * so the small values do not crowd into the corner.
 */
export function sweepX(axis: Axis, title = axis.name) {
  if (!isNumericAxis(axis)) {
    return {
      type: 'ordinal' as const,
      scale: undefined,
      axis: { title, labelAngle: 0, labelLimit: 120 },
      sort: axis.values.map(String),
    };
  }
  const values = distinctNumbers(axis.values);
  const lo = values[0];
  const hi = values[values.length - 1];
  const log = lo > 0 && hi / lo >= 30;
  const duration = looksLikeDuration(axis);
  const labelled = values.length <= 10;
  const axisBlock: Record<string, unknown> = { title: duration ? `${title} (ms)` : title };
  if (labelled) axisBlock.values = values;
  else axisBlock.tickCount = 6;
  if (duration) axisBlock.labelExpr = MS_LABEL_EXPR;
  else axisBlock.format = '~g';
  return {
    type: 'quantitative' as const,
    scale: log
      ? { type: 'log' as const, domain: [lo, hi], nice: false }
      : { type: 'linear' as const, domain: lo === hi ? [lo - 1, hi + 1] : [lo, hi], nice: false },
    axis: axisBlock,
    sort: undefined,
  };
}
