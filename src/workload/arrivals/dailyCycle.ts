import { requireFinite } from '../../random/distributions/requireFinite.ts';
import { requireNonNegative } from '../../random/distributions/requireNonNegative.ts';
import { requirePositive } from '../../random/distributions/requirePositive.ts';
import { cos } from '../../special/cos.ts';
import type { RateShape } from './rateShape.ts';

export interface DailyCycleOptions {
  /** Per second, averaged over a period. */
  mean: number;
  /** 0..1: the peak is mean * (1 + amplitude), the trough mean * (1 - amplitude). */
  amplitude: number;
  /** Milliseconds. Default one day. */
  periodMs?: number;
  /** Milliseconds: a time at which the rate peaks. */
  peakAt: number;
}

// Bound segments per period: with 24, a full-amplitude cycle rejects about 8%
// of candidates instead of 50% under a single global bound.
const SEGMENTS = 24;

/** A sinusoidal rate: mean * (1 + amplitude * cos(2 pi (t - peakAt) / periodMs)). */
export function dailyCycle(options: DailyCycleOptions): RateShape {
  const { mean, amplitude, peakAt } = options;
  const periodMs = options.periodMs ?? 86_400_000;
  requireNonNegative('dailyCycle', 'mean', mean);
  requireFinite('dailyCycle', 'amplitude', amplitude);
  if (!(amplitude >= 0 && amplitude <= 1)) {
    throw new RangeError(`dailyCycle: amplitude must be in [0, 1] (got ${amplitude})`);
  }
  requirePositive('dailyCycle', 'periodMs', periodMs);
  requireFinite('dailyCycle', 'peakAt', peakAt);
  const w = (2 * Math.PI) / periodMs;
  const segmentMs = periodMs / SEGMENTS;
  const rate = (t: number): number => mean * (1 + amplitude * cos(w * (t - peakAt)));
  return {
    rate,
    // Segment edges fall on the peak and the trough, so the rate is monotone
    // within each segment and its maximum there is at one of the two edges.
    bound: (t) => {
      let k = Math.floor((t - peakAt) / segmentMs);
      let until = peakAt + (k + 1) * segmentMs;
      if (!(until > t)) until = peakAt + (++k + 1) * segmentMs;
      return { max: Math.max(rate(peakAt + k * segmentMs), rate(until)), until };
    },
    max: mean * (1 + amplitude),
  };
}
