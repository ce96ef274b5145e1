import { Histogram } from '../metrics/histogram.ts';
import { mser5Drift } from '../metrics/mser.ts';
import type { SharedWatchData } from '../platform/sharedWatch.ts';
import { expectedFunctionArrivals } from '../workload/population/functionArrivals.ts';
import type { FunctionTable } from './perFunction.ts';
import { BREAKDOWN_LENGTH, MSER_WINDOWS, type ReplicationData } from './recorder.ts';
import { regionCoupling } from './regionCoupling.ts';
import {
  type ReplicationDataJSON,
  replicationFromJSON,
  replicationToJSON,
} from './replicationData.ts';
import type { ResolvedPoint } from './resolve.ts';
import { addWatches, type SharedWatchPlan, sharedWatchPlan } from './sharedCheck.ts';

/**
 * A replication of a region split by function (docs/scale.md, "A region split by function").
 *
 * When nothing couples a region's functions, the functions fall into blocks: block 0 holds the
 * graph's functions (the entry function, which the region's sources do not call, its warmers, its
 * timeline), then come the region's functions in their order, BLOCK_FUNCTIONS to a block. Each
 * block keeps its own floating-point sums, whether it runs in one simulation with all the others
 * or in one with only some of them (a worker thread's or a shard's part): its calls draw from the
 * functions' own streams (WorldOptions.ownStreams), and its events keep their order among
 * themselves, so a block's sums are the same bytes either way. What is integers (histograms,
 * counts) is recorded once per part, for all its blocks (Recorder), and adds exactly in any
 * order. The replication's numbers are then the parts' integers added and the blocks' sums added
 * in block order (combineBlocks), one code path for the whole run and the split one.
 *
 * The blocks depend on the point only, never on the number of threads or shards: parts are
 * runs of whole blocks.
 */

/**
 * Region functions per block. Blocks cost an unsplit run too: measured on a 2,000-function
 * population (docs/scale.md), when each block had a recorder of its own (histograms, a breakdown
 * table, a buffer of pending calls), one block cost some 10 % more CPU than before blocks, eight
 * some 35 %; a block now keeps only its floating-point sums (a breakdown table, MSER's window
 * sums, its integrals). 256 keeps a region of 10,000 functions at 40 blocks, enough to spread over
 * threads and machines.
 */
export const BLOCK_FUNCTIONS = 256;

/**
 * Instants of the measured window at which a split run reads the number of instances alive,
 * for `instances.max`: the largest sum over the parts at one of these instants (see LevelGrid).
 */
export const LEVEL_SAMPLES = 1000;

/**
 * How a point's replications run: in blocks (uncoupled), or whole (and why). Blocks with a
 * `watch` share only an account-wide limit or a cluster whose hosts never fail: they run as
 * blocks on the condition that what they share never runs short, checked after the run
 * (sharedCheck.ts), and whole where it may have.
 */
export type SplitPlan =
  | { kind: 'blocks'; blocks: string[][]; watch?: SharedWatchPlan }
  | { kind: 'whole'; why: string | null };

/**
 * Whether the point's functions can be recorded block by block, and the blocks. `why` says what
 * keeps a region whole (null: the point is no region, one function or a graph).
 */
export function splitPlan(point: ResolvedPoint, blockFunctions = BLOCK_FUNCTIONS): SplitPlan {
  const region = point.sources.flatMap((s) => s.functions?.map((f) => f.name) ?? []);
  if (region.length === 0) return { kind: 'whole', why: null };
  const why = regionCoupling(point, false);
  if (why !== null) return { kind: 'whole', why };
  const inRegion = new Set(region);
  const blocks: string[][] = [
    point.functions.filter((f) => !inRegion.has(f.name)).map((f) => f.name),
  ];
  for (let i = 0; i < region.length; i += blockFunctions) {
    blocks.push(region.slice(i, i + blockFunctions));
  }
  if (regionCoupling(point) === null) return { kind: 'blocks', blocks };
  const platforms = point.functions.map((f) => f.platform);
  // Cells over the run and its drain, the longest a simulation of it lasts: a bound on the cells.
  const span = point.duration + point.limits.drain;
  return { kind: 'blocks', blocks, watch: sharedWatchPlan(platforms, span) };
}

/**
 * What a run of `prepared` says when a region of it stays whole (one line: the first reason, and
 * at how many of the points when not all); null when every region splits, or there is none.
 */
