import type { Call } from '../call.ts';
import type { Pool } from '../pool.ts';

/**
 * When, and how many, instances a function's pool starts. The pool hands every call it
 * cannot serve at once to the policy; the policy queues it, starts instances (within the
 * limits and the burst bucket, through the pool), or refuses it.
 */
export interface ScalingPolicy {
  readonly name: string;
  /** `call` found no ready instance with room, and the call limit lets it in. */
  noRoom(pool: Pool, call: Call): void;
  /**
   * Calls are queued and something changed (a call ended, the limit has room again): start
   * instances for calls that no start on its way will serve.
   */
  queueWaiting(pool: Pool): void;
}
