import type { Distribution } from '../random/distribution.ts';
import { Constant } from '../random/distributions/constant.ts';
import { Lognormal } from '../random/distributions/lognormal.ts';
import type { Rng } from '../random/rng.ts';
import { Slabs } from '../random/slabs.ts';
import { aimStreamCursor, aleaNext, claimStreamState, STREAM_CURSOR } from '../random/streams.ts';
import { exp } from '../special/exp.ts';
import { normalQuantileApprox } from '../special/normalQuantileApprox.ts';
import type { Call } from './call.ts';
import type { Hop } from './hop.ts';
import { type Billing, EXACT_BILLING } from './memory.ts';
import type { OwnHops } from './ownHops.ts';
import type { Pool } from './pool.ts';

/**
 * What a function does after its own compute: the calls it makes, as the
 * workload's invocation graph says. It must end by calling the invoker's
 * `done(call)`, at once or when the calls it waits for have answered.
 */
export interface FunctionBody {
  run(call: Call): void;
  /** A call this body made has answered (at `child.end`); made once, not per call. */
  readonly childEnded: (child: Call) => void;
}

/** The platform-level stages in front of a function's pool, shared by its functions. */
export interface PlatformRuntime {
  readonly name: string;
  /** One way through the front door, each direction on its own; null: none. */
  readonly gateway: Pick<Hop, 'sample'>;
  /** One way across the cloud network, each direction on its own. */
  readonly network: Pick<Hop, 'sample'>;
  /** The router's decision time. */
  readonly frontEnd: Pick<Hop, 'sample'>;
}

// Until the wiring sets it (the same as hop.ts's NO_HOP; not imported, to keep this module's
// imports types only).
const NO_INTERNET: Pick<Hop, 'sample'> = { sample: () => 0 };

// How sampleExecution draws: through the distribution and its stream (any distribution; through
// STREAM_CURSOR when the stream's state is claimed), or written out for the two a region's
// functions have.
const GENERIC = 0;
const CONSTANT = 1;
const LOGNORMAL = 2;
const CURSOR = 3;

// The execution times' parameters of the functions, two doubles each ([value or mu, sigma]),
// side by side in slabs shared by 1,024 functions (Slabs: a field holding a fraction would be a
// box of its own in V8, one more place out of cache per call).
const EXECUTION_NUMBERS = new Slabs(2, 1024);

/** A function, wired to its platform and pool. */
export class FunctionRuntime {
  /**
   * How sampleExecution draws (GENERIC, CONSTANT, LOGNORMAL), from where: its parameters at
   * `execAt` of `execNums`, its stream's state at `execSi` of `execSt` (null: GENERIC).
   */
  private readonly execKind: number;
  private readonly execNums: Float64Array;
  private readonly execAt: number;
  private readonly execSt: Float64Array | null;
  private readonly execSi: number;
  body: FunctionBody | null = null;
  /**
   * Probability that a call crashes its instance while it runs (the instance and every call on
   * it fail; see Pool.crash), and the stream that draws it; set by the wiring (0: never).
   */
  crashProbability = 0;
  crashRng: Rng | null = null;
  /** Set by the wiring once the pool exists (the pool needs the function first). */
  pool!: Pool;
  /**
   * The client's internet hop (one way) for this function's calls from outside the cloud, set by
   * the wiring: the client's one hop for all functions, or the function's own (own streams, see
   * WorldOptions.ownStreams).
   */
  internet: Pick<Hop, 'sample'> = NO_INTERNET;
  /**
   * All its hops in one object when they draw from a stream of its own (set by the wiring; the
   * invoker then reads this instead of `platform` and `internet`, which draw the same): null
   * for functions on the shared streams.
   */
  ownHops: OwnHops | null = null;
  /** A call's duration is billed in steps of billStep ms (0: exactly), at least billMin ms. */
  readonly billStep: number;
  readonly billMin: number;
  /**
   * Billing counters: calls that ran, and the milliseconds billed for them (each call's time on
   * its instance, rounded as the platform bills), pings apart.
   */
  invocations = 0;
  billedMs = 0;
  pings = 0;
  pingBilledMs = 0;
  /**
   * Its place among the world's functions, in wiring order (set by the wiring): recorders keep
   * per-function state in arrays by it, without a lookup by name or object on each call.
   */
  index = 0;
  /**
   * Per-instance billing (Billing.per 'instance'): the function's instances are billed while
   * they start and while at least one call runs on them, once however many calls share one.
   * The milliseconds billed so, each stretch rounded as a call would be (the pool adds them).
   */
  readonly billsInstances: boolean;
  instanceBilledMs = 0;
  /** Per-instance billing counts from here (the end of the warm-up): a stretch begun before is cut. */
  billSince = 0;

  constructor(
    readonly name: string,
    readonly platform: PlatformRuntime,
    readonly execution: Distribution,
    readonly executionRng: Rng,
    /** The call fails after this long on its instance (Infinity: never). */
    readonly timeout: number,
    readonly memoryMB: number,
    billing: Billing = EXACT_BILLING,
  ) {
    const place = EXECUTION_NUMBERS.take();
    this.execNums = place.slab;
    this.execAt = place.at;
    let kind = GENERIC;
    let state = null;
    if (execution instanceof Constant) {
      kind = CONSTANT;
      this.execNums[this.execAt] = execution.value;
    } else {
      // Drawn from the stream's state directly; a stream not made by createStream is called.
      state = claimStreamState(executionRng);
      if (state !== null && execution instanceof Lognormal) {
        kind = LOGNORMAL;
        this.execNums[this.execAt] = execution.mu;
        this.execNums[this.execAt + 1] = execution.sigma;
      } else if (state !== null) kind = CURSOR;
    }
    this.execKind = kind;
    this.execSt = state === null ? null : state.slab;
    this.execSi = state === null ? 0 : state.index;
    this.billStep = billing.granularity;
    this.billMin = billing.minimum;
    this.billsInstances = billing.per === 'instance';
  }

  /**
   * One execution time: execution.sample(executionRng), the same number. Hot path: with 10,000
   * functions a call's distribution, its boxed parameters and its stream's closure and context
   * are each out of cache; written out for a constant and a lognormal (the same expression as
   * Lognormal.sample, drawing from the stream's state with aleaNext), it reaches one slab line
   * and the stream's state; any other distribution draws through STREAM_CURSOR.
   */
  sampleExecution(): number {
    const kind = this.execKind;
    if (kind === LOGNORMAL) {
      const n = this.execNums;
      const a = this.execAt;
      return exp(n[a] + n[a + 1] * normalQuantileApprox(aleaNext(this.execSt!, this.execSi)));
    }
    if (kind === CONSTANT) return this.execNums[this.execAt];
    if (kind === CURSOR) {
      aimStreamCursor(this.execSt!, this.execSi);
      return this.execution.sample(STREAM_CURSOR);
    }
    return this.execution.sample(this.executionRng);
  }
}
