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
  /** The function ran and answered with an error (a caller's request; see caller.failure). */
  Failed = 5,
  /** The caller withdrew the call (a hedge's loser): it left its queue or its instance early. */
  Cancelled = 6,
  /**
   * Its instance crashed under it (the function's crash, or its cluster host failed): it ends
   * with an error, and the instance is gone (see Pool.crash).
   */
  Crashed = 7,
}

/**
 * The stages a call's time is split into, in the order a call meets them; they add up to
 * its end-to-end latency. The table is the one place a stage is declared: its slot in
 * Call's times, the sums, the recorder's columns and the results' fields follow from it.
 * A new stage also needs its written-out accessor in Call (the compiler says so) and a
 * label and colour in charts/stages.ts (likewise).
 */
export const STAGE_TABLE = [
  { name: 'internet', about: "the client's internet hop, both ways" },
  { name: 'gateway', about: 'an HTTPS front door (API gateway), both ways' },
  { name: 'network', about: 'the cloud network, both ways' },
  { name: 'frontEnd', about: "the platform's front end and routing, once" },
  { name: 'queue', about: 'waiting for an instance (a limit, a burst token, a busy instance)' },
  { name: 'coldStart', about: 'waiting for an instance to start' },
  { name: 'execution', about: "the function's own work (and the calls it waits on)" },
] as const;
export type Stage = (typeof STAGE_TABLE)[number]['name'];
export const STAGES: readonly Stage[] = STAGE_TABLE.map((s) => s.name);

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

// Where each time of a call lives in Call.times: four of its own, the stages from
// FIRST_STAGE in STAGE_TABLE order, then two more.
const START = 0;
const END = 1;
const AT_POOL = 2;
const BILLED = 3;
const FIRST_STAGE = 4;
const LAST_STAGE = FIRST_STAGE + STAGE_TABLE.length - 1;
const RETURN_DELAY = LAST_STAGE + 1;
const ON_INSTANCE = LAST_STAGE + 2;

// A new call's times: slice() copies it as unboxed doubles of exactly this length (the NaN
// makes V8 store the array as doubles from the start).
const FRESH_TIMES: number[] = [0, Number.NaN];
for (let i = AT_POOL; i <= RETURN_DELAY; i++) FRESH_TIMES.push(0);
FRESH_TIMES.push(Number.NaN);

/** Each stage is a number field of a call. */
export type StageTimes = { [S in Stage]: number };
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
  /**
   * Where it waits while `queued`, under per-instance queueing: the instance it was routed to
   * (served by that one only, whichever frees first), or null for the front end's queue (the
   * function's one queue, and per-instance queueing's buffer when there was no instance). A
   * call served by the instance it waited at while that one started is cold (coldStart
   * stage); one that waited at a busy instance waited in the queue stage.
   */
  waitingAt: Instance | null = null;

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
    const t = FRESH_TIMES.slice();
    t[START] = start;
    this.times = t;
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
    this.waitingAt = null;
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
    return this.times[FIRST_STAGE + 0];
  }
  set internet(ms: number) {
    this.times[FIRST_STAGE + 0] = ms;
  }
  get gateway(): number {
    return this.times[FIRST_STAGE + 1];
  }
  set gateway(ms: number) {
    this.times[FIRST_STAGE + 1] = ms;
  }
  get network(): number {
    return this.times[FIRST_STAGE + 2];
  }
  set network(ms: number) {
    this.times[FIRST_STAGE + 2] = ms;
  }
  get frontEnd(): number {
    return this.times[FIRST_STAGE + 3];
  }
  set frontEnd(ms: number) {
    this.times[FIRST_STAGE + 3] = ms;
  }
  get queue(): number {
    return this.times[FIRST_STAGE + 4];
  }
  set queue(ms: number) {
    this.times[FIRST_STAGE + 4] = ms;
  }
  get coldStart(): number {
    return this.times[FIRST_STAGE + 5];
  }
  set coldStart(ms: number) {
    this.times[FIRST_STAGE + 5] = ms;
  }
  get execution(): number {
    return this.times[FIRST_STAGE + 6];
  }
  set execution(ms: number) {
    this.times[FIRST_STAGE + 6] = ms;
  }
  // One accessor per stage, written out: V8 inlines these class accessors better than ones
  // made from the table with defineProperty (about 5% of the warm path's speed, measured).
  // The slots are FIRST_STAGE + the stage's index in STAGE_TABLE; the check after the class
  // fails to compile when a stage has no accessor, test/platform/stages.test.ts when one
  // reads the wrong slot.

  /** The time of the k-th stage (STAGE_TABLE order). */
  stageTime(k: number): number {
    return this.times[FIRST_STAGE + k];
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
    for (let i = FIRST_STAGE; i <= LAST_STAGE; i++) t[i] += c[i];
  }
}

/** Fails to compile when a stage of STAGE_TABLE has no accessor in Call. */
const everyStageHasAnAccessor: Call extends StageTimes ? true : never = true;
void everyStageHasAnAccessor;

/** The sum of a call's stages: its end-to-end latency once it has ended. */
export function stageSum(call: Call): number {
  let total = 0;
  for (let k = 0; k < STAGE_TABLE.length; k++) total += call.stageTime(k);
  return total;
}
