import { requireNonNegative } from '../../random/distributions/requireNonNegative.ts';
import { requirePositive } from '../../random/distributions/requirePositive.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';
import { type ArrivalWindow, arrivalWindow } from './arrivalWindow.ts';

export interface ConstantArrivalsOptions extends ArrivalWindow {
  /** Milliseconds from `start` to the first arrival. Default 0. */
  phase?: number;
}

/**
 * Deterministic arrivals every 1000 / perSecond ms: at start + phase + k * gap
 * for k = 0, 1, ..., while before `end`.
 *
 * Times are computed from k rather than by adding the gap repeatedly, so that a
 * million arrivals do not accumulate a million rounding errors.
 */
export class ConstantArrivals implements ArrivalProcess {
  private readonly gapMs: number;
  private readonly first: number;
  private readonly end: number;
  private k = 0;

  constructor(perSecond: number, options: ConstantArrivalsOptions = {}) {
    requirePositive('ConstantArrivals', 'perSecond', perSecond);
    const phase = options.phase ?? 0;
    requireNonNegative('ConstantArrivals', 'phase', phase);
    const { start, end } = arrivalWindow('ConstantArrivals', options);
    this.gapMs = 1000 / perSecond;
    this.first = start + phase;
    this.end = end;
  }

  next(now: number): number {
    let t = this.first + this.k * this.gapMs;
    if (t < now) {
      // A caller that starts the process late skips the arrivals before it.
      this.k = Math.max(this.k, Math.ceil((now - this.first) / this.gapMs));
      t = this.first + this.k * this.gapMs;
      while (t < now) t = this.first + ++this.k * this.gapMs;
    }
    if (t >= this.end) return Number.POSITIVE_INFINITY;
    this.k++;
    return t;
  }
}
