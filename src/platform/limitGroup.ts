import type { Pool } from './pool.ts';

/**
 * The pools a concurrency limit applies to: one function's own pool, or
 * every function of an account (Lambda's 1000 concurrent calls and its burst
 * are per account). Counts are summed over the pools when asked: a handful of
 * pools, and only when a limit is finite.
 */
export class LimitGroup {
  readonly pools: Pool[] = [];

  constructor(
    /** Calls in progress at most; Infinity for no limit. */
    readonly maxCalls: number,
    /** Instances at most (enough for maxCalls); Infinity for no limit. */
    readonly maxInstances: number,
  ) {}

  /** Calls running, waiting for the instance started for them, or queued. */
  inProgress(): number {
    let n = 0;
    for (const p of this.pools) n += p.activeCalls + p.bound + p.queueLive;
    return n;
  }

  /** Calls running or about to run on an instance started for them. */
  running(): number {
    let n = 0;
    for (const p of this.pools) n += p.activeCalls + p.bound;
    return n;
  }

  /**
   * Instances in use: starting, waiting for a burst token, or serving calls
   * (counted in whole instances' worth of calls). Idle instances do not
   * count: the limit is on calls, and an idle instance of one function must
   * not keep another from starting one (Lambda counts requests in flight).
   */
  instances(): number {
    let n = 0;
    for (const p of this.pools) n += p.instancesInUse;
    return n;
  }

  /** A call ended in `from`: calls queued at the limit in the other pools may go now. */
  released(from: Pool): void {
    if (this.pools.length === 1 || this.maxCalls === Infinity) return;
    for (const p of this.pools) if (p !== from && p.queueLive > 0) p.drainQueued();
  }
}
