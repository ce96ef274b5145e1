import { Histogram } from '../metrics/histogram.ts';
import { mser5Drift } from '../metrics/mser.ts';
import { TimeSeries } from '../metrics/timeSeries.ts';
import { type Call, Outcome, STAGES } from '../platform/call.ts';
import type { FunctionRuntime } from '../platform/functionRuntime.ts';
import type { CallSink } from '../platform/invoker.ts';
import type { ObservedPool, PoolObserver } from '../platform/poolObserver.ts';
import { log2 } from '../special/log2.ts';
import type { RequestSink } from '../workload/client/caller.ts';
import * as Row from './functionRows.ts';
import { FunctionRows } from './functionRows.ts';
import type { FunctionRecorder, FunctionTable } from './perFunction.ts';

/** Tags of root calls: real traffic, and warmers' pings. */
export const TAG_ROOT = 0;
export const TAG_WARMER = 1;

// Latency bins for the stage breakdown, from 2^-10 ms (1 us) up.
// 8 per octave: a bin spans 9%, so the calls in the bin of a percentile lie
// within about 4.5% of it.
const BINS_PER_OCTAVE = 8;
const BIN_OFFSET = 10 * BINS_PER_OCTAVE;
const BINS = 50 * BINS_PER_OCTAVE;

/** Numbers per breakdown bin: count, latency sum, one sum per stage. */
export const BREAKDOWN_STRIDE = 2 + STAGES.length;
/** Numbers in a breakdown table (one block's). */
export const BREAKDOWN_LENGTH = BINS * BREAKDOWN_STRIDE;

export function breakdownBin(latency: number): number {
  if (!(latency > 0)) return 0;
  const b = Math.floor(log2(latency) * BINS_PER_OCTAVE) + BIN_OFFSET;
  return b < 0 ? 0 : b >= BINS ? BINS - 1 : b;
}

/** What one replication measured: plain data plus histograms (which serialise with toJSON). */
export interface ReplicationData {
  endToEnd: Histogram;
  stages: Histogram[];
  /**
   * Per latency bin, BREAKDOWN_STRIDE numbers: calls, the sum of their
   * latencies, then the sum of each stage (STAGES order).
   */
  breakdown: Float64Array;
  arrivals: number;
  completed: number;
  throttled: number;
  timedOut: number;
  /** What the caller did, with a caller's policy (`caller`); null without one. */
  client: ClientData | null;
  /**
   * Crashes, where the point models them (a function's `crashProbability`, a cluster's
   * `meanTimeBetweenFailures`); null (or absent, in older shard files) otherwise.
   */
  failures?: FailureData | null;
  /** Completed root calls with at least one cold hop (served by a fresh instance). */
  coldRoots: number;
  /**
   * Completed root calls with at least one hop whose wait overlapped an instance start made
   * for it or for its queue (Call.waitedOnStart).
   */
  startWaitRoots: number;
  hopsCold: number[];
  hops: number;
  coldStarts: number;
  warmers: { calls: number; cold: number } | null;
  cost: { requests: number; gbSeconds: number; usd: number; warmerUsd: number };
  /** idleGbSeconds: of idle instances only (wasted memory time); absent from older shard files. */
  instances: { mean: number; max: number; gbSeconds: number; idleGbSeconds?: number };
  timeline: {
    series: ReturnType<TimeSeries['toJSON']>;
    p99: Histogram[];
  } | null;
  events: number;
  /**
   * How long after `duration` the last root call in flight answered (0 when none was left);
   * the drain limit when it cut the drain short.
   */
  drainMs: number;
  /** The MSER-5 truncation point of the run's per-window mean latencies, ms from 0 (see Recorder). */
  mserMs: number | null;
  /** The replication's warm-up, ms, to compare with. */
  warmupMs: number;
  /** Function by function, for workloads of many functions (absent otherwise): perFunction.ts. */
  functions?: FunctionTable;
}

/** A caller's requests and calls in one replication (see Caller). */
export interface ClientData {
  /** Requests started in the window that the caller gave up on (its timeout, attempts spent). */
  clientTimedOut: number;
  /** Requests started in the window whose last answer was the function's error. */
  failed: number;
  /** Requests started in the window that ended (any outcome). */
  requests: number;
  /** Their attempts (first and retries) and hedged copies. */
  attempts: number;
  hedges: number;
  /** Calls of the whole run withdrawn by the caller (a hedge's losers it could reach). */
  cancelled: number;
  /** Calls of the whole run beyond each request's first (retries and hedges) that ran, billed. */
  extraCalls: number;
  /** Billed ms of the entry function's calls of the whole run, and of the extra ones among them. */
  billedMs: number;
  extraBilledMs: number;
  /** USD of the extra calls at the entry function's prices (set by the replication). */
  extraUsd: number;
}