export function wholeNote(prepared: { points: { resolved: ResolvedPoint }[] }): string | null {
  const whys: string[] = [];
  const watched: string[] = [];
  for (const p of prepared.points) {
    const plan = splitPlan(p.resolved);
    if (plan.kind === 'whole' && plan.why !== null) whys.push(plan.why);
    if (plan.kind === 'blocks' && plan.watch !== undefined)
      watched.push(regionCoupling(p.resolved)!);
  }
  const n = prepared.points.length;
  const at = (k: number) => (k < n ? ` (at ${k} of the ${n} sweep points)` : '');
  if (whys.length > 0) {
    return `each replication runs whole, not split by function over threads or shards: ${whys[0]}${at(whys.length)}`;
  }
  if (watched.length > 0) {
    return `${watched[0]}${at(watched.length)}: each replication runs split by function, over threads but not shards, and runs again whole if the blocks' counts show that what they share could have run short`;
  }
  return null;
}

/** The watches of `prepared`'s points whose regions run in blocks, watched (splitPlan). */
export function watchPlans(prepared: { points: { resolved: ResolvedPoint }[] }): SharedWatchPlan[] {
  return prepared.points.flatMap((p) => {
    const plan = splitPlan(p.resolved);
    return plan.kind === 'blocks' && plan.watch !== undefined ? [plan.watch] : [];
  });
}

/**
 * The number of instances alive in one part (all its blocks) at LEVEL_SAMPLES instants of the
 * measured window: instant j is the middle of its j-th slice, and the level read there is the one
 * after every change at or before it. Told each change as it happens (times never go back);
 * integers, so the parts' samples add exactly in any order.
 */
export class LevelGrid {
  private level = 0;
  private next = 0;
  readonly samples = new Int32Array(LEVEL_SAMPLES);
  private readonly from: number;
  private readonly step: number;

  constructor(warmup: number, end: number) {
    this.from = warmup;
    this.step = (end - warmup) / LEVEL_SAMPLES;
  }

  private at(j: number): number {
    return this.from + (j + 0.5) * this.step;
  }

  change(t: number, delta: number): void {
    while (this.next < LEVEL_SAMPLES && this.at(this.next) < t) {
      this.samples[this.next++] = this.level;
    }
    this.level += delta;
  }

  /** Fills the instants after the last change. */
  finish(): Int32Array {
    while (this.next < LEVEL_SAMPLES) this.samples[this.next++] = this.level;
    return this.samples;
  }
}

/**
 * One block's floating-point sums: their bits depend on the order of their terms, so each block
 * keeps its own (summed in its events' order, the same in any part) and combineBlocks adds them
 * in block order. Everything else a block records is integers, kept for the whole part (PartData).
 */
export interface BlockData {
  /** The block's place in the plan. */
  block: number;
  /** Its breakdown table (ReplicationData.breakdown: per bin, the count and the sums). */
  breakdown: Float64Array;
  /** Its MSER window sums of latencies (MSER_WINDOWS); the counts are the part's. */
  mserSums: number[];
  /** Its instance-time integrals over the window (ReplicationData.instances, but the max). */
  instances: { mean: number; gbSeconds: number; idleGbSeconds: number };
  /** Its functions' cost (ReplicationData.cost, but the requests). */
  cost: { gbSeconds: number; usd: number; warmerUsd: number };
  /** Its functions' table (perFunction.ts), for a block with functions of the region. */
  functions?: FunctionTable;
}

/** A part of a replication: some of its blocks, run in one simulation. */
export interface PartData {
  /** Its blocks' sums, in block order once merged (mergeParts). */
  blocks: BlockData[];
  /**
   * The part's own numbers, as a replication of its blocks alone: what is integers (histograms,
   * counts, cold starts, requests, its simulation's events, drain and lost calls) recorded once for
   * all its blocks, and the floating-point sums its blocks' added in block order. combineBlocks
   * reads only the integers of it; `merge` checks that the rest agrees with the blocks.
   */
  data: ReplicationData;
  /** Completed calls per MSER window, all its blocks (MSER_WINDOWS). */
  mserCounts: number[];
  /** Instances alive at the LEVEL_SAMPLES instants, all its blocks (LevelGrid). */
  levels: number[];
  /**
   * What its blocks' shares of what they share reached (an account-wide limit, a cluster's
   * slots), by platform (sharedCheck.ts):
   * for a plan with a `watch`, run in blocks.
   */
  watches?: Record<string, SharedWatchData>;
}

/**
 * The replication's numbers from its parts, which together hold each block once: integers added
 * across parts (exact in any order), floating-point sums added block by block in block order (so
 * the bytes do not depend on how the blocks were grouped into parts).
 *
 * `instances.max` is the largest sum of the parts' levels at the LEVEL_SAMPLES instants; the
 * mean and the GB-seconds are the blocks' own integrals added; `events` adds the parts'
 * simulations' events (each counts its own warm-up event and drain).
 */
