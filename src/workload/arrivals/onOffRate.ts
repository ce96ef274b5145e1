import { requireNonNegative } from '../../random/distributions/requireNonNegative.ts';
import { requirePositive } from '../../random/distributions/requirePositive.ts';
import type { RateBound, RateShape } from './rateShape.ts';

export interface OnOffRateOptions {
  /** Per second, while on. */
  on: number;
  /** Milliseconds. */
  onDuration: number;
  /** Milliseconds. */
  offDuration: number;
  /** Per second, while off. Default 0. */
  off?: number;
  /** Whether the cycle begins (at time 0) with the on phase. Default true. */
  startOn?: boolean;
}

/** Alternates between `on` and `off` per second, forever, with the cycle aligned to time 0. */
export function onOffRate(options: OnOffRateOptions): RateShape {
  const { on, onDuration, offDuration } = options;
  const off = options.off ?? 0;
  const startOn = options.startOn ?? true;
  requireNonNegative('onOffRate', 'on', on);
  requireNonNegative('onOffRate', 'off', off);
  requirePositive('onOffRate', 'onDuration', onDuration);
  requirePositive('onOffRate', 'offDuration', offDuration);
  const firstRate = startOn ? on : off;
  const secondRate = startOn ? off : on;
  const firstDuration = startOn ? onDuration : offDuration;
  const cycle = onDuration + offDuration;

  // rate and bound both come from here, so that rounding at a phase edge can
  // never put t in one phase for the bound and in the other for the rate.
  const phase = (t: number): RateBound => {
    const cycleStart = Math.floor(t / cycle) * cycle;
    const firstEnd = cycleStart + firstDuration;
    if (t < firstEnd) return { max: firstRate, until: firstEnd };
    const cycleEnd = cycleStart + cycle;
    if (t < cycleEnd) return { max: secondRate, until: cycleEnd };
    return { max: firstRate, until: cycleEnd + firstDuration };
  };

  return {
    rate: (t) => phase(t).max,
    bound: phase,
    max: Math.max(on, off),
  };
}