/** Instance crashes and host failures in one replication. */
export interface FailureData {
  /** Root calls (requests, with a caller) started in the window that ended by a crash. */
  crashed: number;
  /** After warm-up: instances that crashed, host failures, and calls of every kind they ended. */
  instanceCrashes: number;
  hostFailures: number;
  callsLost: number;
}

// Per pending call: latency, then the stages in STAGES order.
const STAGE_COUNT = STAGES.length;
const CALL_VALUES = 1 + STAGE_COUNT;
const PENDING_CALLS = 1024;

/** Windows of the whole run (warm-up included) whose mean latencies MSER-5 reads. */
export const MSER_WINDOWS = 500;

// A block's instance levels and their integrals over the window (Recorder.held), side by side.
const TOTAL = 0;
const TOTAL_GB = 1;
const IDLE_GB = 2;
const LAST_T = 3;
const AREA = 4;
const GB_AREA = 5;
const IDLE_GB_AREA = 6;
const HELD = 8;

/**
 * Records root calls that start inside the measured window (after warm-up,
 * before the end of the run, when arrivals stop) whenever they answer: the
 * run drains its calls in flight after its end. Those still unanswered when
 * the drain stops are in flight. Warmers' pings are counted apart.
 *
 * Instance levels are integrated over the window only: the drain, with no
 * arrivals, is not the steady state the window measures.
 *
 * Blocks (a region split by function, regionSplit.ts): one recorder records every block of a
 * simulation. What is integers (histograms, counts, MSER's window counts, the instances alive
 * at LevelGrid's instants) is recorded once for all of them: integers add exactly in any order,
 * so the part's totals are the same whichever blocks it holds. Only the floating-point sums,
 * whose bits depend on the order of their terms, are kept block by block (the breakdown table,
 * MSER's window sums, the instance-time integrals: see breakdownOf, mserSumsOf, instances) and
 * added across blocks in block order by combineBlocks. One recorder per block had cost an
 * unsplit region of 40 blocks some 10 % of its CPU: a call's latencies went into its block's
 * histograms, 40 sets of them, none in cache.
 */
export class Recorder implements CallSink, RequestSink, PoolObserver {
  private readonly endToEndHistogram = new Histogram();
  private readonly stageHistograms = STAGES.map(() => new Histogram());
  // Latencies and stages of completed calls not yet in the histograms, CALL_VALUES per call.
  // Histograms are filled in batches (see flush) rather than call by call: the call
  // path then never touches their counts, which keeps its own memory in the caches,
  // and one short loop per histogram keeps its values unboxed. A histogram's
  // contents do not depend on the order of its values, so the bytes out are the same.
  private readonly pending = new Float64Array(CALL_VALUES * PENDING_CALLS);
  private pendingLength = 0;
  /** BREAKDOWN_LENGTH numbers per block, block after block. */
  private readonly breakdown: Float64Array;
  /**
   * By a function's index among the world's functions (FunctionRuntime.index): its block; null
   * with one block (every call's is 0).
   */
  private blockAt: Int32Array | null;
  /** The functions of many-function workloads, recorded one by one (fed by ended and the levels). */
  perFunction: FunctionRecorder | null = null;
  /**
   * Each observed function's row: the levels last seen, its memory, its block (and the
   * per-function table's numbers, for a function it follows), by the function's index.
   */
  private readonly rows = new FunctionRows();
  arrivals = 0;
  completed = 0;
  throttled = 0;
  timedOut = 0;
  /** The span of the request being recorded (reused: see record). */
  private readonly span = { start: 0, end: 0 };
  /** Root calls go through a caller (see Caller): it has opened a request. */
  private callerInUse = false;
  clientTimedOut = 0;
  failed = 0;
  /** Roots (requests) that ended because an instance on their path crashed. */
  crashed = 0;
  requests = 0;
  attempts = 0;
  hedges = 0;
  cancelled = 0;
  extraCalls = 0;
  billedMs = 0;
  extraBilledMs = 0;
  coldRoots = 0;
  startWaitRoots = 0;
  hops = 0;
  hopsCold: number[] = [0];
  warmerCalls = 0;
  warmerCold = 0;
  /**
   * Root calls sent and not yet answered (all of them, warm-up included), for the guard and the
   * drain. With a caller (see Caller): its requests not yet ended, and their attempts' calls
   * not yet ended (one given up on still runs, and is billed, so the drain waits for it).
   */
  inFlight = 0;
  /** Told when the last root call in flight ends, once set (while the run drains). */
  onDrained: (() => void) | null = null;
  /** When the last root call answered so far got its answer. */
  lastEnd = 0;
  private windowStart: number;
  private readonly windowEnd: number;
  // Instances alive in every block and their peak in the window (exact: integers).
  private total = 0;
  private totalMax = 0;
  /**
   * Per block, HELD numbers (offsets above): its instances alive, the same weighted by each
   * function's memory (what keeping instances costs), its idle instances weighted by memory (the
   * memory kept warm for no call: wasted memory time), when they last changed, and the three
   * integrated over the window.
   */
  private readonly held: Float64Array;
  readonly series: TimeSeries | null;
  readonly windowP99: Histogram[] = [];
  private readonly entry: string;
  // Per window of the run, the latencies of completed root calls by start (MSER_WINDOWS per
  // block, block after block), and their count (all blocks). Read by a region run split by
  // function, which adds the blocks' windows (regionSplit.ts).
  private readonly mserSums: Float64Array;
  readonly mserCounts = new Float64Array(MSER_WINDOWS);
  private readonly mserWidth: number;
  /**
   * Told every change of the number of instances alive (all blocks), with its time, where a
   * region run split by function samples it (regionSplit.ts's LevelGrid); null: not asked.
   */
  aliveSampler: { change(t: number, delta: number): void } | null = null;