export function combineBlocks(
  parts: PartData[],
  blockCount: number,
  duration: number,
): ReplicationData {
  const seen: boolean[] = [];
  for (const part of parts) {
    for (const b of part.blocks) {
      if (seen[b.block]) throw new Error(`block ${b.block} given twice`);
      seen[b.block] = true;
    }
  }
  for (let b = 0; b < blockCount; b++) {
    if (!seen[b]) throw new Error(`block ${b} missing`);
  }
  return combine(parts, duration);
}

/**
 * A part's data from its blocks' sums and its integers (`counts`: only its integer fields are
 * read), as combineBlocks would give for the part alone, but for the functions' table.
 */
export function partData(
  blocks: BlockData[],
  counts: ReplicationData,
  mserCounts: number[],
  levels: number[],
  duration: number,
): ReplicationData {
  return combinedData([{ blocks, data: counts, mserCounts, levels }], duration);
}

/** combine's data for a part: no per-function table, the blocks hold theirs (one copy is enough). */
function combinedData(parts: PartData[], duration: number): ReplicationData {
  const { functions: _functions, ...data } = combine(parts, duration);
  return data;
}

/** combineBlocks without the check that every block is there once. */
function combine(parts: PartData[], duration: number): ReplicationData {
  const blocks = parts.flatMap((p) => p.blocks).sort((a, b) => a.block - b.block);
  const datas = parts.map((p) => p.data);
  const first = datas[0];
  const endToEnd = new Histogram();
  const stages = first.stages.map(() => new Histogram());
  const breakdown = new Float64Array(blocks[0].breakdown.length);
  const mserSums = new Float64Array(MSER_WINDOWS);
  const mserCounts = new Float64Array(MSER_WINDOWS);
  const levels = new Float64Array(parts[0].levels.length);
  const hopsCold: number[] = [];
  for (const [i, d] of datas.entries()) {
    endToEnd.add(d.endToEnd);
    d.stages.forEach((h, k) => {
      stages[k].add(h);
    });
    const part = parts[i];
    for (let w = 0; w < MSER_WINDOWS; w++) mserCounts[w] += part.mserCounts[w];
    for (let j = 0; j < levels.length; j++) levels[j] += part.levels[j];
    d.hopsCold.forEach((n, k) => {
      hopsCold[k] = (hopsCold[k] ?? 0) + n;
    });
  }
  for (const b of blocks) {
    for (let j = 0; j < breakdown.length; j++) breakdown[j] += b.breakdown[j];
    for (let w = 0; w < MSER_WINDOWS; w++) mserSums[w] += b.mserSums[w];
  }
  // Integers, over the parts; floating-point sums, over the blocks in block order.
  const sum = (f: (d: ReplicationData) => number) => datas.reduce((s, d) => s + f(d), 0);
  const blockSum = (f: (b: BlockData) => number) => blocks.reduce((s, b) => s + f(b), 0);
  const width = duration / MSER_WINDOWS;
  const mser = mser5Drift(mserSums, mserCounts);
  let max = 0;
  for (const v of levels) if (v > max) max = v;
  const tables = blocks.flatMap((b) => (b.functions ? [b.functions] : []));
  return {
    endToEnd,
    stages,
    breakdown,
    arrivals: sum((d) => d.arrivals),
    completed: sum((d) => d.completed),
    throttled: sum((d) => d.throttled),
    timedOut: sum((d) => d.timedOut),
    client: null,
    failures:
      first.failures == null
        ? first.failures
        : {
            crashed: sum((d) => d.failures!.crashed),
            instanceCrashes: sum((d) => d.failures!.instanceCrashes),
            hostFailures: sum((d) => d.failures!.hostFailures),
            callsLost: sum((d) => d.failures!.callsLost),
          },
    coldRoots: sum((d) => d.coldRoots),
    startWaitRoots: sum((d) => d.startWaitRoots),
    hopsCold,
    hops: sum((d) => d.hops),
    coldStarts: sum((d) => d.coldStarts),
    warmers: first.warmers
      ? { calls: sum((d) => d.warmers!.calls), cold: sum((d) => d.warmers!.cold) }
      : null,
    cost: {
      requests: sum((d) => d.cost.requests),
      gbSeconds: blockSum((b) => b.cost.gbSeconds),
      usd: blockSum((b) => b.cost.usd),
      warmerUsd: blockSum((b) => b.cost.warmerUsd),
    },
    instances: {
      mean: blockSum((b) => b.instances.mean),
      max,
      gbSeconds: blockSum((b) => b.instances.gbSeconds),
      idleGbSeconds: blockSum((b) => b.instances.idleGbSeconds),
    },
    timeline: null,
    events: sum((d) => d.events),
    drainMs: Math.max(...datas.map((d) => d.drainMs)),
    mserMs: mser === null ? null : mser * width,
    warmupMs: first.warmupMs,
    ...(tables.length > 0 ? { functions: concatTables(tables) } : {}),
  };
}

