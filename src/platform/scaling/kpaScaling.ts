import type { Call } from '../call.ts';
import type { Pool } from '../pool.ts';
import type { ScalingPolicy } from './scalingPolicy.ts';

/** Knative's KPA settings (config-autoscaler); see models/CALIBRATION.md, "Knative KPA". */
export interface KpaSettings {
  /** Concurrent calls per instance the autoscaler aims at (container-concurrency-target-default: 100). */
  target: number;
  /** Share of the target actually aimed at (container-concurrency-target-percentage: 0.7). */
  utilisation: number;
  /** The stable window, ms, whole seconds (60 s). */
  stableWindow: number;
  /** The panic window, ms, whole seconds (10 % of the stable window: 6 s). */
  panicWindow: number;
  /** Panic when the panic window's desired instances reach this multiple of the ready ones (2). */
  panicThreshold: number;
  /** Time between scaling decisions, ms (2 s). */
  tick: number;
  /** At most this times the ready instances after one decision (1000). */
  maxScaleUpRate: number;
  /** At least the ready instances divided by this after one decision (2). */
  maxScaleDownRate: number;
  /** How long the last instance stays once the autoscaler wants none, ms (30 s). */
  scaleToZeroGrace: number;
  /** Instances kept at least (min-scale, 0) and at most (max-scale; Infinity: no limit). */
  minScale: number;
  maxScale: number;
}

/** The metric's bucket: Knative scrapes and averages concurrency per second. */
const BUCKET = 1000;

/**
 * Knative's Pod Autoscaler: calls that find no instance with room wait in a queue (the
 * activator's buffer) while the autoscaler, every `tick`, sets the instance count from the
 * average concurrency (calls running or queued) over a stable window: ceil(average /
 * (target x utilisation)), within the scale-up and scale-down rates. When the panic
 * window's average asks for `panicThreshold` times the ready instances, it panics: it
 * follows the panic window and does not scale down until a stable window has passed
 * without that. With no instance at all, a call makes it start one at once (the activator
 * reports the call and the autoscaler decides without waiting for a tick). It scales down
 * by reclaiming idle instances; the last one goes `scaleToZeroGrace` after it wants none.
 *
 * Timers run only while the function has instances or calls: a function scaled to zero
 * costs no events. Nothing allocates after construction (the window is a ring of buckets).
 */
export class KpaScaling implements ScalingPolicy {
  readonly name = 'kpa';
  readonly tracksConcurrency = true;
  private pool!: Pool;
  /** Average concurrency per second, newest at `head - 1`: a ring over the stable window. */
  private readonly buckets: Float64Array;
  private head = 0;
  /** Buckets written since the timers (re)started, up to the ring's size. */
  private filled = 0;
  private readonly panicBuckets: number;
  private readonly ticksPerDecision: number;
  private scrapes = 0;
  private lastArea = 0;
  private running = false;
  /** When it last found the panic threshold reached (NaN: not panicking). */
  private panicSince = Number.NaN;
  /** The most instances asked for during this panic (it does not scale down while panicking). */
  private panicPods = 0;
  /** Since when it has wanted no instance (NaN: it wants some). */
  private zeroSince = Number.NaN;
  /** Decisions made, and the last desired count (for tests and charts). */
  decisions = 0;
  desired = 0;

  constructor(readonly settings: KpaSettings) {
    this.buckets = new Float64Array(Math.max(1, Math.round(settings.stableWindow / BUCKET)));
    this.panicBuckets = Math.max(
      1,
      Math.min(this.buckets.length, Math.round(settings.panicWindow / BUCKET)),
    );
    this.ticksPerDecision = Math.max(1, Math.round(settings.tick / BUCKET));
  }

  attach(pool: Pool): void {
    this.pool = pool;
    if (pool.instances > 0 || this.settings.minScale > 0) this.wake();
  }

  noRoom(pool: Pool, call: Call): void {
    pool.enqueue(call);
    if (pool.instances + pool.wanted === 0) {
      // From zero: the activator pokes the autoscaler, which starts an instance at once.
      if (this.withinMax(pool)) pool.requestStart();
      this.wake();
    }
  }

