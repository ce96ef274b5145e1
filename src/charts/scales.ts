/**
 * Scale and axis blocks shared by the charts: latency on a log axis with
 * duration labels, a sweep axis that is linear, log or ordinal as its values
 * suggest, and a time axis that keeps one unit.
 *
 * Axis titles name the quantity, not a unit, wherever the tick labels carry
 * their own ("10 ms", "5 min"): a title saying "(ms)" over ticks reading
 * "1 s" would contradict them.
 */
import { type Axis, axisNumbers, isNumericAxis, looksLikeDuration } from './axes.ts';
import { MS_LABEL_EXPR, msTickLabel, TIME_UNITS, type TimeUnit, unitLabelExpr } from './format.ts';
import { logTicks } from './logTicks.ts';
import { WIDTH } from './theme.ts';

/** A log latency scale and axis covering the given values, in ms. */
export function latencyScale(values: readonly number[], title = 'latency') {
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
 * so the small values do not crowd into the corner. Durations, given in ms
 * or written as "10min", are numbers in ms labelled "10 min". Categories are
 * ordinal, in the sweep's order. `width` is the plot's width in pixels, used
 * to keep neighbouring labels apart (9 and 11 min on a 2 min..1 h axis).
 */
export function sweepX(axis: Axis, title = axis.name, width = WIDTH): SweepX {
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
  const values = distinctNumbers(axisNumbers(axis));
  const lo = values[0];
  const hi = values[values.length - 1];
  const log = lo > 0 && hi / lo >= 30;
  const duration = looksLikeDuration(axis);
  const domain: [number, number] = lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  if (log && lo === hi) domain.splice(0, 2, lo / 2, hi * 2);
  const axisBlock: Record<string, unknown> = { title };
  // Not format: '~g', which Vega's tick formatting turns into "1e+1" for 10.
  axisBlock.labelExpr = duration ? MS_LABEL_EXPR : "format(datum.value, ',~r')";
  if (values.length <= 10) {
    axisBlock.values = values;
    const label = duration
      ? msTickLabel
      : (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 12 });
    Object.assign(axisBlock, labelPlacement(values, label, domain, log, width));
  } else {
    axisBlock.tickCount = 6;
  }
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

/** Pixels between labels, at least. */
const LABEL_GAP = 4;

/**
 * Where each label of an axis with given tick values sits: centred on its
 * tick, except the ends (flush with the plot) and a label that would touch
 * its left neighbour, which moves to start at its tick (or pushes the
 * neighbour to end at its own). Labels that still collide are dropped by
 * Vega's greedy overlap removal, the rest kept: Vega's default removes every
 * other label as soon as two touch.
 */
function labelPlacement(
  values: readonly number[],
  label: (v: number) => string,
  domain: [number, number],
  log: boolean,
  width: number,
) {
  const f = (v: number) => (log ? Math.log(v) : v);
  const span = f(domain[1]) - f(domain[0]);
  const px = values.map((v) => (span > 0 ? ((f(v) - f(domain[0])) / span) * width : width / 2));
  const widths = values.map((v) => labelWidth(label(v)));
  const align: ('left' | 'center' | 'right')[] = values.map(() => 'center');
  const extent = (i: number): [number, number] => {
    if (align[i] === 'left') return [px[i], px[i] + widths[i]];
    if (align[i] === 'right') return [px[i] - widths[i], px[i]];
    return [px[i] - widths[i] / 2, px[i] + widths[i] / 2];
  };
  const clear = (i: number, j: number) => extent(i)[1] + LABEL_GAP <= extent(j)[0];
  const n = values.length;
  if (n > 0 && px[0] <= 0.5) align[0] = 'left';
  if (n > 1 && px[n - 1] >= width - 0.5) align[n - 1] = 'right';
  for (let i = 1; i < n; i += 1) {
    if (clear(i - 1, i)) continue;
    // Start this label at its tick; if that is not enough, end the previous one at its own.
    if (align[i] === 'center') align[i] = 'left';
    if (clear(i - 1, i) || align[i - 1] !== 'center') continue;
    align[i - 1] = 'right';
    if (i >= 2 && !clear(i - 2, i - 1)) align[i - 1] = 'center';
  }
  const lefts = values.filter((_, i) => align[i] === 'left');
  const rights = values.filter((_, i) => align[i] === 'right');
  const expr =
    `indexof(${JSON.stringify(lefts)}, datum.value) >= 0 ? 'left' : ` +
    `indexof(${JSON.stringify(rights)}, datum.value) >= 0 ? 'right' : 'center'`;
  return { labelAlign: { expr }, labelFlush: false, labelOverlap: 'greedy' as const };
}

/**
 * A label's width in px at the axis label size (11 px), from DejaVu Sans'
 * advances: digits and most lower-case letters are about 0.6 em.
 */
export function labelWidth(text: string, fontSize = 11): number {
  let em = 0;
  for (const ch of text) em += ADVANCE[ch] ?? 0.62;
  return em * fontSize;
}

const ADVANCE: Record<string, number> = {
  ' ': 0.318,
  '.': 0.318,
  ',': 0.318,
  ':': 0.337,
  i: 0.278,
  l: 0.278,
  m: 0.974,
  n: 0.634,
  h: 0.634,
  s: 0.521,
  '%': 0.95,
};

/**
 * A time axis from 0 to `endMs` in one unit, with round steps: a run of
 * 3 minutes reads "0, 30 s, 60 s ... 180 s" rather than mixing "100 s" and
 * "2 min".
 */
export function timeAxis(endMs: number, ticks = 7) {
  const unit =
    TIME_UNITS[endMs >= 4 * 3_600_000 ? 3 : endMs >= 600_000 ? 2 : endMs >= 2000 ? 1 : 0];
  const span = endMs / unit.ms;
  const step = niceStep(span / ticks, unit);
  const values: number[] = [];
  for (let k = 0; k * step <= span + 1e-9; k += 1)
    values.push(Number((k * step * unit.ms).toPrecision(12)));
  return { unit, values, labelExpr: unitLabelExpr(unit) };
}

/** A round step in a unit: 1, 2, 5 x 10^k, or 15, 30 for seconds and minutes. */
function niceStep(raw: number, unit: TimeUnit): number {
  const sixty = unit.name === 's' || unit.name === 'min';
  const candidates = sixty ? [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600] : [];
  for (const c of candidates) if (c >= raw) return c;
  const k = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * k >= raw) return m * k;
  return 10 * k;
}

/** The numeric sweep axis a chart needs, or a clear error naming it. */
export function requireNumeric(axis: Axis, chart: string): Axis {
  if (!isNumericAxis(axis)) throw new Error(`${chart}: axis "${axis.path}" is not numeric`);
  return axis;
}