/** Tables of consecutive blocks' functions as one, in their order. */
export function concatTables(tables: FunctionTable[]): FunctionTable {
  const out: FunctionTable = {
    names: [],
    memoryMB: [],
    completed: [],
    cold: [],
    throttled: [],
    timedOut: [],
    idleGbSeconds: [],
    aliveGbSeconds: [],
    bins: [],
  };
  for (const t of tables) {
    const offset = out.names.length;
    // Element by element: a spread of a long array overflows the call stack.
    for (let i = 0; i < t.names.length; i++) {
      out.names.push(t.names[i]);
      out.memoryMB.push(t.memoryMB[i]);
      out.completed.push(t.completed[i]);
      out.cold.push(t.cold[i]);
      out.throttled.push(t.throttled[i]);
      out.timedOut.push(t.timedOut[i]);
      out.idleGbSeconds.push(t.idleGbSeconds[i]);
      out.aliveGbSeconds.push(t.aliveGbSeconds[i]);
    }
    for (let i = 0; i < t.bins.length; i += 3) {
      out.bins.push(t.bins[i] + offset, t.bins[i + 1], t.bins[i + 2]);
    }
  }
  return out;
}

/**
 * Parts of one replication as one (a shard's blocks, run on several threads): their blocks in
 * block order, their integers added. combineBlocks gives the same from the merged part as from
 * the parts.
 */
export function mergeParts(parts: PartData[], duration: number): PartData {
  if (parts.length === 1) return parts[0];
  const add = (pick: (p: PartData) => number[]) => {
    const out = pick(parts[0]).map(() => 0);
    for (const p of parts) {
      const values = pick(p);
      for (let i = 0; i < out.length; i++) out[i] += values[i];
    }
    return out;
  };
  const blocks = parts.flatMap((p) => p.blocks).sort((a, b) => a.block - b.block);
  const mserCounts = add((p) => p.mserCounts);
  const levels = add((p) => p.levels);
  const merged: PartData = { blocks, data: combinedData(parts, duration), mserCounts, levels };
  const watches = parts.flatMap((p) => (p.watches ? [p.watches] : []));
  if (watches.length > 0) merged.watches = watches.reduce(addWatches);
  return merged;
}

/** A block's sums as JSON: the breakdown sparse, as in ReplicationDataJSON. */
export interface BlockDataJSON extends Omit<BlockData, 'breakdown'> {
  breakdown: [number, number][];
}

/** A part as JSON: what a worker thread or a shard hands back, losslessly. */
export interface PartDataJSON extends Omit<PartData, 'blocks' | 'data'> {
  blocks: BlockDataJSON[];
  data: ReplicationDataJSON;
}

export function partToJSON(p: PartData): PartDataJSON {
  return {
    ...p,
    blocks: p.blocks.map((b) => ({ ...b, breakdown: sparse(b.breakdown) })),
    data: replicationToJSON(p.data),
  };
}

export function partFromJSON(j: PartDataJSON): PartData {
  return {
    ...j,
    blocks: j.blocks.map((b) => {
      const breakdown = new Float64Array(BREAKDOWN_LENGTH);
      for (const [i, v] of b.breakdown) breakdown[i] = v;
      return { ...b, breakdown };
    }),
    data: replicationFromJSON(j.data),
  };
}

/** The non-zero cells of a table, [index, value]. */
function sparse(table: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  table.forEach((v, i) => {
    if (v !== 0) out.push([i, v]);
  });
  return out;
}

/**
 * The root calls each block of `blocks` is expected to get over the run (the work estimate's
 * count, expectedFunctionArrivals): what a block costs, to hand the costliest out first.
 */
export function expectedBlockCalls(point: ResolvedPoint, blocks: string[][]): number[] {
  const expected = new Map<string, number>();
  for (const s of point.sources) {
    for (const r of s.functions ?? []) {
      expected.set(
        r.name,
        (expected.get(r.name) ?? 0) + expectedFunctionArrivals(r.arrivals, point.duration),
      );
    }
  }
  return blocks.map((names) => names.reduce((n, name) => n + (expected.get(name) ?? 0), 0));
}
