import type { Instance } from '../instance.ts';

/**
 * How long an idle instance is kept before it is reclaimed, and whether it is unloaded at
 * once and loaded again before the next call is expected (pre-warming). Asked each time an
 * instance becomes idle; the pool reclaims it when that time has passed without a call.
 *
 * Hot path: called once per call that leaves an instance idle; an implementation must not
 * allocate there (the pool keeps the results in its own fields).
 */
export interface KeepAlivePolicy {
  readonly name: string;
  /**
   * Whether the policy learns from the function's idle times: the pool then calls
   * `functionIdle` (and only then, so that a fixed keep-alive costs nothing per call).
   */
  readonly learns: boolean;
  /**
   * The keep-alive when it is the same every time and draws nothing (a constant window,
   * forever): the pool adds it without calling idleFor, which with 10,000 functions reached
   * some six objects of the function out of cache per call. Absent: ask idleFor.
   */
  readonly constantMs?: number;
  /** `inst` has just become idle at `now`: milliseconds it stays (Infinity: forever). */
  idleFor(inst: Instance, now: number): number;
  /**
   * The function's last call has just ended at `now` and no call is left: milliseconds to
   * wait, with the instance unloaded, before loading one again for the next call (0: keep
   * it loaded, `idleFor` decides). Asked before `idleFor` for the same instance.
   */
  prewarmAfter(now: number): number;
  /** A call arrived after the function had no call for `idleMs` (policies that learn). */
  functionIdle(idleMs: number): void;
}