  /** `blocks`: how many blocks it records apart (see the class); each function's is set by observer. */
  constructor(
    warmup: number,
    end: number,
    entry: string,
    timelineWindow: number | null,
    readonly blocks = 1,
  ) {
    this.windowStart = warmup;
    this.windowEnd = end;
    this.mserWidth = end / MSER_WINDOWS;
    this.entry = entry;
    this.series = timelineWindow === null ? null : new TimeSeries(timelineWindow, end);
    this.breakdown = new Float64Array(blocks * BREAKDOWN_LENGTH);
    this.mserSums = new Float64Array(blocks * MSER_WINDOWS);
    this.held = new Float64Array(blocks * HELD);
    for (let k = 0; k < blocks; k++) this.held[k * HELD + LAST_T] = warmup;
    this.blockAt = blocks === 1 ? null : new Int32Array(64);
  }

  /** A root call was sent. */
  sent(call: Call): void {
    this.inFlight++;
    // Warmers' pings and a caller's later attempts are not arrivals.
    if (call.tag !== TAG_ROOT) return;
    if (this.series !== null) this.series.add(call.start, 'arrivals');
    if (call.start >= this.windowStart && call.start < this.windowEnd) this.arrivals++;
  }

  ended(call: Call): void {
    // Fire-and-forget calls between functions end here too; they are not roots.
    if (call.tag < 0) return;
    // Called from here rather than through a sink of its own: one call less per call, and no
    // closure to reach (with 10,000 functions, every object a call reaches is out of cache).
    if (this.perFunction !== null) this.perFunction.ended(call);
    if (--this.inFlight === 0 && this.onDrained !== null) this.onDrained();
    if (call.tag === TAG_WARMER) {
      if (call.start >= this.windowStart) {
        this.warmerCalls++;
        if (call.cold) this.warmerCold++;
      }
      return;
    }
    // No doubles passed: a call that V8 does not inline would box each one (two allocations
    // per root call on the hottest path there is); record reads them from the call.
    this.record(call, call.outcome, null);
  }

  opened(): void {
    this.callerInUse = true;
    this.inFlight++;
  }

  attemptEnded(call: Call, _requestStart: number, extra: boolean): void {
    if (call.end > this.lastEnd) this.lastEnd = call.end;
    // Cost counts the whole run (as the functions' bills do), not only the window, and only
    // calls that ran: one refused or withdrawn from its queue never got an instance, no bill.
    if (call.instance !== null) {
      this.billedMs += call.billed;
      if (extra) {
        this.extraCalls++;
        this.extraBilledMs += call.billed;
      }
    }
    if (call.outcome === Outcome.Cancelled) this.cancelled++;
    // The timeline counts every refused call, retries included: a retry storm shows there.
    if (this.series !== null && call.outcome === Outcome.Throttled) {
      this.series.add(call.start, 'throttled');
    }
    if (--this.inFlight === 0 && this.onDrained !== null) this.onDrained();
  }

