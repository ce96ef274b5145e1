import type { Pool } from './pool.ts';
import type { SharedWatch } from './sharedWatch.ts';

/**
 * The pools a concurrency limit applies to: one function's own pool, or
 * every function of an account (Lambda's 1000 concurrent calls and its burst
 * are per account).
 *
 * Hot path: the counts are kept as running sums, O(1) to read. Summing over the
 * pools on each call was quadratic for a region of thousands of functions under
 * one account limit. Each pool reports its own changes (Pool.syncLimits, after
 * every change of the counts summed here); `sums` recomputes them for tests.
 */
export class LimitGroup {
  readonly pools: Pool[] = [];
  /** Sum over the pools of activeCalls + bound. */
  calls = 0;
  /** Sum over the pools of calls queued (queue.live). */
  queued = 0;
  /** Sum over the pools of instancesInUse. */
  inUse = 0;
  /**
   * Indexes (in `pools`) of the pools with queued calls, ascending: `released` visits them
   * in the order it visited every pool before, without a scan of all of them.
   */
  private readonly waiting: number[] = [];

  /**
   * Whether the sums have ever reached a limit (calls in progress at maxCalls, instances in use at
   * maxInstances). Until then no call was held by the limit, so an ending call has none to let
   * go (`released`): poking the other pools then made them look at their queues and their
   * scaling at moments of another function's choosing, which coupled functions the limit never
   * touched (a queue per instance started instances earlier than its own events would have).
   */
  reached = false;

  /**
   * Told the sums after each change, when a replication runs in blocks on the condition that this
   * (account's) limit never binds (SharedWatch); null otherwise.
   */
  watch: SharedWatch | null = null;

  /** Whether a limit is finite: without one nothing reads the sums, and pools do not keep them. */
  readonly counts: boolean;

  constructor(
    /** Calls in progress at most; Infinity for no limit. */
    readonly maxCalls: number,
    /** Instances in use at most (instanceLimit, accountInstanceLimit); Infinity for no limit. */
    readonly maxInstances: number,
  ) {
    this.counts = maxCalls !== Infinity || maxInstances !== Infinity;
  }

  /** Adds `pool`; returns its index, which it gives back in `queuedChanged`. */
  add(pool: Pool): number {
    this.pools.push(pool);
    return this.pools.length - 1;
  }

  /** Calls running, waiting for the instance started for them, or queued. */
  inProgress(): number {
    return this.calls + this.queued;
  }

  /** Calls running or about to run on an instance started for them. */
  running(): number {
    return this.calls;
  }

  /**
   * Instances in use: starting, waiting for a burst token, or serving calls
   * (counted in whole instances' worth of calls). Idle instances do not
   * count: the limit is on calls, and an idle instance of one function must
   * not keep another from starting one (Lambda counts requests in flight).
   */
  instances(): number {
    return this.inUse;
  }

  /** Pool `index` has queued calls now (`has`), or none any more. */
  queuedChanged(index: number, has: boolean): void {
    const w = this.waiting;
    const at = firstAbove(w, index - 1);
    if (has) w.splice(at, 0, index);
    else w.splice(at, 1);
  }

  /** A call ended in `from`: calls queued at the limit in the other pools may go now. */
  released(from: Pool): void {
    if (this.pools.length === 1 || this.maxCalls === Infinity || !this.reached) return;
    // In pool order, as a scan of every pool would: a pool that queues a call meanwhile
    // (further on) is still visited; `waiting` may change under each drain, so the next
    // pool is looked up afresh each time.
    const w = this.waiting;
    let last = -1;
    for (;;) {
      const at = firstAbove(w, last);
      if (at === w.length) return;
      last = w[at];
      const p = this.pools[last];
      if (p !== from) p.drainQueued();
    }
  }

  /**
   * The counts recomputed from the pools (what the running sums must equal, when a limit is
   * finite; for tests).
   */
  sums(): { calls: number; queued: number; inUse: number; waiting: number[] } {
    let calls = 0;
    let queued = 0;
    let inUse = 0;
    const waiting: number[] = [];
    this.pools.forEach((p, i) => {
      calls += p.activeCalls + p.bound;
      queued += p.queueLive;
      inUse += p.instancesInUse;
      if (p.queueLive > 0) waiting.push(i);
    });
    return { calls, queued, inUse, waiting };
  }

  /** The running counts as kept (for tests, against `sums`). */
  kept(): { calls: number; queued: number; inUse: number; waiting: number[] } {
    return {
      calls: this.calls,
      queued: this.queued,
      inUse: this.inUse,
      waiting: [...this.waiting],
    };
  }
}

/** The first position in the ascending `xs` whose value is above `v` (binary search). */
function firstAbove(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
