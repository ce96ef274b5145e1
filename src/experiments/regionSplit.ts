import { Histogram } from '../metrics/histogram.ts';
import { mser5 } from '../metrics/mser.ts';
import type { FunctionTable } from './perFunction.ts';
import { MSER_WINDOWS, type ReplicationData } from './recorder.ts';
import {
  type ReplicationDataJSON,
  replicationFromJSON,
  replicationToJSON,
} from './replicationData.ts';
import type { ResolvedPoint } from './resolve.ts';

/**
 * A replication of a region split by function (docs/scale.md, "A region split by function").
 *
 * When nothing couples a region's functions, the functions fall into blocks: block 0 holds the
 * graph's functions (the entry function, which the region's sources do not call, its warmers, its
 * timeline), then come the region's functions in their order, BLOCK_FUNCTIONS to a block. Each
 * block is recorded on its own (its own Recorder and per-function table), whether it runs in one
 * simulation with all the others or in one with only some of them (a worker thread's or a
 * shard's part): its calls draw from the functions' own streams (WorldOptions.ownStreams), and
 * its events keep their order among themselves, so a block's numbers are the same bytes either
 * way. The replication's numbers are then the blocks' numbers combined in block order
 * (combineBlocks), one code path for the whole run and the split one.
 *
 * The blocks depend on the point only, never on the number of threads or shards: parts are
 * runs of whole blocks.
 */

/**
 * Region functions per block. Each block has a recorder of its own (histograms, a breakdown table,
 * a buffer of pending calls), which an unsplit run pays for too: measured on a 2,000-function
 * population (docs/scale.md), one block cost some 10 % more CPU than before blocks, eight some
 * 35 %. 256 keeps a region of 10,000 functions at 40 blocks, enough to spread over threads and
 * machines.
 */
export const BLOCK_FUNCTIONS = 256;

/**
 * Instants of the measured window at which a split run reads the number of instances alive,
 * for `instances.max`: the largest sum over the blocks at one of these instants (see LevelGrid).
 */
export const LEVEL_SAMPLES = 1000;

/** How a point's replications run: in blocks (uncoupled), or whole (and why). */
export type SplitPlan =
  | { kind: 'blocks'; blocks: string[][] }
  | { kind: 'whole'; why: string | null };

/**
 * Whether the point's functions can be recorded block by block, and the blocks. `why` says what
 * keeps a region whole (null: the point is no region, one function or a graph).
 */
export function splitPlan(point: ResolvedPoint, blockFunctions = BLOCK_FUNCTIONS): SplitPlan {
  const region = point.sources.flatMap((s) => s.functions?.map((f) => f.name) ?? []);
  if (region.length === 0) return { kind: 'whole', why: null };
  const why = coupling(point);
  if (why !== null) return { kind: 'whole', why };
  const inRegion = new Set(region);
  const blocks: string[][] = [
    point.functions.filter((f) => !inRegion.has(f.name)).map((f) => f.name),
  ];
  for (let i = 0; i < region.length; i += blockFunctions) {
    blocks.push(region.slice(i, i + blockFunctions));
  }
  return { kind: 'blocks', blocks };
}

/** What couples a region's functions, in words; null when nothing does. */
function coupling(point: ResolvedPoint): string | null {
  for (const f of point.functions) {
    const p = f.platform;
    if (p.cluster) {
      return `its functions share the hosts of platform "${p.name}"'s cluster`;
    }
    if (p.limitScope === 'account') {
      return `its functions share platform "${p.name}"'s account-wide concurrency limit`;
    }
  }
  if (Object.values(point.graph.steps).some((steps) => steps.length > 0)) {
    return 'its graph calls functions from functions';
  }
  if (point.caller !== null) {
    return "a caller's policy (retries, hedges) keeps state across calls";
  }
  if (point.timelineWindow !== null) {
    return 'it draws a timeline of the whole run';
  }
  return null;
}

/**
 * What a run of `prepared` says when a region of it stays whole (one line: the first reason, and
 * at how many of the points when not all); null when every region splits, or there is none.
 */
export function wholeNote(prepared: { points: { resolved: ResolvedPoint }[] }): string | null {
  const whys = prepared.points.flatMap((p) => {
    const plan = splitPlan(p.resolved);
    return plan.kind === 'whole' && plan.why !== null ? [plan.why] : [];
  });
  if (whys.length === 0) return null;
  const n = prepared.points.length;
  const where = whys.length < n ? ` (at ${whys.length} of the ${n} sweep points)` : '';
  return `each replication runs whole, not split by function over threads or shards: ${whys[0]}${where}`;
}

/**
 * The number of instances alive in one block at LEVEL_SAMPLES instants of the measured window:
 * instant j is the middle of its j-th slice, and the level read there is the one after every
 * change at or before it. Told each change as it happens (times never go back); integers, so
 * the blocks' samples add exactly in any order.
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

/** One block's numbers, with what combining needs beyond ReplicationData. */
export interface BlockData {
  /** The block's place in the plan. */
  block: number;
  data: ReplicationData;
  /** The block's MSER window sums and counts (MSER_WINDOWS each), added across blocks. */
  mserSums: number[];
  mserCounts: number[];
  /** Instances alive at the LEVEL_SAMPLES instants (LevelGrid). */
  levels: number[];
}

