import type { Distribution } from '../../random/distribution.ts';
import { gamma } from '../../random/distributions/gamma.ts';
import type { Rng } from '../../random/rng.ts';
import { log } from '../../special/log.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';

/**
 * A stationary renewal process: gaps with mean 1000 / perSecond ms and coefficient of
 * variation `cv` (the burstiness the Azure 2019 characterisation gives per function):
 * - cv = 0: periodic (a timer), at a random phase;
 * - cv = 1: Poisson (exponential gaps);
 * - otherwise gamma gaps with shape 1 / cv^2 (cv > 1: bursts of short gaps between long
 *   silences; cv < 1: more regular than Poisson).
 *
 * It starts in equilibrium, as if it had run forever before time 0, so that a short run
 * of a rare function is not biased by all its functions starting at a gap's beginning:
 * the first arrival is at U * X' with X' length-biased (gamma of shape + 1 for gamma gaps,
 * the period itself for a timer), which is the exact forward-recurrence time.
 */
export class RenewalArrivals implements ArrivalProcess {
  private t = 0;
  private started = false;
  private readonly meanMs: number;
  private readonly gaps: Distribution | null;
  private readonly first: Distribution | null;
  private readonly exponential: boolean;
  private readonly rng: Rng;

  constructor(perSecond: number, cv: number, rng: Rng) {
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) {
      throw new RangeError(
        `RenewalArrivals: perSecond must be positive and finite (got ${perSecond})`,
      );
    }
    if (!(cv >= 0) || !Number.isFinite(cv)) {
      throw new RangeError(`RenewalArrivals: cv must be non-negative and finite (got ${cv})`);
    }
    this.meanMs = 1000 / perSecond;
    this.rng = rng;
    this.exponential = cv === 1;
    if (cv === 0 || cv === 1) {
      this.gaps = null;
      this.first = null;
    } else {
      const shape = 1 / (cv * cv);
      const scale = this.meanMs / shape;
      this.gaps = gamma(shape, scale);
      this.first = gamma(shape + 1, scale);
    }
  }

  next(now: number): number {
    if (!this.started) {
      this.started = true;
      // Forward recurrence: periodic U * T; Poisson memoryless Exp; gamma U * X'.
      if (this.exponential) this.t = this.exponential1();
      else if (this.gaps === null) this.t = this.rng() * this.meanMs;
      else this.t = this.rng() * this.first!.sample(this.rng);
    } else {
      this.t += this.gap();
    }
    // A caller that starts late skips the arrivals before it.
    while (this.t < now) this.t += this.gap();
    return this.t;
  }

  private gap(): number {
    if (this.gaps !== null) return this.gaps.sample(this.rng);
    return this.exponential ? this.exponential1() : this.meanMs;
  }

  private exponential1(): number {
    return -this.meanMs * log(1 - this.rng());
  }
}
