import type { FunctionRuntime } from './functionRuntime.ts';
import type { Instance } from './instance.ts';

/** How a call ended. Every call ends exactly once, or is still in flight when the run stops. */
export enum Outcome {
  InFlight = 0,
  Completed = 1,
  Throttled = 2,
  TimedOut = 3,
}

export const OUTCOME_NAMES = ['inFlight', 'completed', 'throttled', 'timedOut'] as const;

/** The stages a call's time is split into; they add up to its end-to-end latency. */
export const STAGES = [
  'internet',
  'gateway',
  'network',
  'scheduler',
  'queue',
  'coldStart',
  'execution',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The pings a warmer sends at one moment. A ping that gets an instance while others of its
 * round are still on their way holds that instance until the last one has reached the pool,
 * so that the round's pings overlap and land on distinct instances (as warmers make their
 * pings wait for each other); then each runs PING_MS.
 */
export interface PingRound {
  /** Pings of the round not yet at the pool. */
  travelling: number;
  /** Pings with an instance, waiting for the others. */
  held: Call[];
}

/**
 * One call of one function: from its caller (a client, or another function)
 * to the callee and back.
 *
 * Stage fields hold milliseconds. When the call has ended they hold the sums
 * along the critical path of everything it waited for (its own hops, plus the
 * calls it waited on), so that they add up to `end - start`.
 *
 * A class with every field set in the constructor keeps one hidden class for
 * all calls, which the hot path in the pool relies on.
 */
export class Call {
  /** When the caller sent it. */
  start: number;
  /** When the caller got the answer (valid once ended). */
  end = Number.NaN;
  /** When it reached the function's pool. */
  atPool = 0;
  outcome: Outcome = Outcome.InFlight;
  /** This call itself met a cold start. */
  cold = false;
  /** Cold starts met by this call and every synchronous call below it. */
  coldHops = 0;
  /** Calls in this call's synchronous subtree, itself included. */
  hops = 1;
  instance: Instance | null = null;
  /** Milliseconds of execution billed (instance held by this call). */
  billed = 0;
  /** A warmer's ping: runs the handler's short path (PING_MS, no calls). */
  ping = false;
  /** The ping's round, while it lasts (null for other calls). */
  round: PingRound | null = null;

  internet = 0;
  gateway = 0;
  network = 0;
  scheduler = 0;
  queue = 0;
  coldStart = 0;
  execution = 0;

  /** Delay of the way back, sampled when the way out is. */
  returnDelay = 0;
  /** Still waiting in the pool's queue (false once served, throttled or abandoned). */
  queued = false;

  /** Graph state, owned by the workload layer: which step runs, how many answers it awaits. */
  step = 0;
  awaiting = 0;
  /** Calls of the step that may still fail without failing this one (n - k for the first k of n). */
  spare = 0;
  /** The parent's step that made this call, to tell its answer from a straggler's. */
  parentStep = 0;
  /** Calls between the root and this one (0 for a root). */
  depth = 0;

  constructor(
    readonly fn: FunctionRuntime,
    readonly parent: Call | null,
    /** Arrived from outside the cloud (pays the internet hop and the gateway). */
    readonly external: boolean,
    start: number,
    /** Free for the caller: e.g. the arrival source, or a warmer ping. */
    readonly tag: number,
  ) {
    this.start = start;
  }

  /** Adds a finished child's stage sums (it lies on this call's critical path). */
  addStages(child: Call): void {
    this.internet += child.internet;
    this.gateway += child.gateway;
    this.network += child.network;
    this.scheduler += child.scheduler;
    this.queue += child.queue;
    this.coldStart += child.coldStart;
    this.execution += child.execution;
  }
}
