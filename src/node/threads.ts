import { Worker } from 'node:worker_threads';
import { estimateWork } from '../experiments/estimate.ts';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import type { ReplicationData } from '../experiments/recorder.ts';
import type { SplitPlan } from '../experiments/regionSplit.ts';
import {
  combineBlocks,
  expectedBlockCalls,
  type PartData,
  type PartDataJSON,
  partFromJSON,
} from '../experiments/regionSplit.ts';
import { RunLimitError } from '../experiments/replication.ts';
import { type ReplicationDataJSON, replicationFromJSON } from '../experiments/replicationData.ts';
import { planOf, type Unit, unitPartSteps, unitSteps } from '../experiments/runExperiment.ts';
import { addWatches, sharedBound } from '../experiments/sharedCheck.ts';
import type { SharedWatchData } from '../platform/sharedWatch.ts';
import type { ReadInputs } from './loadExperiment.ts';

/**
 * How a worker prepares the experiment: the same file name, options and overrides as the
 * main thread, and what the main thread read (`inputs`), so that it reads nothing again.
 */
export interface ExperimentSource {
  file: string;
  models?: string[];
  maxPoints?: number;
  /** Top-level fields set over the file's (e.g. seed, replications). */
  overrides?: Record<string, unknown>;
  inputs: ReadInputs;
}

/**
 * The worker's entry: the compiled module when coldtail runs from dist/ (no TypeScript
 * loader in the worker, so it starts in tens of milliseconds), a tsx bootstrap when it
 * runs from its sources (tests, dev scripts).
 */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./worker.js', import.meta.url)
  : new URL('./workerMain.js', import.meta.url);

/** On this thread, the event loop gets a turn at least this often (ms): Ctrl-C is seen. */
const YIELD_EVERY_MS = 50;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The order to hand units out in: the costliest points first (by the work estimate), so
 * that the last units to finish are short ones and no thread idles at the end while
 * another runs a long unit alone. Results are assembled by unit id, so the order changes
 * nothing in the output.
 */
function costliestFirst(prepared: PreparedExperiment, units: Unit[]): Unit[] {
  const cost = prepared.points.map((p) => estimateWork({ ...prepared, points: [p] }).calls);
  return [...units].sort((a, b) => (cost[b.point] ?? 0) - (cost[a.point] ?? 0) || a.id - b.id);
}

/** What a worker posts: ready, a unit's data or a part of it, or the message of a run limit it broke. */
export interface WorkerMessage {
  ready?: boolean;
  id?: number;
  data?: ReplicationDataJSON;
  part?: PartDataJSON;
  limitError?: string;
}

/**
 * What a worker is sent: a unit, whole, or some of its blocks (a region split by function), or
 * all its blocks in one simulation (`together`: a region whose shared limit or cluster may have
 * run short).
 */
export interface WorkerTask {
  id: number;
  blocks?: number[];
  together?: boolean;
}

/**
 * The tasks of `units`: a unit whose point is split by function (regionSplit.ts) becomes one
 * task per block, any other unit one task. A replication of a region then uses every thread,
 * and the threads stay busy to its end: blocks are handed out as threads free up, the most
 * expected calls first (expectedBlockCalls), so that a thread whose blocks had fewer calls
 * takes more of them and the last to run are the smallest (two fixed halves of a region of
 * 10,000 functions differed by 2 % in calls, and the run waited for the slower half). A block
 * runs in a simulation of its own wherever it runs (partSteps), so this costs no speed. The
 * bytes out do not depend on the grouping or the order.
 */
export function tasksOf(
  prepared: PreparedExperiment,
  units: Unit[],
  only?: Map<number, number[]>,
): WorkerTask[] {
  return units.flatMap((u): WorkerTask[] => {
    const plan = planOf(prepared, u);
    if (plan.kind !== 'blocks') return [{ id: u.id }];
    const mine = only?.get(u.id) ?? plan.blocks.map((_, b) => b);
    const calls = expectedBlockCalls(prepared.points[u.point].resolved, plan.blocks);
    return [...mine]
      .sort((a, b) => calls[b] - calls[a] || a - b)
      .map((b) => ({ id: u.id, blocks: [b] }));
  });
}

export interface PoolRunOptions {
  threads: number;
  onUnit?: (unit: Unit, done: number, total: number) => void;
  shouldStop?: () => boolean;
  /** Called as each worker is ready, with the ms since it was started (for the bench). */
  onWorkerReady?: (ms: number) => void;
  /**
   * Units split by function of which only these blocks are to run (a shard's slice): their
   * parts are returned as they are, in `parts`, not combined.
   */
  only?: Map<number, number[]>;
  /** A unit of a region sharing a limit or a cluster runs again whole (sharedCheck.ts). */
  onRunAgain?: (unit: Unit) => void;
}

/**
 * Runs units on worker threads (or on this thread when `threads` is 1) and
 * returns their data by unit id; the caller assembles in id order, so the
 * bytes out do not depend on the number of threads. Stopping ends the
 * workers at once and returns what was complete.
 */
