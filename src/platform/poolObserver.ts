/**
 * Told whenever a pool's instance counts change, e.g. to draw instances over
 * time. The null observer costs one empty call.
 */
export interface PoolObserver {
  levels(now: number, starting: number, busy: number, idle: number): void;
}

export const NULL_POOL_OBSERVER: PoolObserver = { levels() {} };
