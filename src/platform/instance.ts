import type { Call } from './call.ts';
import type { SharedCpu } from './cpu/sharedCpu.ts';
import type { Pool } from './pool.ts';

export enum InstanceState {
  /** Waiting for a cluster slot or booting (a cold start). */
  Starting = 0,
  /** Serving calls or idle. */
  Ready = 1,
  Reclaimed = 2,
}

/** One container, microVM or isolate of a function. */
export class Instance {
  state: InstanceState = InstanceState.Starting;
  /** Calls being served now. */
  active = 0;
  /** Calls served so far. */
  served = 0;
  /** When its cold start ended (it became ready). */
  readyAt = Number.NaN;
  /** How long its cold start took, cluster wait excluded. */
  bootTime = 0;
  /** Its processor, when its calls share it (processorSharing); null: each call runs alone. */
  cpu: SharedCpu | null = null;
  /** The call it was started for, under early binding: served first when ready. */
  bound: Call | null = null;
  /** When it last became idle, and when its keep-alive ends. */
  idleSince = 0;
  reclaimAt = Infinity;
  /** When the earliest pending keep-alive check runs (Infinity: none), see Pool. */
  timerAt = Infinity;
  // Links of the pool's IdleList.
  prev: Instance | null = null;
  next: Instance | null = null;
  listed = false;

  constructor(
    readonly pool: Pool,
    readonly id: number,
    /** Always warm: never reclaimed, ready from the start. */
    readonly provisioned: boolean,
  ) {}
}
