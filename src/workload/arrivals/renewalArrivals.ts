import type { Simulation } from '../../engine/index.ts';
import { type Gamma, gamma } from '../../random/distributions/gamma.ts';
import type { Rng } from '../../random/rng.ts';
import { Slabs } from '../../random/slabs.ts';
import { aleaNext, claimStreamState } from '../../random/streams.ts';
import { log } from '../../special/log.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';

// How the gaps are drawn.
const PERIODIC = 0;
const EXPONENTIAL = 1;
const GAMMA = 2;

// The processes' numbers (see RenewalArrivals), four doubles each, side by side in slabs
// shared by 512 processes (Slabs): [next arrival, mean gap, until (driven), unused].
const NUMBERS = new Slabs(4, 512);
const T = 0;
const MEAN = 1;
const UNTIL = 2;

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
 *
 * The arrivals of each function of a region: with 10,000 functions every arrival finds its
 * process out of cache, so it is laid out to be reached in few places (the hot path wins over
 * readability here). Its numbers sit in a shared slab (fields holding fractions would each be
 * a box of their own in V8); it draws from its stream's state directly (claimStreamState),
 * not through the stream's closure; and when driven (driveArrivals) it is its own event
 * payload, where other processes get a Source object besides.
 */
export class RenewalArrivals implements ArrivalProcess {
  private started = false;
  private readonly mode: number;
  /** Its numbers: at `at` of `nums` (T, MEAN, UNTIL). */
  private readonly nums: Float64Array;
  private readonly at: number;
  /** The stream's state, drawn with aleaNext; null: a stream not made by createStream (call rng). */
  private readonly st: Float64Array | null;
  private readonly si: number;
  private readonly gaps: Gamma | null;
  private readonly first: Gamma | null;
  private readonly rng: Rng;
  /** Set by drive(): the clock and what each arrival does (null: not driven). */
  private sim: Simulation | null = null;
  private onArrival: (() => void) | null = null;

  constructor(perSecond: number, cv: number, rng: Rng) {
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) {
      throw new RangeError(
        `RenewalArrivals: perSecond must be positive and finite (got ${perSecond})`,
      );
    }
    if (!(cv >= 0) || !Number.isFinite(cv)) {
      throw new RangeError(`RenewalArrivals: cv must be non-negative and finite (got ${cv})`);
    }
    const place = NUMBERS.take();
    this.nums = place.slab;
    this.at = place.at;
    const meanMs = 1000 / perSecond;
    this.nums[this.at + MEAN] = meanMs;
    this.rng = rng;
    const state = claimStreamState(rng);
    this.st = state === null ? null : state.slab;
    this.si = state === null ? 0 : state.index;
    this.mode = cv === 1 ? EXPONENTIAL : cv === 0 ? PERIODIC : GAMMA;
    if (cv === 0 || cv === 1) {
      this.gaps = null;
      this.first = null;
    } else {
      const shape = 1 / (cv * cv);
      const scale = meanMs / shape;
      this.gaps = gamma(shape, scale) as Gamma;
      this.first = gamma(shape + 1, scale) as Gamma;
    }
  }

  next(now: number): number {
    const nums = this.nums;
    const at = this.at;
    let t: number;
    if (!this.started) {
      this.started = true;
      // Forward recurrence: periodic U * T; Poisson memoryless Exp; gamma U * X'.
      if (this.mode === EXPONENTIAL) t = this.exponential1();
      else if (this.mode === PERIODIC) t = this.draw() * nums[at + MEAN];
      else {
        const u = this.draw();
        t =
          u *
          (this.st === null
            ? this.first!.sample(this.rng)
            : this.first!.sampleAlea(this.st, this.si));
      }
    } else {
      t = nums[at + T] + this.gap();
    }
    // A caller that starts late skips the arrivals before it.
    while (t < now) t += this.gap();
    nums[at + T] = t;
    return t;
  }

  /**
   * Drives the process (see driveArrivals): `onArrival` at each arrival before `until`, the
   * process itself the payload of its one pending event.
   */
  drive(sim: Simulation, until: number, onArrival: () => void): void {
    this.sim = sim;
    this.onArrival = onArrival;
    this.nums[this.at + UNTIL] = until;
    const first = this.next(0);
    if (first < until) sim.scheduleAt(first, RenewalArrivals.fires, this);
  }

  /** Whether drive() may take it (once: the one event of a process at a time). */
  get drivable(): boolean {
    return this.sim === null && !this.started;
  }

  private static readonly fires = (p: RenewalArrivals): void => {
    p.onArrival!();
    const sim = p.sim!;
    const now = sim.now;
    const next = p.next(now);
    if (next < p.nums[p.at + UNTIL]) sim.scheduleAt(Math.max(next, now), RenewalArrivals.fires, p);
  };

  private draw(): number {
    return this.st === null ? this.rng() : aleaNext(this.st, this.si);
  }

  private gap(): number {
    if (this.mode === GAMMA) {
      return this.st === null
        ? this.gaps!.sample(this.rng)
        : this.gaps!.sampleAlea(this.st, this.si);
    }
    return this.mode === EXPONENTIAL ? this.exponential1() : this.nums[this.at + MEAN];
  }

  private exponential1(): number {
    return -this.nums[this.at + MEAN] * log(1 - this.draw());
  }
}
