import { Histogram } from '../metrics/histogram.ts';
import { mser5 } from '../metrics/mser.ts';
import { TimeSeries } from '../metrics/timeSeries.ts';
import { type Call, Outcome, STAGES } from '../platform/call.ts';
import type { CallSink } from '../platform/invoker.ts';
import type { PoolObserver } from '../platform/poolObserver.ts';
import { log2 } from '../special/log2.ts';
import type { FunctionTable } from './perFunction.ts';

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
  instances: { mean: number; max: number; gbSeconds: number };
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

// Per pending call: latency, then the stages in STAGES order.
const STAGE_COUNT = STAGES.length;
const CALL_VALUES = 1 + STAGE_COUNT;
const PENDING_CALLS = 1024;

/** Windows of the whole run (warm-up included) whose mean latencies MSER-5 reads. */
export const MSER_WINDOWS = 500;

/**
 * Records root calls that start inside the measured window (after warm-up,
 * before the end of the run, when arrivals stop) whenever they answer: the
 * run drains its calls in flight after its end. Those still unanswered when
 * the drain stops are in flight. Warmers' pings are counted apart.
 *
 * Instance levels are integrated over the window only: the drain, with no
 * arrivals, is not the steady state the window measures.
 */
export class Recorder implements CallSink {
  private readonly endToEndHistogram = new Histogram();
  private readonly stageHistograms = STAGES.map(() => new Histogram());
  // Latencies and stages of completed calls not yet in the histograms, CALL_VALUES per call.
  // Histograms are filled in batches (see flush) rather than call by call: the call
  // path then never touches their counts, which keeps its own memory in the caches,
  // and one short loop per histogram keeps its values unboxed. A histogram's
  // contents do not depend on the order of its values, so the bytes out are the same.
  private readonly pending = new Float64Array(CALL_VALUES * PENDING_CALLS);
  private pendingLength = 0;
  readonly breakdown = new Float64Array(BINS * BREAKDOWN_STRIDE);
  arrivals = 0;
  completed = 0;
  throttled = 0;
  timedOut = 0;
  coldRoots = 0;
  startWaitRoots = 0;
  hops = 0;
  hopsCold: number[] = [0];
  warmerCalls = 0;
  warmerCold = 0;
  /** Root calls sent and not yet answered (all of them, warm-up included), for the guard. */
  inFlight = 0;
  /** Told when the last root call in flight ends, once set (while the run drains). */
  onDrained: (() => void) | null = null;
  /** When the last root call answered so far got its answer. */
  lastEnd = 0;
  private windowStart: number;
  private readonly windowEnd: number;
  // Instance levels of every pool, summed, integrated over the window.
  private total = 0;
  private totalMax = 0;
  private area = 0;
  // The same weighted by each function's memory, for what keeping instances costs.
  private totalGB = 0;
  private gbArea = 0;
  private lastT = 0;
  readonly series: TimeSeries | null;
  readonly windowP99: Histogram[] = [];
  private readonly entry: string;
  // Per window of the run, the latencies of completed root calls by start, and their count.
  private readonly mserSums = new Float64Array(MSER_WINDOWS);
  private readonly mserCounts = new Float64Array(MSER_WINDOWS);
  private readonly mserWidth: number;

  constructor(warmup: number, end: number, entry: string, timelineWindow: number | null) {
    this.windowStart = warmup;
    this.windowEnd = end;
    this.mserWidth = end / MSER_WINDOWS;
    this.lastT = warmup;
    this.entry = entry;
    this.series = timelineWindow === null ? null : new TimeSeries(timelineWindow, end);
  }

  /** A root call was sent. */
  sent(call: Call): void {
    this.inFlight++;
    if (call.tag === TAG_WARMER) return;
    if (this.series !== null) this.series.add(call.start, 'arrivals');
    if (call.start >= this.windowStart && call.start < this.windowEnd) this.arrivals++;
  }

