import type { Rng } from '../../random/rng.ts';
import { expm1 } from '../../special/expm1.ts';
import { log } from '../../special/log.ts';
import type { ArrivalProcess } from '../arrivals/arrivalProcess.ts';

const MINUTE_MS = 60_000;

/**
 * How arrivals are placed within each minute of a per-minute count trace.
 * - 'uniform': exactly counts[m] arrivals in minute m, at independent uniform
 *   times; the trace's counts are reproduced exactly.
 * - 'poisson': a Poisson process at counts[m] per minute during minute m; the
 *   number in each minute is then Poisson with mean counts[m], which adds the
 *   count noise that a fresh day with the same rates would have.
 * Either way arrivals within a minute are uniform given their number.
 */
export type CountsSpread = 'uniform' | 'poisson';

export interface CountsToArrivalsOptions {
  spread: CountsSpread;
}

/**
 * Arrivals from per-minute counts, e.g. one function of parseAzureCountsCsv:
 * minute m of the counts covers [m * 60000, (m + 1) * 60000) ms.
 *
 * Memory is constant whatever the counts (up to 4e9 a minute): 'uniform'
 * draws the sorted uniform times one at a time, each the minimum of those
 * still to come, instead of drawing and sorting a minute's worth.
 */
export function countsToArrivals(
  counts: Uint32Array,
  options: CountsToArrivalsOptions,
  rng: Rng,
): ArrivalProcess {
  switch (options.spread) {
    case 'uniform':
      return new UniformCounts(counts, rng);
    case 'poisson':
      return new PoissonCounts(counts, rng);
    default:
      throw new RangeError(
        `countsToArrivals: spread must be 'uniform' or 'poisson' (got ${JSON.stringify(options.spread)})`,
      );
  }
}

class UniformCounts implements ArrivalProcess {
  private minute = -1;
  /** Arrivals of this minute not yet produced. */
  private left = 0;
  /** The last arrival's position in the minute, in [0, 1). */
  private x = 0;

  private readonly counts: Uint32Array;
  private readonly rng: Rng;

  constructor(counts: Uint32Array, rng: Rng) {
    this.counts = counts;
    this.rng = rng;
  }

  next(now: number): number {
    for (;;) {
      while (this.left === 0) {
        if (++this.minute >= this.counts.length) {
          this.minute = this.counts.length;
          return Number.POSITIVE_INFINITY;
        }
        // A caller that starts the replay late skips the minutes wholly before it.
        if ((this.minute + 1) * MINUTE_MS <= now) continue;
        this.left = this.counts[this.minute];
        this.x = 0;
      }
      // The smallest of `left` uniforms on [x, 1): x + (1 - x) * (1 - V^(1/left)),
      // with expm1 so that 1 - V^(1/left) keeps its precision when left is large.
      const step = -expm1(log(1 - this.rng()) / this.left);
      this.x += (1 - this.x) * step;
      this.left--;
      const t = minuteTime(this.minute, this.x);
      if (t >= now) return t;
    }
  }
}

class PoissonCounts implements ArrivalProcess {
  private minute = 0;
  private t = 0;

  private readonly counts: Uint32Array;
  private readonly rng: Rng;

  constructor(counts: Uint32Array, rng: Rng) {
    this.counts = counts;
    this.rng = rng;
  }

  next(now: number): number {
    // Memoryless: restarting from `now` or from a minute boundary changes nothing.
    if (now > this.t) {
      this.t = now;
      this.minute = Math.max(this.minute, Math.floor(now / MINUTE_MS));
    }
    while (this.minute < this.counts.length) {
      const count = this.counts[this.minute];
      const minuteEnd = (this.minute + 1) * MINUTE_MS;
      const t = count === 0 ? minuteEnd : this.t - (MINUTE_MS / count) * log(1 - this.rng());
      if (t < minuteEnd) return (this.t = t);
      this.t = minuteEnd;
      this.minute++;
    }
    return Number.POSITIVE_INFINITY;
  }
}

// Rounding in start + x * width can land on the next minute's first
// millisecond when x is within an ulp of 1; clamp so that every arrival stays
// in its own minute and the per-minute counts come out exact.
function minuteTime(minute: number, x: number): number {
  const end = (minute + 1) * MINUTE_MS;
  const t = minute * MINUTE_MS + x * MINUTE_MS;
  return t < end ? t : end - end * Number.EPSILON;
}
