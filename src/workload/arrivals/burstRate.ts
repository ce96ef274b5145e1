import { requireFinite } from '../../random/distributions/requireFinite.ts';
import { requireNonNegative } from '../../random/distributions/requireNonNegative.ts';
import { requirePositive } from '../../random/distributions/requirePositive.ts';
import type { RateShape } from './rateShape.ts';

export interface BurstRateOptions {
  /** Per second, before and after the burst. */
  base: number;
  /** Per second, during the burst. */
  peak: number;
  /** Milliseconds: when the burst begins. */
  at: number;
  /** Milliseconds: how long it lasts. */
  duration: number;
}

/** `base` per second, except `peak` per second during [at, at + duration). */
export function burstRate(options: BurstRateOptions): RateShape {
  const { base, peak, at, duration } = options;
  requireNonNegative('burstRate', 'base', base);
  requireNonNegative('burstRate', 'peak', peak);
  requireFinite('burstRate', 'at', at);
  requirePositive('burstRate', 'duration', duration);
  const stop = at + duration;
  return {
    rate: (t) => (t >= at && t < stop ? peak : base),
    bound: (t) => {
      if (t < at) return { max: base, until: at };
      if (t < stop) return { max: peak, until: stop };
      return { max: base, until: Number.POSITIVE_INFINITY };
    },
    max: Math.max(base, peak),
  };
}
