import type { Call } from './call.ts';
import type { SharedCpu } from './cpu/sharedCpu.ts';
import type { Pool } from './pool.ts';
import type { FifoQueue } from './queueing/fifoQueue.ts';

export enum InstanceState {
  /** Waiting for a cluster slot or booting (a cold start). */
  Starting = 0,
  /** Serving calls or idle. */
  Ready = 1,
  Reclaimed = 2,
}

/** One container, microVM or isolate of a function. */
export class Instance {
  // Field order is memory order (V8 lays fields out in the order they are declared; the
  // constructor's arguments too are fields declared here, not parameter properties, which would
  // come first): what a warm call reads and writes, the pool's and the invoker's, side by side
  // right after the object's header (which every access reads), the times (each a box of its
  // own: V8 keeps no double unboxed in an object) last. With 100,000 instances a call's
  // instances are out of cache, and each line it touches is a miss.
  /** Calls being served now. */
  active = 0;
  // Links of the pool's IdleList.
  next: Instance | null = null;
  prev: Instance | null = null;
  listed = false;
  /** Scaled down while serving calls: takes no new call, reclaimed when its last one ends. */
  retiring = false;
  /**
   * The calls it serves now, kept only where instances can crash or their hosts fail (null
   * otherwise: the hot path keeps no list), so that a crash can fail each of them.
   */
  calls: Call[] | null = null;
  /** Its processor, when its calls share it (processorSharing); null: each call runs alone. */
  cpu: SharedCpu | null = null;
  /** Calls served so far. */
  served = 0;
  state: InstanceState = InstanceState.Starting;
  /** Always warm: never reclaimed, ready from the start. */
  readonly provisioned: boolean;
  /** The call it was started for, under early binding: served first when ready. */
  bound: Call | null = null;
  /** Calls routed to it that wait for room on it (per-instance queueing; null: none yet). */
  waiting: FifoQueue | null = null;
  /** Its place among the instances calls may be routed to (InstanceQueues; -1: not there). */
  slot = -1;
  /** The cluster host it has a slot on, where hosts can fail (-1: none known). */
  host = -1;
  /** When its cold start ended (it became ready). */
  readyAt = Number.NaN;
  /** How long its cold start took, cluster wait excluded. */
  bootTime = 0;
  /** When it last became idle, and when its keep-alive ends. */
  idleSince = 0;
  reclaimAt = Infinity;
  /** When the earliest pending keep-alive check runs (Infinity: none), see Pool. */
  timerAt = Infinity;
  /** Since when its time is billed (per-instance billing; NaN: not billed now). */
  billedFrom = Number.NaN;
  /** Loaded by a pre-warming keep-alive: kept until then while it has served no call (0: not). */
  prewarmUntil = 0;

  readonly pool: Pool;
  readonly id: number;

  constructor(pool: Pool, id: number, provisioned: boolean) {
    this.pool = pool;
    this.id = id;
    this.provisioned = provisioned;
  }
}
