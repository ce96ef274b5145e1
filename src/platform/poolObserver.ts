/**
 * Told whenever a pool's instance counts change, e.g. to draw instances over time. The null
 * observer costs one empty call.
 */
export interface PoolObserver {
  /**
   * `at`: the number the pool was wired with (ObservedPool.at), which tells one observer of many
   * pools which pool it is: one object for all pools rather than one per pool, which with 10,000
   * functions was one more object out of cache on each change (see Recorder.levels).
   */
  levels(at: number, now: number, starting: number, busy: number, idle: number): void;
}

/** What a pool is wired to tell its levels to: the observer and the pool's number there. */
export interface ObservedPool {
  observer: PoolObserver;
  at: number;
}

export const NULL_POOL_OBSERVER: PoolObserver = { levels() {} };