  queueWaiting(pool: Pool): void {
    // Calls still queued with no instance at all (an instance was reclaimed meanwhile).
    if (pool.instances + pool.wanted === 0 && this.withinMax(pool)) pool.requestStart();
  }

  private withinMax(pool: Pool): boolean {
    const limits = pool.options.limits;
    return (
      pool.instances + pool.wanted < this.settings.maxScale &&
      (limits.maxInstances === Infinity || limits.instances() < limits.maxInstances)
    );
  }

  private wake(): void {
    if (this.running) return;
    this.running = true;
    this.buckets.fill(0);
    this.filled = 0;
    this.scrapes = 0;
    this.panicSince = Number.NaN;
    this.panicPods = 0;
    this.zeroSince = Number.NaN;
    this.lastArea = this.pool.concurrencyArea();
    this.pool.sim.schedule(BUCKET, this.scrape, null);
  }

  private readonly scrape = (_: null): void => {
    const pool = this.pool;
    const area = pool.concurrencyArea();
    this.buckets[this.head] = (area - this.lastArea) / BUCKET;
    this.lastArea = area;
    this.head = (this.head + 1) % this.buckets.length;
    if (this.filled < this.buckets.length) this.filled++;
    if (++this.scrapes % this.ticksPerDecision === 0) this.decide();
    if (
      pool.instances + pool.wanted === 0 &&
      pool.concurrency === 0 &&
      this.settings.minScale === 0
    ) {
      this.running = false;
      return;
    }
    pool.sim.schedule(BUCKET, this.scrape, null);
  };

  /** The average concurrency over the newest `n` buckets written. */
  private average(n: number): number {
    const m = Math.min(n, this.filled);
    if (m === 0) return 0;
    const size = this.buckets.length;
    let sum = 0;
    for (let k = 1; k <= m; k++) sum += this.buckets[(this.head - k + size) % size];
    return sum / m;
  }

  private decide(): void {
    const s = this.settings;
    const pool = this.pool;
    const now = pool.sim.now;
    this.decisions++;
    const perInstance = s.target * s.utilisation;
    const ready = Math.max(1, pool.readyInstances);
    const maxUp = Math.ceil(s.maxScaleUpRate * ready);
    const maxDown = Math.floor(ready / s.maxScaleDownRate);
    const stableRaw = Math.ceil(this.average(this.buckets.length) / perInstance);
    const panicRaw = Math.ceil(this.average(this.panicBuckets) / perInstance);
    const stable = Math.min(maxUp, Math.max(maxDown, stableRaw));
    const panic = Math.min(maxUp, Math.max(maxDown, panicRaw));
    if (panic / ready >= s.panicThreshold) {
      // Panicking, or panicking again: the stable window restarts from now.
      this.panicSince = now;
    } else if (this.panicSince >= 0 && now >= this.panicSince + s.stableWindow) {
      this.panicSince = Number.NaN;
      this.panicPods = 0;
    }
    let desired = stable;
    if (this.panicSince >= 0) {
      desired = Math.max(stable, panic, this.panicPods);
      this.panicPods = desired;
    }
    desired = Math.min(s.maxScale, Math.max(s.minScale, desired));
    // To zero only after the grace period: the last instance lingers.
    if (desired === 0) {
      if (!(this.zeroSince >= 0)) this.zeroSince = now;
      if (now < this.zeroSince + s.scaleToZeroGrace) desired = 1;
    } else {
      this.zeroSince = Number.NaN;
    }
    this.desired = desired;
    let current = pool.instances + pool.wanted;
    while (current < desired && this.withinMax(pool)) {
      pool.requestStart();
      current++;
    }
    while (current > desired && pool.scaleDown()) current--;
  }
}

/** Knative Serving's defaults (config-autoscaler, see models/CALIBRATION.md). */
export const KPA_DEFAULTS: KpaSettings = {
  target: 100,
  utilisation: 0.7,
  stableWindow: 60_000,
  panicWindow: 6_000,
  panicThreshold: 2,
  tick: 2_000,
  maxScaleUpRate: 1000,
  maxScaleDownRate: 2,
  scaleToZeroGrace: 30_000,
  minScale: 0,
  maxScale: Infinity,
};