/** A part of a replication: some of its blocks, run in one simulation. */
export interface PartData {
  blocks: BlockData[];
  /** The part's own: its simulation's events, its drain (ms after the end), calls crashes ended. */
  events: number;
  drainMs: number;
  callsLost: number;
}

/**
 * The replication's numbers from its parts, which together hold each block once: blocks are
 * added in block order (floating-point sums too, so the bytes do not depend on how the blocks
 * were grouped into parts), integers and maxima across parts.
 *
 * `instances.max` is the largest sum of the blocks' levels at the LEVEL_SAMPLES instants; the
 * mean and the GB-seconds are the blocks' own integrals added; `events` adds the parts'
 * simulations' events (each counts its own warm-up event and drain).
 */
export function combineBlocks(
  parts: PartData[],
  blockCount: number,
  duration: number,
): ReplicationData {
  const byBlock: BlockData[] = [];
  for (const part of parts) {
    for (const b of part.blocks) {
      if (byBlock[b.block] !== undefined) throw new Error(`block ${b.block} given twice`);
      byBlock[b.block] = b;
    }
  }
  for (let b = 0; b < blockCount; b++) {
    if (byBlock[b] === undefined) throw new Error(`block ${b} missing`);
  }
  const blocks = byBlock.map((b) => b.data);
  const first = blocks[0];
  const endToEnd = new Histogram();
  const stages = first.stages.map(() => new Histogram());
  const breakdown = new Float64Array(first.breakdown.length);
  const mserSums = new Float64Array(MSER_WINDOWS);
  const mserCounts = new Float64Array(MSER_WINDOWS);
  const levels = new Float64Array(byBlock[0].levels.length);
  const hopsCold: number[] = [];
  for (const [i, b] of blocks.entries()) {
    endToEnd.add(b.endToEnd);
    b.stages.forEach((h, k) => {
      stages[k].add(h);
    });
    for (let j = 0; j < breakdown.length; j++) breakdown[j] += b.breakdown[j];
    const extra = byBlock[i];
    for (let w = 0; w < MSER_WINDOWS; w++) {
      mserSums[w] += extra.mserSums[w];
      mserCounts[w] += extra.mserCounts[w];
    }
    for (let j = 0; j < levels.length; j++) levels[j] += extra.levels[j];
    b.hopsCold.forEach((n, k) => {
      hopsCold[k] = (hopsCold[k] ?? 0) + n;
    });
  }
  const sum = (f: (d: ReplicationData) => number) => blocks.reduce((s, d) => s + f(d), 0);
  const partSum = (f: (p: PartData) => number) => parts.reduce((s, p) => s + f(p), 0);
  const width = duration / MSER_WINDOWS;
  const mser = mser5(mserSums, mserCounts);
  let max = 0;
  for (const v of levels) if (v > max) max = v;
  const tables = blocks.flatMap((d) => (d.functions ? [d.functions] : []));
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
            callsLost: partSum((p) => p.callsLost),
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
      gbSeconds: sum((d) => d.cost.gbSeconds),
      usd: sum((d) => d.cost.usd),
      warmerUsd: sum((d) => d.cost.warmerUsd),
    },
    instances: {
      mean: sum((d) => d.instances.mean),
      max,
      gbSeconds: sum((d) => d.instances.gbSeconds),
      idleGbSeconds: sum((d) => d.instances.idleGbSeconds ?? 0),
    },
    timeline: null,
    events: partSum((p) => p.events),
    drainMs: Math.max(...parts.map((p) => p.drainMs)),
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
 * block order, events and lost calls added, the longest drain. combineBlocks gives the same
 * from the merged part as from the parts.
 */
export function mergeParts(parts: PartData[]): PartData {
  if (parts.length === 1) return parts[0];
  return {
    blocks: parts.flatMap((p) => p.blocks).sort((a, b) => a.block - b.block),
    events: parts.reduce((n, p) => n + p.events, 0),
    drainMs: Math.max(...parts.map((p) => p.drainMs)),
    callsLost: parts.reduce((n, p) => n + p.callsLost, 0),
  };
}

/** A part as JSON: what a worker thread or a shard hands back, losslessly. */
export interface PartDataJSON extends Omit<PartData, 'blocks'> {
  blocks: (Omit<BlockData, 'data'> & { data: ReplicationDataJSON })[];
}

export function partToJSON(p: PartData): PartDataJSON {
  return { ...p, blocks: p.blocks.map((b) => ({ ...b, data: replicationToJSON(b.data) })) };
}

export function partFromJSON(j: PartDataJSON): PartData {
  return { ...j, blocks: j.blocks.map((b) => ({ ...b, data: replicationFromJSON(b.data) })) };
}

/**
 * Blocks 0 to count - 1 as `parts` runs of consecutive blocks, as even as can be (fewer when
 * there are fewer blocks). How a run groups blocks changes nothing in its bytes.
 */
export function groupBlocks(count: number, parts: number): number[][] {
  const n = Math.max(1, Math.min(count, parts));
  return Array.from({ length: n }, (_, k) => {
    const from = Math.floor((k * count) / n);
    const to = Math.floor(((k + 1) * count) / n);
    return Array.from({ length: to - from }, (_, i) => from + i);
  });
}
