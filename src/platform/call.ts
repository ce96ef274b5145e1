import type { FunctionRuntime } from './functionRuntime.ts';
import type { Instance } from './instance.ts';

/** How a call ended. Every call ends exactly once, or is still in flight when the run stops. */
export enum Outcome {
  InFlight = 0,
  Completed = 1,
  Throttled = 2,
  TimedOut = 3,
  /** The caller gave up waiting (a root request under a caller's timeout; the call may run on). */
  ClientTimedOut = 4,
}

/** The stages a call's time is split into; they add up to its end-to-end latency. */
export const STAGES = [
  'internet',
  'gateway',
  'network',
  'frontEnd',
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

// Where each time of a call lives in Call.times.
const START = 0;
const END = 1;
const AT_POOL = 2;
const BILLED = 3;
const INTERNET = 4;
const GATEWAY = 5;
const NETWORK = 6;
const FRONT_END = 7;
const QUEUE = 8;
const COLD_START = 9;
const EXECUTION = 10;
const RETURN_DELAY = 11;
const ON_INSTANCE = 12;

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
 *
 * The times (start, end and the stages) are accessors over one array of
 * doubles rather than fields. V8 boxes every fractional number held in a
 * field as a separate heap object, so twelve time fields made a call some
 * 460 bytes over a dozen places; one array keeps them unboxed side by side.
 * With 1,000 calls running, a call is next touched after a thousand others
 * have been, and the fewer cache lines it spans, the less that costs.
 */
export class Call {
  private readonly times: number[];
  outcome: Outcome = Outcome.InFlight;
  /** This call itself met a cold start. */
  cold = false;
  /** Cold starts met by this call and every synchronous call below it. */
  coldHops = 0;
  /**
   * This call's wait for an instance overlapped a start of an instance of its function, made
   * for it or for the queue it waited in (whether or not that instance then served it): the
   * calls cold starts slowed, as users count them. Every cold call is one.
   */
  waitedOnStart = false;
  /** Calls with waitedOnStart, this one and every synchronous call below it. */
  startWaitHops = 0;
  /**
   * While it waits in a pool's queue: the pool's count of starts for its queue when it
   * joined (see Pool), or -1 when one was already under way.
   */
  startMark = 0;
  /** Calls in this call's synchronous subtree, itself included. */
  hops = 1;
  instance: Instance | null = null;
  /** A warmer's ping: runs the handler's short path (PING_MS, no calls). */
  ping = false;
  /** The ping's round, while it lasts (null for other calls). */
  round: PingRound | null = null;
  /** Still waiting in the pool's queue (false once served, throttled or abandoned). */
  queued = false;
  /** Has waited in a pool's queue: the queue may still hold it, so it is never reused. */
  waited = false;

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
    public fn: FunctionRuntime,
    public parent: Call | null,
    /** Arrived from outside the cloud (pays the internet hop and the gateway). */
    public external: boolean,
    start: number,
    /** Free for the caller: e.g. the arrival source, or a warmer ping. */
    public tag: number,
  ) {
    // The NaN makes V8 store the array as unboxed doubles from the start.
    this.times = [start, Number.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Number.NaN];
  }

  /**
   * Makes this ended call a new one, as the constructor would: for an owner
   * that knows nothing refers to it any more (see Invoker's reuse of calls).
   */
  reset(fn: FunctionRuntime, parent: Call | null, external: boolean, start: number, tag: number) {
    this.fn = fn;
    this.parent = parent;
    this.external = external;
    this.tag = tag;
    const t = this.times;
    t[START] = start;
    t[END] = Number.NaN;
    for (let i = AT_POOL; i <= RETURN_DELAY; i++) t[i] = 0;
    t[ON_INSTANCE] = Number.NaN;
    this.outcome = Outcome.InFlight;
    this.cold = false;
    this.coldHops = 0;
    this.waitedOnStart = false;
    this.startWaitHops = 0;
    this.startMark = 0;
    this.hops = 1;
    this.instance = null;
    this.ping = false;
    this.round = null;
    this.queued = false;
    this.waited = false;
    this.step = 0;
    this.awaiting = 0;
    this.spare = 0;
    this.parentStep = 0;
    this.depth = 0;
  }

  /** When the caller sent it. */
  get start(): number {
    return this.times[START];
  }
  set start(ms: number) {
    this.times[START] = ms;
  }
  /** When the caller got the answer (valid once ended). */
  get end(): number {
    return this.times[END];
  }
  set end(ms: number) {
    this.times[END] = ms;
  }
  /** When it reached the function's pool. */
  get atPool(): number {
    return this.times[AT_POOL];
  }
  set atPool(ms: number) {
    this.times[AT_POOL] = ms;
  }
  /**
   * When it got its instance (NaN until then). Not atPool + queue + coldStart:
   * once the call has waited on others, those stages also hold their waits.
   */
  get onInstance(): number {
    return this.times[ON_INSTANCE];
  }
  set onInstance(ms: number) {
    this.times[ON_INSTANCE] = ms;
  }
  /** Milliseconds of execution billed (instance held by this call). */
  get billed(): number {
    return this.times[BILLED];
  }
  set billed(ms: number) {
    this.times[BILLED] = ms;
  }
  get internet(): number {
    return this.times[INTERNET];
  }
  set internet(ms: number) {
    this.times[INTERNET] = ms;
  }
  get gateway(): number {
    return this.times[GATEWAY];
  }
  set gateway(ms: number) {
    this.times[GATEWAY] = ms;
  }
  get network(): number {
    return this.times[NETWORK];
  }
  set network(ms: number) {
    this.times[NETWORK] = ms;
  }
  /** The platform's front end and routing (once `scheduler`). */
  get frontEnd(): number {
    return this.times[FRONT_END];
  }
  set frontEnd(ms: number) {
    this.times[FRONT_END] = ms;
  }
  get queue(): number {
    return this.times[QUEUE];
  }
  set queue(ms: number) {
    this.times[QUEUE] = ms;
  }
  get coldStart(): number {
    return this.times[COLD_START];
  }
  set coldStart(ms: number) {
    this.times[COLD_START] = ms;
  }
  get execution(): number {
    return this.times[EXECUTION];
  }
  set execution(ms: number) {
    this.times[EXECUTION] = ms;
  }
  /** Delay of the way back, sampled when the way out is. */
  get returnDelay(): number {
    return this.times[RETURN_DELAY];
  }
  set returnDelay(ms: number) {
    this.times[RETURN_DELAY] = ms;
  }

  /** Adds a finished child's stage sums (it lies on this call's critical path). */
  addStages(child: Call): void {
    const t = this.times;
    const c = child.times;
    for (let i = INTERNET; i <= EXECUTION; i++) t[i] += c[i];
  }
}
