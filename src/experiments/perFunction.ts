import { nearestRank } from '../metrics/histogram.ts';
import { type Call, Outcome } from '../platform/call.ts';
import type { FunctionRuntime } from '../platform/functionRuntime.ts';
import {
  ALIVE_AREA,
  BIN_ROW,
  BUSY,
  COLD,
  COMPLETED,
  type FunctionRows,
  IDLE,
  IDLE_AREA,
  LAST_T,
  MEMORY_MB,
  POSITION,
  STARTING,
  THROTTLED,
  TIMED_OUT,
} from './functionRows.ts';

/**
 * Results function by function, for workloads of many functions (a population, a trace replayed
 * function by function): each function's root calls, the share of them that met a cold start,
 * their p99, and the memory its idle instances held (wasted memory time, as Shahrad et al. count
 * it). Kept compact: a function costs a few counters and, once called, one small table of
 * latency bins (BINS counts), so that 100,000 functions fit in a replication.
 */

// Latency bins read from a double's bits, as the Histogram does but coarser: the exponent and
// the top 4 mantissa bits, 16 linear bins per power of two, each at most 1/16 (6.25 %) of its
// values wide, so a bin's midpoint is within 3.2 % of every value in it. From 2^-7 ms to 2^27 ms
// (37 hours); values outside are counted in the first or last bin.
const MIN_EXP = -7;
const MAX_EXP = 26;
const PER_OCTAVE = 16;
export const LATENCY_BINS = (MAX_EXP - MIN_EXP + 1) * PER_OCTAVE;
const BASE = (1023 + MIN_EXP) * PER_OCTAVE;
const scratchF64 = new Float64Array(1);
const scratchU32 = new Uint32Array(scratchF64.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The bin of a latency (ms). */
export function latencyBin(ms: number): number {
  if (!(ms > 0)) return 0;
  scratchF64[0] = ms;
  const b = (scratchU32[HIGH_WORD] >>> 16) - BASE;
  return b < 0 ? 0 : b >= LATENCY_BINS ? LATENCY_BINS - 1 : b;
}

/** The midpoint of a bin (ms), which a percentile in the bin is read as. */
export function binMidpoint(bin: number): number {
  const octave = 2 ** (Math.floor(bin / PER_OCTAVE) + MIN_EXP);
  return octave * (1 + ((bin % PER_OCTAVE) + 0.5) / PER_OCTAVE);
}

/**
 * What one replication measured of each function, as plain numbers (it crosses to the main
 * thread and into shard files as JSON). Arrays are by function, in `names` order.
 */
export interface FunctionTable {
  names: string[];
  memoryMB: number[];
  /** Root calls that started in the window and completed. */
  completed: number[];
  /** Of those, the ones that met a cold start (served by a fresh instance). */
  cold: number[];
  throttled: number[];
  timedOut: number[];
  /** GB-seconds of the function's idle instances in the window: memory kept, not used. */
  idleGbSeconds: number[];
  /** GB-seconds of all its instances (starting, busy or idle) in the window. */
  aliveGbSeconds: number[];
  /** The latency bins of the completed calls: [function, bin, count] triples, flat, sorted. */
  bins: number[];
}

// Latency bins come in slabs of BIN_SLAB functions, a function given its place in a slab at its
// first completed call: one allocation per 64 functions instead of one typed array (an object,
// its buffer and the buffer's memory, three places to reach per call) for each.
const BIN_SLAB = 64;

/**
 * Per-function state during a run. A function's numbers are in its row of the Recorder's
 * FunctionRows (next to the pool levels the Recorder keeps there: one place a call reaches for
 * both), met when the Recorder's observer wires its pool (follow).
 */
export class FunctionRecorder {
  /** The rows, once the first function is followed (the Recorder's). */
  private rows: FunctionRows | null = null;
  private readonly names: string[];
  /** By a function's place in `names`: the offset of its row, or -1 (not met). */
  private readonly rowAt: Int32Array;
  private readonly slabs: Uint32Array[] = [];
  private binRows = 0;
  private readonly windowStart: number;

  private readonly position: Map<string, number>;

  /** `names`: the functions to follow, in the order of the table; each is met in `follow`. */
  constructor(
    names: string[],
    warmup: number,
    private readonly windowEnd: number,
  ) {
    this.names = names;
    this.position = new Map(names.map((name, i) => [name, i]));
    this.rowAt = new Int32Array(names.length).fill(-1);
    this.windowStart = warmup;
  }

  /** A root call ended (the Recorder's rules: counted by its start, inside the window). */
  ended(call: Call): void {
    if (call.tag !== 0) return;
    const start = call.start;
    if (start < this.windowStart || start >= this.windowEnd) return;
    const rows = this.rows;
    if (rows === null) return;
    const at = rows.find(call.fn.index);
    if (at < 0) return;
    const d = rows.data;
    if (d[at + POSITION] < 0) return;
    if (call.outcome === Outcome.Throttled) {
      d[at + THROTTLED]++;
      return;
    }
    if (call.outcome === Outcome.TimedOut) {
      d[at + TIMED_OUT]++;
      return;
    }
    d[at + COMPLETED]++;
    if (call.coldHops > 0) d[at + COLD]++;
    let row = d[at + BIN_ROW];
    if (row < 0) row = d[at + BIN_ROW] = this.newBinRow();
    this.slabs[row >> 6][(row & (BIN_SLAB - 1)) * LATENCY_BINS + latencyBin(call.end - start)]++;
  }

  private newBinRow(): number {
    const row = this.binRows++;
    if ((row & (BIN_SLAB - 1)) === 0) this.slabs.push(new Uint32Array(BIN_SLAB * LATENCY_BINS));
    return row;
  }

  /**
   * Meets a function as the world wires it (the Recorder's observer asks, with the function's
   * row `at` in `rows`): whether it is one of the table's. Its row then carries its numbers.
   */
  follow(fn: FunctionRuntime, rows: FunctionRows, at: number): boolean {
    const i = this.position.get(fn.name);
    if (i === undefined) return false;
    this.rows = rows;
    this.rowAt[i] = at;
    rows.data[at + POSITION] = i;
    rows.data[at + MEMORY_MB] = fn.memoryMB;
    return true;
  }

  /**
   * A followed function's pool levels are about to change (its row at `at` in `d` still holds
   * the levels until now: the Recorder calls this before it writes the new ones): adds the levels
   * held since their last change, within the window, up to `t`.
   */
  integrate(d: Float64Array, at: number, t: number): void {
    const to = Math.min(t, this.windowEnd);
    const last = d[at + LAST_T];
    const from = Math.max(last, this.windowStart);
    if (to > from) {
      const gbMs = (d[at + MEMORY_MB] / 1024) * (to - from);
      const idle = d[at + IDLE];
      d[at + IDLE_AREA] += idle * gbMs;
      d[at + ALIVE_AREA] += (d[at + STARTING] + d[at + BUSY] + idle) * gbMs;
    }
    if (t > last) d[at + LAST_T] = t;
  }

  /**
   * What the replication measured of the functions from `first` (in `names` order) to before
   * `end` (a block's, in a recorder of several blocks); the levels still held are integrated to
   * the window's end.
   */
  table(first = 0, end = this.names.length): FunctionTable {
    const n = end - first;
    const d = this.rows?.data ?? new Float64Array(0);
    // By place in `names`: its row's offset, or -1 for a function never met (zeros in the table).
    const rowAt = this.rowAt;
    for (let i = first; i < end; i++)
      if (rowAt[i] >= 0) this.integrate(d, rowAt[i], this.windowEnd);
    const bins: number[] = [];
    for (let i = first; i < end; i++) {
      const row = rowAt[i] < 0 ? -1 : d[rowAt[i] + BIN_ROW];
      if (row < 0) continue;
      const slab = this.slabs[row >> 6];
      const from = (row & (BIN_SLAB - 1)) * LATENCY_BINS;
      for (let k = 0; k < LATENCY_BINS; k++) {
        const c = slab[from + k];
        if (c > 0) bins.push(i - first, k, c);
      }
    }
    const column = (offset: number, scale = 1) =>
      Array.from({ length: n }, (_, i) => {
        const at = rowAt[first + i];
        return at < 0 ? 0 : d[at + offset] / scale;
      });
    return {
      names: this.names.slice(first, end),
      memoryMB: column(MEMORY_MB),
      completed: column(COMPLETED),
      cold: column(COLD),
      throttled: column(THROTTLED),
      timedOut: column(TIMED_OUT),
      idleGbSeconds: column(IDLE_AREA, 1000),
      aliveGbSeconds: column(ALIVE_AREA, 1000),
      bins,
    };
  }
}

/** One function's results over all replications of a point: a row of functions.csv. */
export interface FunctionRow {
  name: string;
  memoryMB: number;
  /** Completed root calls, all replications. */
  calls: number;
  cold: number;
  /** cold / calls; null without calls. */
  coldShare: number | null;
  /** p99 of the end-to-end latency of its completed calls (bin midpoint, within 3.2 %); null without calls. */
  p99: number | null;
  throttled: number;
  timedOut: number;
  /** GB-seconds idle (wasted memory time) and alive, mean per replication. */
  idleGbSeconds: number;
  aliveGbSeconds: number;
}

/** The replications' tables merged, function by function (the same functions in each). */
export function functionRows(tables: FunctionTable[]): FunctionRow[] {
  const first = tables[0];
  const n = first.names.length;
  const sum = (pick: (t: FunctionTable) => number[]) => {
    const out = new Float64Array(n);
    for (const t of tables) {
      const a = pick(t);
      for (let i = 0; i < n; i++) out[i] += a[i];
    }
    return out;
  };
  const completed = sum((t) => t.completed);
  const cold = sum((t) => t.cold);
  const throttled = sum((t) => t.throttled);
  const timedOut = sum((t) => t.timedOut);
  const idle = sum((t) => t.idleGbSeconds);
  const alive = sum((t) => t.aliveGbSeconds);
  // Bins merged per function, then the nearest-rank p99.
  const merged = new Map<number, Map<number, number>>();
  for (const t of tables) {
    for (let k = 0; k < t.bins.length; k += 3) {
      const [i, b, c] = [t.bins[k], t.bins[k + 1], t.bins[k + 2]];
      let m = merged.get(i);
      if (m === undefined) merged.set(i, (m = new Map()));
      m.set(b, (m.get(b) ?? 0) + c);
    }
  }
  const reps = tables.length;
  return first.names.map((name, i) => {
    const calls = completed[i];
    return {
      name,
      memoryMB: first.memoryMB[i],
      calls,
      cold: cold[i],
      coldShare: calls > 0 ? cold[i] / calls : null,
      p99: calls > 0 ? percentileOfBins(merged.get(i)!, calls, 0.99) : null,
      throttled: throttled[i],
      timedOut: timedOut[i],
      idleGbSeconds: idle[i] / reps,
      aliveGbSeconds: alive[i] / reps,
    };
  });
}

function percentileOfBins(bins: Map<number, number>, count: number, p: number): number {
  const rank = nearestRank(p, count);
  let seen = 0;
  for (const b of [...bins.keys()].sort((x, y) => x - y)) {
    seen += bins.get(b)!;
    if (seen >= rank) return binMidpoint(b);
  }
  return binMidpoint(LATENCY_BINS - 1);
}

/** Cold-start shares at which `coldShareAbove` is tabulated. */
export const COLD_SHARE_STEPS = [0, 0.001, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 0.9, 0.99];
/** Percentiles across functions reported for the cold-start share and the p99. */
export const ACROSS = [0.25, 0.5, 0.75, 0.9, 0.99];

/**
 * The distribution across functions, in a size that does not grow with their number: what
 * results.json keeps (the rows themselves go to functions.csv).
 */
export interface FunctionsSummary {
  /** Functions of the workload's many-function sources. */
  functions: number;
  /** Of them, those with at least one completed call (the ones the shares are over). */
  called: number;
  /** [x, share of the called functions whose cold-start share is above x]. */
  coldShareAbove: [number, number][];
  /** The cold-start share of the function at each percentile across called functions (nearest rank). */
  coldShareAt: [number, number][];
  /** The p99 latency (ms) of the function at each percentile across called functions. */
  p99At: [number, number][];
  /** GB-seconds of idle instances, all functions (wasted memory time), mean per replication. */
  idleGbSeconds: number;
  /** GB-seconds of all their instances, mean per replication. */
  aliveGbSeconds: number;
}

export function summariseFunctions(rows: FunctionRow[]): FunctionsSummary {
  const called = rows.filter((r) => r.calls > 0);
  const shares = called.map((r) => r.coldShare!).sort((a, b) => a - b);
  const p99s = called.map((r) => r.p99!).sort((a, b) => a - b);
  const at = (sorted: number[]): [number, number][] =>
    sorted.length === 0 ? [] : ACROSS.map((p) => [p, sorted[nearestRank(p, sorted.length) - 1]]);
  return {
    functions: rows.length,
    called: called.length,
    coldShareAbove:
      called.length === 0
        ? []
        : COLD_SHARE_STEPS.map((x) => [x, shares.filter((s) => s > x).length / called.length]),
    coldShareAt: at(shares),
    p99At: at(p99s),
    idleGbSeconds: rows.reduce((s, r) => s + r.idleGbSeconds, 0),
    aliveGbSeconds: rows.reduce((s, r) => s + r.aliveGbSeconds, 0),
  };
}

const CSV_COLUMNS =
  'point,label,function,memoryMB,calls,cold,coldShare,p99Ms,throttled,timedOut,idleGbSeconds,aliveGbSeconds';

/** functions.csv: one row per function per sweep point. */
export function functionsCsv(
  points: { index: number; label: string; rows: FunctionRow[] }[],
): string {
  const lines = [CSV_COLUMNS];
  const num = (v: number | null) => (v === null ? '' : String(v));
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const p of points) {
    for (const r of p.rows) {
      lines.push(
        [
          p.index,
          quote(p.label),
          quote(r.name),
          r.memoryMB,
          r.calls,
          r.cold,
          num(r.coldShare),
          num(r.p99),
          r.throttled,
          r.timedOut,
          r.idleGbSeconds,
          r.aliveGbSeconds,
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
