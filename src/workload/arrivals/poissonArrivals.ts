import { requireNonNegative } from '../../random/distributions/requireNonNegative.ts';
import type { Rng } from '../../random/rng.ts';
import { log } from '../../special/log.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';
import { type ArrivalWindow, arrivalWindow } from './arrivalWindow.ts';

/**
 * A homogeneous Poisson process: exponential gaps with mean 1000 / perSecond ms,
 * within [start, end).
 *
 * No state but "done": the process is memoryless, so the next arrival can be
 * drawn from whatever `now` the caller passes, including a start later than
 * the previous arrival.
 */
export class PoissonArrivals implements ArrivalProcess {
  private readonly meanGapMs: number;
  private readonly start: number;
  private readonly end: number;
  private readonly rng: Rng;
  private done = false;

  constructor(perSecond: number, rng: Rng, window: ArrivalWindow = {}) {
    requireNonNegative('PoissonArrivals', 'perSecond', perSecond);
    ({ start: this.start, end: this.end } = arrivalWindow('PoissonArrivals', window));
    this.meanGapMs = 1000 / perSecond;
    this.rng = rng;
    // A zero rate has an infinite mean gap; say so now rather than producing NaN later.
    if (perSecond === 0) this.done = true;
  }

  next(now: number): number {
    if (this.done) return Number.POSITIVE_INFINITY;
    // 1 - u lies in (0, 1], so the log is finite.
    const t = Math.max(now, this.start) - this.meanGapMs * log(1 - this.rng());
    if (t >= this.end) {
      this.done = true;
      return Number.POSITIVE_INFINITY;
    }
    return t;
  }
}