  ended(call: Call): void {
    // Fire-and-forget calls between functions end here too; they are not roots.
    if (call.tag < 0) return;
    if (--this.inFlight === 0 && this.onDrained !== null) this.onDrained();
    if (call.tag === TAG_WARMER) {
      if (call.start >= this.windowStart) {
        this.warmerCalls++;
        if (call.cold) this.warmerCold++;
      }
      return;
    }
    const timelineOn = this.series !== null;
    if (timelineOn && call.outcome === Outcome.Throttled) this.series!.add(call.start, 'throttled');
    // Counted by its start, whenever it ends (arrivals stop at the end of the
    // run and the calls in flight drain): a recorded latency is never cut short.
    if (call.end > this.lastEnd) this.lastEnd = call.end;
    const latency = call.end - call.start;
    if (call.outcome === Outcome.Completed && call.start < this.windowEnd) {
      const w = Math.floor(call.start / this.mserWidth);
      this.mserSums[w] += latency;
      this.mserCounts[w]++;
    }
    if (timelineOn && call.outcome === Outcome.Completed) {
      const w = Math.floor(call.start / this.series!.widthMs);
      let h = this.windowP99[w];
      if (h === undefined) h = this.windowP99[w] = new Histogram();
      h.record(latency);
    }
    if (call.start < this.windowStart || call.start >= this.windowEnd) return;
    if (call.outcome === Outcome.Throttled) {
      this.throttled++;
      return;
    }
    if (call.outcome === Outcome.TimedOut) {
      this.timedOut++;
      return;
    }
    this.completed++;
    const p = this.pending;
    const j = this.pendingLength;
    p[j] = latency;
    for (let k = 0; k < STAGE_COUNT; k++) p[j + 1 + k] = call.stageTime(k);
    this.pendingLength = j + CALL_VALUES;
    if (this.pendingLength === p.length) this.flush();
    const b = breakdownBin(latency) * BREAKDOWN_STRIDE;
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
    const d = mser5(this.mserSums, this.mserCounts);
    return d === null ? null : d * this.mserWidth;
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

  /** An observer for one pool; the entry function's levels also feed the timeline. */
  observer(fnName: string, memoryGB: number): PoolObserver {
    let starting = 0;
    let busy = 0;
    let idle = 0;
    const isEntry = fnName === this.entry;
    return {
      levels: (t, s, b, i) => {
        this.integrate(t);
        const change = s + b + i - (starting + busy + idle);
        this.total += change;
        this.totalGB += change * memoryGB;
        starting = s;
        busy = b;
        idle = i;
        if (t > this.windowEnd) return;
        if (t >= this.windowStart && this.total > this.totalMax) this.totalMax = this.total;
        if (isEntry && this.series !== null) {
          this.series.observe(t, s, 'starting');
          this.series.observe(t, b, 'busy');
          this.series.observe(t, i, 'idle');
        }
      },
    };
  }

  private integrate(time: number): void {
    const t = Math.min(time, this.windowEnd);
    if (t > this.lastT) {
      this.area += this.total * (t - this.lastT);
      this.gbArea += this.totalGB * (t - this.lastT);
      this.lastT = t;
    }
  }

  /** Called at the end of warm-up: levels carry over, integrals start. */
  startWindow(t: number): void {
    this.windowStart = t;
    this.lastT = t;
    this.area = 0;
    this.gbArea = 0;
    this.totalMax = this.total;
  }

  instances(end: number): { mean: number; max: number; gbSeconds: number } {
    this.integrate(end);
    const span = end - this.windowStart;
    return {
      mean: span > 0 ? this.area / span : this.total,
      max: this.totalMax,
      gbSeconds: this.gbArea / 1000,
    };
  }
}

/** Records every CALL_VALUES-th value of `values[0, n)` from `first` on. */
function fill(h: Histogram, values: Float64Array, first: number, n: number): void {
  for (let i = first; i < n; i += CALL_VALUES) h.record(values[i]);
}