  requestEnded(
    call: Call,
    start: number,
    end: number,
    outcome: Outcome,
    attempts: number,
    hedges: number,
  ): void {
    if (start >= this.windowStart && start < this.windowEnd) {
      this.requests++;
      this.attempts += attempts;
      this.hedges += hedges;
    }
    const span = this.span;
    span.start = start;
    span.end = end;
    this.record(call, outcome, span);
    if (--this.inFlight === 0 && this.onDrained !== null) this.onDrained();
  }

  /**
   * Records a root call, or a caller's request (its span in `request`), that ended with
   * `outcome`; `call` is the call whose answer ended it, for the stages.
   */
  private record(
    call: Call,
    outcome: Outcome,
    request: { start: number; end: number } | null,
  ): void {
    const start = request === null ? call.start : request.start;
    const end = request === null ? call.end : request.end;
    const timelineOn = this.series !== null;
    // With a caller, attemptEnded counts the refused calls in the timeline.
    if (timelineOn && outcome === Outcome.Throttled && !this.callerInUse) {
      this.series!.add(start, 'throttled');
    }
    // Counted by its start, whenever it ends (arrivals stop at the end of the
    // run and the calls in flight drain): a recorded latency is never cut short.
    if (end > this.lastEnd) this.lastEnd = end;
    const latency = end - start;
    // The call's block: its floating-point sums are kept apart (see the class).
    const block = this.blockAt === null ? 0 : this.blockAt[call.fn.index];
    if (outcome === Outcome.Completed && start < this.windowEnd) {
      const w = Math.floor(start / this.mserWidth);
      this.mserSums[block * MSER_WINDOWS + w] += latency;
      this.mserCounts[w]++;
    }
    if (timelineOn && outcome === Outcome.Completed) {
      const w = Math.floor(start / this.series!.widthMs);
      let h = this.windowP99[w];
      if (h === undefined) h = this.windowP99[w] = new Histogram();
      h.record(latency);
    }
    if (start < this.windowStart || start >= this.windowEnd) return;
    if (outcome !== Outcome.Completed) {
      if (outcome === Outcome.Throttled) this.throttled++;
      else if (outcome === Outcome.TimedOut) this.timedOut++;
      else if (outcome === Outcome.Failed) this.failed++;
      else if (outcome === Outcome.Crashed) this.crashed++;
      else this.clientTimedOut++;
      return;
    }
    this.completed++;
    const p = this.pending;
    const j = this.pendingLength;
    p[j] = latency;
    for (let k = 0; k < STAGE_COUNT; k++) p[j + 1 + k] = call.stageTime(k);
    this.pendingLength = j + CALL_VALUES;
    if (this.pendingLength === p.length) this.flush();
    const b = block * BREAKDOWN_LENGTH + breakdownBin(latency) * BREAKDOWN_STRIDE;
    const bd = this.breakdown;
    bd[b]++;
    bd[b + 1] += latency;
    for (let k = 0; k < STAGE_COUNT; k++) bd[b + 2 + k] += call.stageTime(k);
    const k = call.coldHops;
    if (k > 0) this.coldRoots++;
    if (call.startWaitHops > 0) this.startWaitRoots++;
    while (this.hopsCold.length <= k) this.hopsCold.push(0);
    this.hopsCold[k]++;
    this.hops += call.hops;
  }

  /**
   * Where MSER-5 would truncate the run's latencies (per-window means from time 0, warm-up
   * included), in ms from the start; null with too few calls to say.
   */
  mserTruncation(): number | null {
    const d = mser5Drift(this.mserSums.subarray(0, MSER_WINDOWS), this.mserCounts);
    return d === null ? null : d * this.mserWidth;
  }

  /** Block k's breakdown table (a copy): per bin, BREAKDOWN_STRIDE numbers (ReplicationData). */
  breakdownOf(k: number): Float64Array {
    return this.breakdown.slice(k * BREAKDOWN_LENGTH, (k + 1) * BREAKDOWN_LENGTH);
  }

  /** Block k's MSER window sums of latencies (the counts, of all blocks, are mserCounts). */
  mserSumsOf(k: number): Float64Array {
    return this.mserSums.slice(k * MSER_WINDOWS, (k + 1) * MSER_WINDOWS);
  }

  /** End-to-end latencies of the completed calls in the window. */
  get endToEnd(): Histogram {
    this.flush();
    return this.endToEndHistogram;
  }

  /** Each stage's times of the completed calls in the window, in STAGES order. */
  get stages(): Histogram[] {
    this.flush();
    return this.stageHistograms;
  }

  private flush(): void {
    const p = this.pending;
    const n = this.pendingLength;
    this.pendingLength = 0;
    fill(this.endToEndHistogram, p, 0, n);
    for (let k = 0; k < STAGES.length; k++) fill(this.stageHistograms[k], p, k + 1, n);
  }

