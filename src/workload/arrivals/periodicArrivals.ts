import { requireNonNegative } from '../../random/distributions/requireNonNegative.ts';
import { requirePositive } from '../../random/distributions/requirePositive.ts';
import type { Rng } from '../../random/rng.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';
import { type ArrivalWindow, arrivalWindow } from './arrivalWindow.ts';

export interface PeriodicArrivalsOptions extends ArrivalWindow {
  /**
   * Each ping fires up to this many ms late (uniform on [0, jitterMs)); at most
   * periodMs. Default 0. Schedulers fire late, never early, hence one-sided.
   */
  jitterMs?: number;
}

/**
 * Pings every periodMs from `start` (the first ping is at `start`): warmers
 * and scheduled (cron) triggers.
 *
 * jitterMs <= periodMs keeps every ping inside its own period, so the pings
 * stay in order without sorting.
 */
export class PeriodicArrivals implements ArrivalProcess {
  private readonly periodMs: number;
  private readonly jitterMs: number;
  private readonly start: number;
  private readonly end: number;
  private readonly rng: Rng | undefined;
  private k = 0;
  private done = false;

  /** `rng` is needed only when jitterMs > 0. */
  constructor(periodMs: number, options: PeriodicArrivalsOptions = {}, rng?: Rng) {
    requirePositive('PeriodicArrivals', 'periodMs', periodMs);
    const jitterMs = options.jitterMs ?? 0;
    requireNonNegative('PeriodicArrivals', 'jitterMs', jitterMs);
    if (jitterMs > periodMs) {
      throw new RangeError(
        `PeriodicArrivals: jitterMs must be <= periodMs (got jitterMs ${jitterMs}, periodMs ${periodMs})`,
      );
    }
    if (jitterMs > 0 && rng === undefined) {
      throw new TypeError('PeriodicArrivals: jitterMs > 0 needs a random stream');
    }
    ({ start: this.start, end: this.end } = arrivalWindow('PeriodicArrivals', options));
    this.periodMs = periodMs;
    this.jitterMs = jitterMs;
    this.rng = rng;
  }

  next(now: number): number {
    if (this.done) return Number.POSITIVE_INFINITY;
    // A caller that starts the process late skips the periods wholly before it.
    this.k = Math.max(this.k, Math.floor((now - this.start) / this.periodMs));
    for (;;) {
      let t = this.start + this.k * this.periodMs;
      if (this.jitterMs > 0) t += this.jitterMs * this.rng!();
      if (t >= this.end) {
        this.done = true;
        return Number.POSITIVE_INFINITY;
      }
      this.k++;
      if (t >= now) return t;
    }
  }
}
