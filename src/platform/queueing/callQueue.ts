import type { Call } from '../call.ts';

/**
 * Calls waiting for an instance, oldest first. A call that gives up waiting stays in the
 * queue's storage (marked with `call.queued = false`) and is skipped when its turn comes:
 * removing it from the middle would cost more than skipping it once.
 */
export interface CallQueue {
  /** Calls still waiting (abandoned ones not counted). */
  readonly live: number;
  push(call: Call): void;
  /** The oldest call still waiting; only when `live > 0`. */
  shift(): Call;
  /** A queued call gave up (its `queued` is already false; its `waitingAt` says where it was). */
  dropped(call: Call): void;
}