  /**
   * Wires one function's pool, of block `block`: the pool tells this recorder its levels with
   * the function's row; the entry function's levels also feed the timeline, and those of a
   * function perFunction follows feed its numbers there too.
   */
  observer(fn: FunctionRuntime, block = 0): ObservedPool {
    if (this.blockAt !== null) {
      if (fn.index >= this.blockAt.length) {
        const grown = new Int32Array(Math.max(fn.index + 1, this.blockAt.length * 2));
        grown.set(this.blockAt);
        this.blockAt = grown;
      }
      this.blockAt[fn.index] = block;
    }
    const at = this.rows.row(fn.index);
    const d = this.rows.data;
    d[at + Row.MEMORY_GB] = fn.memoryMB / 1024;
    d[at + Row.HELD] = block * HELD;
    d[at + Row.ENTRY] = fn.name === this.entry ? 1 : 0;
    this.perFunction?.follow(fn, this.rows, at);
    return { observer: this, at };
  }

  /**
   * A pool's levels changed, to s, b, i (`at`: its function's row, where the levels it had are).
   * One observer, this recorder, for every pool and everything that follows their levels (the
   * block's integrals, the per-function table), which finds a function's numbers in one row: a
   * pool tells its levels twice a call, and with 10,000 functions each place reached is a miss.
   */
  levels(at: number, t: number, s: number, b: number, i: number): void {
    const d = this.rows.data;
    const h = this.held;
    const k = d[at + Row.HELD];
    this.integrate(k, t);
    const memoryGB = d[at + Row.MEMORY_GB];
    const was = d[at + Row.STARTING] + d[at + Row.BUSY];
    const wasIdle = d[at + Row.IDLE];
    const change = s + b + i - (was + wasIdle);
    if (this.aliveSampler !== null) this.aliveSampler.change(t, change);
    this.total += change;
    h[k + TOTAL] += change;
    h[k + TOTAL_GB] += change * memoryGB;
    h[k + IDLE_GB] += (i - wasIdle) * memoryGB;
    if (d[at + Row.POSITION] >= 0) this.perFunction!.integrate(d, at, t);
    d[at + Row.STARTING] = s;
    d[at + Row.BUSY] = b;
    d[at + Row.IDLE] = i;
    if (t > this.windowEnd) return;
    if (t >= this.windowStart && this.total > this.totalMax) this.totalMax = this.total;
    if (d[at + Row.ENTRY] === 1 && this.series !== null) {
      this.series.observe(t, s, 'starting');
      this.series.observe(t, b, 'busy');
      this.series.observe(t, i, 'idle');
    }
  }

  /** Integrates the block's levels (its numbers from `k` in held) up to `time`, within the window. */
  private integrate(k: number, time: number): void {
    const h = this.held;
    const t = Math.min(time, this.windowEnd);
    const last = h[k + LAST_T];
    if (t > last) {
      h[k + AREA] += h[k + TOTAL] * (t - last);
      h[k + GB_AREA] += h[k + TOTAL_GB] * (t - last);
      h[k + IDLE_GB_AREA] += h[k + IDLE_GB] * (t - last);
      h[k + LAST_T] = t;
    }
  }

  /** Called at the end of warm-up: levels carry over, integrals start. */
  startWindow(t: number): void {
    this.windowStart = t;
    for (let k = 0; k < this.held.length; k += HELD) {
      this.held[k + LAST_T] = t;
      this.held[k + AREA] = 0;
      this.held[k + GB_AREA] = 0;
      this.held[k + IDLE_GB_AREA] = 0;
    }
    this.totalMax = this.total;
  }

  /**
   * Block `block`'s instances over the window up to `end`; `max` is the exact peak of all blocks
   * together (a split run reads its own: LevelGrid).
   */
  instances(
    end: number,
    block = 0,
  ): {
    mean: number;
    max: number;
    gbSeconds: number;
    idleGbSeconds: number;
  } {
    const k = block * HELD;
    const h = this.held;
    this.integrate(k, end);
    const span = end - this.windowStart;
    return {
      mean: span > 0 ? h[k + AREA] / span : h[k + TOTAL],
      max: this.totalMax,
      gbSeconds: h[k + GB_AREA] / 1000,
      idleGbSeconds: h[k + IDLE_GB_AREA] / 1000,
    };
  }
}

/** Records every CALL_VALUES-th value of `values[0, n)` from `first` on. */
function fill(h: Histogram, values: Float64Array, first: number, n: number): void {
  for (let i = first; i < n; i += CALL_VALUES) h.record(values[i]);
}
