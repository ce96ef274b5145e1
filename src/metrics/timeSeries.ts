/**
 * Per-window counts and levels over simulated time, in fixed windows of `widthMs` starting at 0.
 *
 * - Counts (`add`): how many of something happened in each window (arrivals, cold starts,
 *   throttles).
 * - Gauges (`observe`): a level that holds until it changes (instances busy, instances alive),
 *   reported per window as its time-weighted mean and its maximum. A gauge is 0 from time 0 until
 *   its first observation.
 *
 * Memory is proportional to the number of windows (simulated duration / width), not to the
 * number of events. The arrays grow by doubling, so the simulated duration need not be known.
 */

export interface TimeSeriesJSON {
  widthMs: number;
  /** Number of windows; window i covers [i * widthMs, (i + 1) * widthMs). */
  windows: number;
  /** The end of the covered time: the last time seen, or the end given to toJSON. */
  endMs: number;
  /** Per count field, one number per window. Fields in sorted order. */
  counts: Record<string, number[]>;
  /**
   * Per gauge, its time-weighted mean and its maximum per window. The last window is averaged
   * over the part of it before endMs. Gauges in sorted order.
   */
  gauges: Record<string, { mean: number[]; max: number[] }>;
}

interface Gauge {
  /** Integral of the level over each window (level * ms). */
  area: Float64Array;
  /** Maximum level reached in each window; -Infinity where not yet touched. */
  max: Float64Array;
  /** Time of the last change, and the level since then. */
  time: number;
  level: number;
}

/** The gauge that `observe(t, value)` without a name updates. */
export const DEFAULT_GAUGE = 'level';

export class TimeSeries {
  readonly widthMs: number;
  private capacity: number;
  private readonly counts = new Map<string, Float64Array>();
  private readonly gauges = new Map<string, Gauge>();
  private end = 0;

  /** `expectedDurationMs`, if known, sizes the arrays once instead of growing them. */
  constructor(widthMs: number, expectedDurationMs = 0) {
    if (!(widthMs > 0 && Number.isFinite(widthMs))) {
      throw new RangeError(`TimeSeries: width must be a positive number of ms, got ${widthMs}`);
    }
    this.widthMs = widthMs;
    this.capacity = Math.max(16, Math.ceil(expectedDurationMs / widthMs) + 1);
  }

  /** Adds n to count `field` in the window holding time t. */
  add(t: number, field: string, n = 1): void {
    const w = this.windowOf(t);
    let counts = this.counts.get(field);
    if (counts === undefined) {
      counts = new Float64Array(this.capacity);
      this.counts.set(field, counts);
    }
    if (w >= this.capacity) counts = this.grow(w).counts.get(field)!;
    counts[w] += n;
    if (t > this.end) this.end = t;
  }

  /**
   * The level of `gauge` becomes `value` at time t (non-decreasing per gauge). A level that
   * lasts no time still counts for the window's max: the simulator's limits see every level in
   * event order, including transient ones at one instant.
   */
  observe(t: number, value: number, gauge: string = DEFAULT_GAUGE): void {
    const w = this.windowOf(t);
    let g = this.gauges.get(gauge);
    if (g === undefined) {
      g = {
        area: new Float64Array(this.capacity),
        max: new Float64Array(this.capacity).fill(Number.NEGATIVE_INFINITY),
        time: 0,
        level: 0,
      };
      this.gauges.set(gauge, g);
    }
    if (t < g.time) {
      throw new RangeError(`TimeSeries.observe: time went back from ${g.time} to ${t} (${gauge})`);
    }
    if (w >= this.capacity) {
      this.grow(w);
      g = this.gauges.get(gauge)!;
    }
    integrate(g.area, g.max, this.widthMs, g.level, g.time, t);
    if (value > g.max[w]) g.max[w] = value;
    g.time = t;
    g.level = value;
    if (t > this.end) this.end = t;
  }

  /** Plain arrays up to `endMs` (default: the last time seen); gauges hold their level to it. */
  toJSON(endMs = this.end): TimeSeriesJSON {
    const end = Math.max(endMs, this.end);
    const width = this.widthMs;
    // Windows up to the end; an end exactly on a boundary opens no empty window after it.
    const windows = Math.max(1, Math.ceil(end / width), this.windowOf(this.end) + 1);
    const size = Math.max(windows, this.capacity);
    const counts: Record<string, number[]> = {};
    for (const field of [...this.counts.keys()].sort()) {
      const data = this.counts.get(field)!;
      const out: number[] = new Array(windows).fill(0);
      for (let w = 0; w < Math.min(windows, data.length); w++) out[w] = data[w];
      counts[field] = out;
    }
    const gauges: Record<string, { mean: number[]; max: number[] }> = {};
    for (const name of [...this.gauges.keys()].sort()) {
      const g = this.gauges.get(name)!;
      // Extend the last level to the end on copies, so that toJSON does not change the series.
      const area = new Float64Array(size);
      area.set(g.area);
      const max = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
      max.set(g.max);
      integrate(area, max, width, g.level, g.time, end);
      const mean: number[] = new Array(windows);
      const peak: number[] = new Array(windows);
      for (let w = 0; w < windows; w++) {
        const span = Math.min(width, end - w * width);
        mean[w] = span > 0 ? area[w] / span : g.level;
        // Only a window of no duration at the very end (the end on its boundary) has no max.
        peak[w] = max[w] === Number.NEGATIVE_INFINITY ? mean[w] : max[w];
      }
      gauges[name] = { mean, max: peak };
    }
    return { widthMs: width, windows, endMs: end, counts, gauges };
  }

  private windowOf(t: number): number {
    if (!(t >= 0 && Number.isFinite(t))) throw new RangeError(`TimeSeries: bad time ${t}`);
    return Math.floor(t / this.widthMs);
  }

  /** Grows every array to hold window w; returns this for a re-read of the arrays. */
  private grow(w: number): this {
    let capacity = this.capacity;
    while (capacity <= w) capacity *= 2;
    for (const [field, old] of this.counts) {
      const next = new Float64Array(capacity);
      next.set(old);
      this.counts.set(field, next);
    }
    for (const g of this.gauges.values()) {
      const area = new Float64Array(capacity);
      area.set(g.area);
      const max = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
      max.set(g.max);
      g.area = area;
      g.max = max;
    }
    this.capacity = capacity;
    return this;
  }
}

/** Adds `level` held over [t0, t1) to the per-window area and max arrays. */
function integrate(
  area: Float64Array,
  max: Float64Array,
  width: number,
  level: number,
  t0: number,
  t1: number,
): void {
  if (t1 <= t0) return;
  let w = Math.floor(t0 / width);
  const last = Math.floor(t1 / width);
  // Fast path: the level changed within one window, as most changes do.
  if (w === last) {
    area[w] += level * (t1 - t0);
    if (level > max[w]) max[w] = level;
    return;
  }
  area[w] += level * ((w + 1) * width - t0);
  if (level > max[w]) max[w] = level;
  for (w++; w < last; w++) {
    area[w] += level * width;
    if (level > max[w]) max[w] = level;
  }
  // t1 exactly on a boundary adds nothing to window `last`, which the level did not reach.
  const tail = t1 - last * width;
  if (tail > 0 && last < area.length) {
    area[last] += level * tail;
    if (level > max[last]) max[last] = level;
  }
}
