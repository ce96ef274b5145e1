import type { Instance } from '../instance.ts';

/**
 * How long an idle instance is kept before it is reclaimed. Asked each time an instance
 * becomes idle; the pool reclaims it when that time has passed without a call.
 */
export interface KeepAlivePolicy {
  readonly name: string;
  /** `inst` has just become idle at `now`: milliseconds it stays (Infinity: forever). */
  idleFor(inst: Instance, now: number): number;
}