export async function runUnitsOnThreads(
  prepared: PreparedExperiment,
  source: ExperimentSource,
  units: Unit[],
  options: PoolRunOptions,
): Promise<{
  data: Map<number, ReplicationData>;
  parts: Map<number, PartData[]>;
  stopped: boolean;
}> {
  const data = new Map<number, ReplicationData>();
  const only = options.only;
  // A shard's blocks of split units, by unit.
  const kept = new Map<number, PartData[]>();
  const wanted = Math.max(1, options.threads);
  // A unit split by function is several tasks: one replication of a region uses every thread.
  const queue = tasksOf(prepared, costliestFirst(prepared, units), only);
  const threads = Math.max(1, Math.min(wanted, queue.length));
  if (threads === 1) {
    // Step through the units, giving the event loop a turn by wall time (not per unit nor
    // per chunk of events alone: a run of units that each end in one step never yielded,
    // and Ctrl-C went unseen to the end), so that a signal is seen well within a second.
    let lastTurn = performance.now();
    const breathe = async () => {
      if (performance.now() - lastTurn < YIELD_EVERY_MS) return;
      await turn();
      lastTurn = performance.now();
    };
    let done = 0;
    for (const unit of units) {
      const blocks = only?.get(unit.id);
      if (blocks !== undefined) {
        const steps = unitPartSteps(prepared, unit, blocks);
        for (;;) {
          await breathe();
          if (options.shouldStop?.()) return { data, parts: kept, stopped: true };
          const step = steps.next();
          if (step.done) {
            kept.set(unit.id, [step.value]);
            break;
          }
        }
      } else {
        const steps = unitSteps(prepared, unit, {
          onRunAgain: () => options.onRunAgain?.(unit),
        });
        for (;;) {
          await breathe();
          if (options.shouldStop?.()) return { data, parts: kept, stopped: true };
          const step = steps.next();
          if (step.done) {
            data.set(unit.id, step.value);
            break;
          }
        }
      }
      options.onUnit?.(unit, ++done, units.length);
    }
    return { data, parts: kept, stopped: false };
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  // Each point's plan, made once: every part that comes back asks it (a plan lists a region's
  // functions block by block, tens of thousands of names).
  const plans = new Map<number, SplitPlan>();
  const planFor = (u: Unit) => {
    let plan = plans.get(u.point);
    if (plan === undefined) plans.set(u.point, (plan = planOf(prepared, u)));
    return plan;
  };
  // A split unit's parts as they come, and how many it has.
  const partsOf = new Map<number, PartData[]>();
  // Sharing a limit or a cluster: the watches of a unit's parts so far, added (sharedCheck.ts),
  // and the units whose parts showed the limit may have bound (run again whole; parts of them
  // still coming are dropped).
  const watchesOf = new Map<number, Record<string, SharedWatchData>>();
  const together = new Set<number>();
  const expected = new Map<number, number>();
  for (const t of queue) expected.set(t.id, (expected.get(t.id) ?? 0) + 1);
  let next = 0;
  let stopped = false;
  const workers: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    let live = 0;
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve();
    };
    const stopTimer = setInterval(() => {
      if (options.shouldStop?.()) {
        stopped = true;
        clearInterval(stopTimer);
        finish();
      }
    }, 50);
    const feed = (w: Worker) => {
      if (stopped) return;
      if (next < queue.length) {
        w.postMessage(queue[next++]);
      } else {
        live--;
        if (live === 0) {
          clearInterval(stopTimer);
          finish();
        }
      }
    };
    for (let i = 0; i < threads; i++) {
      const started = performance.now();
      const w = new Worker(WORKER_URL, { workerData: source });
      workers.push(w);
      live++;
      w.on('message', (msg: WorkerMessage) => {
        // Ready (the experiment prepared): its first unit. Then one unit at a time.
        if (msg.ready) options.onWorkerReady?.(performance.now() - started);
        if (msg.limitError !== undefined) {
          // A run limit is the input's fault (exit 2): errors thrown in a worker lose their class.
          clearInterval(stopTimer);
          for (const x of workers) void x.terminate();
          reject(new RunLimitError(msg.limitError));
          return;
        }
        if (msg.id !== undefined && msg.data) {
          data.set(msg.id, replicationFromJSON(msg.data));
          options.onUnit?.(byId.get(msg.id)!, data.size + kept.size, units.length);
        }
        if (msg.id !== undefined && msg.part) {
          if (together.has(msg.id)) {
            feed(w);
            return;
          }
          const part = partFromJSON(msg.part);
          const plan = planFor(byId.get(msg.id)!);
          if (plan.kind === 'blocks' && plan.watch !== undefined && part.watches) {
            const seen = watchesOf.get(msg.id);
            const watches = seen === undefined ? part.watches : addWatches(seen, part.watches);
            watchesOf.set(msg.id, watches);
            if (sharedBound(plan.watch, watches) !== null) {
              // The unit's blocks still queued are not run; it runs whole, next.
              const id = msg.id;
              options.onRunAgain?.(byId.get(id)!);
              together.add(id);
              partsOf.delete(id);
              watchesOf.delete(id);
              const rest = queue.splice(next).filter((t) => t.id !== id);
              queue.push({ id, together: true }, ...rest);
              feed(w);
              return;
            }
          }
          const parts = partsOf.get(msg.id) ?? [];
          parts.push(part);
          partsOf.set(msg.id, parts);
          if (parts.length === expected.get(msg.id)) {
            partsOf.delete(msg.id);
            watchesOf.delete(msg.id);
            const unit = byId.get(msg.id)!;
            if (only?.has(msg.id)) {
              kept.set(msg.id, parts);
              options.onUnit?.(unit, data.size + kept.size, units.length);
              feed(w);
              return;
            }
            const plan = planFor(unit);
            const blocks = plan.kind === 'blocks' ? plan.blocks.length : 1;
            data.set(
              msg.id,
              combineBlocks(parts, blocks, prepared.points[unit.point].resolved.duration),
            );
            options.onUnit?.(unit, data.size + kept.size, units.length);
          }
        }
        feed(w);
      });
      w.on('error', (e) => {
        clearInterval(stopTimer);
        for (const x of workers) void x.terminate();
        reject(e);
      });
    }
  });
  return { data, parts: kept, stopped };
}
