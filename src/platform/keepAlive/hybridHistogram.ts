import type { KeepAlivePolicy } from './keepAlivePolicy.ts';

/** The hybrid histogram policy's settings (Shahrad et al., USENIX ATC 2020, section 4). */
export interface HybridHistogramSettings {
  /** Idle times up to this are binned; longer ones are out of bounds. ms (paper: 4 h). */
  range: number;
  /** Bin width, ms (paper: 1 min). */
  bin: number;
  /** Percentile of idle times that sets the pre-warm window (paper: 5), rounded down to a bin. */
  headPercentile: number;
  /** Percentile that sets the end of the keep-alive window (paper: 99), rounded up to a bin. */
  tailPercentile: number;
  /** The pre-warm window shrinks and the keep-alive end grows by this share (paper: 0.1). */
  margin: number;
  /** The histogram is used only when the CV of its bin counts is at least this (paper: 2). */
  cvThreshold: number;
  /** ... and when it holds at least this many idle times (the paper gives no number). */
  minSamples: number;
  /** Idle times beyond the range above this share: the histogram is not used either. */
  outOfBoundsShare: number;
  /** The keep-alive when the histogram is not used, with no pre-warming (paper: the range). */
  fallback: number;
}

/**
 * The hybrid histogram keep-alive of "Serverless in the Wild": per function, a histogram of
 * idle times (from the end of the function's last call to the next call, whenever no call
 * was running); from it a pre-warm window (head percentile, minus the margin) and the end of
 * a keep-alive window (tail percentile, plus the margin). With a pre-warm window, an
 * instance left idle by the function's last call is unloaded at once and loaded again when
 * the window ends, to stay until the keep-alive end; with none (the head in the first bin),
 * it stays loaded until then. While the histogram holds too few idle times, is too flat
 * (coefficient of variation of the bin counts below the threshold) or most idle times are
 * out of bounds, a fixed keep-alive (`fallback`) applies with no pre-warming.
 *
 * Not modelled: the paper's ARIMA forecast for functions whose idle times are mostly out of
 * bounds (they get the fallback), and the daily renewal of histograms (this one keeps all of
 * a run's history).
 *
 * Hot path: the windows are recomputed only after the histogram changed (an idle time was
 * added), in one pass over the bins; the coefficient of variation is kept up to date from
 * running sums. Nothing allocates after construction.
 */
export class HybridHistogram implements KeepAlivePolicy {
  readonly name = 'hybrid';
  readonly learns = true;
  private readonly counts: Float64Array;
  /** Idle times inside the range, and the sum of squared bin counts (for the CV). */
  private inRange = 0;
  private sumSquares = 0;
  private outOfBounds = 0;
  private dirty = false;
  /** From the histogram as it stood when last computed: see `decide`. */
  private prewarm = 0;
  private keepEnd: number;
  private representative = false;

  constructor(readonly settings: HybridHistogramSettings) {
    this.counts = new Float64Array(Math.max(1, Math.ceil(settings.range / settings.bin)));
    this.keepEnd = settings.fallback;
  }

  functionIdle(idleMs: number): void {
    const s = this.settings;
    if (!(idleMs >= 0)) return;
    if (idleMs >= s.range) {
      this.outOfBounds++;
    } else {
      const b = Math.floor(idleMs / s.bin);
      const c = this.counts[b];
      this.counts[b] = c + 1;
      // (c + 1)^2 - c^2
      this.sumSquares += 2 * c + 1;
      this.inRange++;
    }
    this.dirty = true;
  }

  prewarmAfter(_now: number): number {
    if (this.dirty) this.decide();
    return this.prewarm;
  }

  idleFor(): number {
    if (this.dirty) this.decide();
    return this.keepEnd;
  }

  /** Whether the histogram decides the windows now (else the fallback does). For tests and charts. */
  get usesHistogram(): boolean {
    if (this.dirty) this.decide();
    return this.representative;
  }

  /** The current pre-warm window and keep-alive end, ms from the start of the idle time. */
  windows(): { prewarm: number; keepAliveEnd: number } {
    if (this.dirty) this.decide();
    return { prewarm: this.prewarm, keepAliveEnd: this.keepEnd };
  }

  /** The coefficient of variation of the bin counts (sample standard deviation, n - 1). */
  binCv(): number {
    const n = this.counts.length;
    if (n < 2 || this.inRange === 0) return 0;
    const mean = this.inRange / n;
    const variance = (this.sumSquares - n * mean * mean) / (n - 1);
    return Math.sqrt(Math.max(0, variance)) / mean;
  }

  private decide(): void {
    this.dirty = false;
    const s = this.settings;
    const all = this.inRange + this.outOfBounds;
    this.representative =
      all >= s.minSamples &&
      this.outOfBounds <= s.outOfBoundsShare * all &&
      this.binCv() >= s.cvThreshold;
    if (!this.representative) {
      this.prewarm = 0;
      this.keepEnd = s.fallback;
      return;
    }
    // Percentiles of the idle times in range, at bin resolution: the head rounded down to
    // its bin's start, the tail rounded up to its bin's end.
    const headRank = (s.headPercentile / 100) * this.inRange;
    const tailRank = (s.tailPercentile / 100) * this.inRange;
    let head = -1;
    let tail = this.counts.length - 1;
    let cum = 0;
    for (let b = 0; b < this.counts.length; b++) {
      cum += this.counts[b];
      if (head < 0 && cum >= headRank && cum > 0) head = b;
      if (cum >= tailRank && cum > 0) {
        tail = b;
        break;
      }
    }
    this.prewarm = Math.max(0, head) * s.bin * (1 - s.margin);
    this.keepEnd = Math.min((tail + 1) * s.bin, s.range) * (1 + s.margin);
  }
}

/** The paper's settings (see models/CALIBRATION.md, "Hybrid histogram keep-alive"). */
export const HYBRID_DEFAULTS: HybridHistogramSettings = {
  range: 4 * 3_600_000,
  bin: 60_000,
  headPercentile: 5,
  tailPercentile: 99,
  margin: 0.1,
  cvThreshold: 2,
  minSamples: 10,
  outOfBoundsShare: 0.5,
  fallback: 4 * 3_600_000,
};
