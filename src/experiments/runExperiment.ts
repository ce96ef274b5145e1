import { Histogram } from '../metrics/histogram.ts';
import { deriveSeed } from '../random/streams.ts';
import { parseDuration } from '../spec/duration.ts';
import { VERSION } from '../version.ts';
import { aggregatePoint, functionRowsOf } from './aggregate.ts';
import type { FunctionRow } from './perFunction.ts';
import type { PreparedExperiment } from './prepare.ts';
import type { ReplicationData } from './recorder.ts';
import { type PartData, type SplitPlan, splitPlan } from './regionSplit.ts';
import {
  partSteps,
  type ReplicationOptions,
  RunLimitError,
  replicationSteps,
  togetherSteps,
} from './replication.ts';
import type { ChartList, ExperimentResults, PointResult } from './results.ts';
import { axisValues, type SweepAxis, type SweepPoint } from './sweep.ts';

export interface RunOptions {
  /** Called after each replication: done and total replications of the whole experiment. */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Checked between chunks of events; true stops the run, keeping the points complete so far. */
  shouldStop?: () => boolean;
  /** Awaited between chunks of events (asynchronous runs only): lets signals and timers in. */
  pause?: () => Promise<void>;
}

export interface RunOutput {
  results: ExperimentResults;
  /** The end-to-end histogram of each point, all replications merged (for HdrHistogram files). */
  histograms: Histogram[];
  /**
   * For workloads of many functions, each complete point's function rows (functions.csv), in the
   * order of `results.points`; absent otherwise.
   */
  functionRows?: FunctionRow[][];
}

/**
 * What results need of an experiment besides the replications' data: small,
 * plain, and carried in shard files so that `merge` needs nothing else.
 */
export interface ExperimentHeader {
  name: string;
  title: string;
  description: string;
  seed: string | number;
  replications: number;
  duration: number;
  warmup: number;
  axes: SweepAxis[];
  points: Pick<SweepPoint, 'index' | 'params' | 'label' | 'at'>[];
  charts?: ChartList;
  /**
   * Per point, the blocks of functions its replications are split into (regionSplit.ts; 1: it
   * runs whole); absent when no point splits. Shards slice split replications by block.
   */
  blocks?: number[];
}

export function headerOf(prepared: PreparedExperiment): ExperimentHeader {
  const { spec } = prepared;
  return {
    name: spec.name,
    title: spec.title ?? spec.description,
    description: spec.description,
    seed: spec.seed,
    replications: spec.replications,
    duration: spec.duration,
    warmup: spec.warmup,
    axes: prepared.axes,
    points: prepared.points.map((p) => ({
      index: p.index,
      params: p.params,
      label: p.label,
      at: p.at,
    })),
    ...(spec.charts ? { charts: spec.charts } : {}),
    ...blocksOf(prepared),
  };
}

function blocksOf(prepared: PreparedExperiment): { blocks?: number[] } {
  // A region sharing a limit or a cluster is not sliced across shards: whether its blocks could
  // have run it short is known once they are all run (sharedCheck.ts), and then, where they
  // could, the replication runs again whole. A shard runs it all, split over its threads.
  const blocks = prepared.points.map((p) => {
    const plan = splitPlan(p.resolved);
    return plan.kind === 'blocks' && plan.watch === undefined ? plan.blocks.length : 1;
  });
  return blocks.some((b) => b > 1) ? { blocks } : {};
}

/**
 * What a shard slices: each unit whole, or, for a unit whose point is split by function, each
 * of its blocks; in unit order, then block order.
 */
export interface WorkItem {
  unit: Unit;
  /** The block (of a split unit); absent: the whole unit. */
  block?: number;
}

export function workItems(
  header: Pick<ExperimentHeader, 'points' | 'replications' | 'blocks'>,
): WorkItem[] {
  return unitsOf(header).flatMap((unit): WorkItem[] => {
    const n = header.blocks?.[unit.point] ?? 1;
    return n > 1 ? Array.from({ length: n }, (_, block) => ({ unit, block })) : [{ unit }];
  });
}

/**
 * A unit of work: one replication of one point. Unit ids run point by point,
 * replication by replication; results are always assembled in id order, so
 * the output is the same bytes however the units were spread over threads
 * or machines.
 */
export interface Unit {
  id: number;
  point: number;
  replication: number;
}

export function unitsOf(header: Pick<ExperimentHeader, 'points' | 'replications'>): Unit[] {
  const units: Unit[] = [];
  header.points.forEach((_, point) => {
    for (let r = 0; r < header.replications; r++) {
      units.push({ id: units.length, point, replication: r });
    }
  });
  return units;
}

/** The seed of replication r: the same for every sweep point (common random numbers). */
export function replicationSeed(seed: string | number, r: number): string {
  return deriveSeed(seed, `replication-${r}`);
}

/** One unit, run to the end on this thread. */
export function runUnit(prepared: PreparedExperiment, unit: Unit): ReplicationData {
  const steps = unitSteps(prepared, unit);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * One unit as steps: yields between chunks of events (see replicationSteps). A run limit
 * is a field of the experiment file, so its message names the file.
 */
export function unitSteps(
  prepared: PreparedExperiment,
  unit: Unit,
  options: ReplicationOptions = {},
): Generator<void, ReplicationData, void> {
  return namingFile(
    prepared,
    replicationSteps(
      prepared.points[unit.point].resolved,
      replicationSeed(prepared.spec.seed, unit.replication),
      options,
    ),
  );
}

/** How the replications of a unit's point run: in blocks of functions, or whole (regionSplit.ts). */
export function planOf(prepared: PreparedExperiment, unit: Pick<Unit, 'point'>): SplitPlan {
  return splitPlan(prepared.points[unit.point].resolved);
}

/**
 * Some blocks of a unit whose point is split by function (planOf), as steps: a part, which
 * combineBlocks adds to the others. A run limit names the file, as unitSteps does.
 */
export function unitPartSteps(
  prepared: PreparedExperiment,
  unit: Unit,
  blocks: number[],
): Generator<void, PartData, void> {
  const plan = splitPlanOf(prepared, unit);
  const seed = replicationSeed(prepared.spec.seed, unit.replication);
  const point = prepared.points[unit.point].resolved;
  return namingFile(prepared, partSteps(point, seed, plan.blocks, blocks, {}, plan.watch));
}

/**
 * A unit split by function with all its blocks in one simulation (togetherSteps): a region
 * sharing a limit or a cluster whose blocks, run apart, show it may have run short.
 */
export function unitTogetherSteps(
  prepared: PreparedExperiment,
  unit: Unit,
): Generator<void, ReplicationData, void> {
  const plan = splitPlanOf(prepared, unit);
  const seed = replicationSeed(prepared.spec.seed, unit.replication);
  const point = prepared.points[unit.point].resolved;
  return namingFile(prepared, togetherSteps(point, seed, plan.blocks));
}

/** The plan of a unit split by function; an error (ours, not the input's) for any other. */
function splitPlanOf(prepared: PreparedExperiment, unit: Unit): SplitPlan & { kind: 'blocks' } {
  const plan = planOf(prepared, unit);
  if (plan.kind !== 'blocks') throw new Error(`unit ${unit.id} is not split by function`);
  return plan;
}

/** `steps`, with a run limit's message naming the experiment file (the limits are its fields). */
function* namingFile<T>(
  prepared: PreparedExperiment,
  steps: Generator<void, T, void>,
): Generator<void, T, void> {
  try {
    return yield* steps;
  } catch (e) {
    if (e instanceof RunLimitError) throw new RunLimitError(`${prepared.file}: ${e.message}`);
    throw e;
  }
}

class Stopped extends Error {}

/** The values in ms when some are duration strings and all are durations; else undefined. */
function durationsOf(values: (string | number | boolean)[]): number[] | undefined {
  if (!values.some((v) => typeof v === 'string')) return undefined;
  try {
    return values.map((v) => parseDuration(v));
  } catch {
    return undefined;
  }
}

/**
 * Runs every point of a prepared experiment, in order, on this thread.
 * When stopped, returns the points already complete and marks the results
 * partial (the caller decides what to keep).
 */
export function runExperiment(prepared: PreparedExperiment, options: RunOptions = {}): RunOutput {
  const run = runSteps(prepared, options);
  for (;;) {
    const r = run.next();
    if (r.done) return r.value;
  }
}

/** The same, yielding to the event loop between chunks of events. */
export async function runExperimentAsync(
  prepared: PreparedExperiment,
  options: RunOptions = {},
): Promise<RunOutput> {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const run = runSteps(prepared, options);
  for (;;) {
    const r = run.next();
    if (r.done) return r.value;
    await pause();
  }
}

function* runSteps(
  prepared: PreparedExperiment,
  options: RunOptions,
): Generator<void, RunOutput, void> {
  const header = headerOf(prepared);
  const units = unitsOf(header);
  const data = new Map<number, ReplicationData>();
  let partial = false;
  try {
    for (const unit of units) {
      const steps = unitSteps(prepared, unit);
      for (;;) {
        const step = steps.next();
        if (step.done) {
          data.set(unit.id, step.value);
          break;
        }
        if (options.shouldStop?.()) throw new Stopped();
        yield;
      }
      options.onProgress?.(data.size, units.length, header.points[unit.point].label);
      if (options.shouldStop?.()) throw new Stopped();
      yield;
    }
  } catch (e) {
    if (!(e instanceof Stopped)) throw e;
    partial = true;
  }
  return assembleUnits(header, data, partial);
}

/**
 * Results from the units' data: every point whose replications are all
 * there, in point order. Missing units make the results partial.
 */
export function assembleUnits(
  header: ExperimentHeader,
  data: Map<number, ReplicationData>,
  partial = false,
): RunOutput {
  const points: PointResult[] = [];
  const histograms: Histogram[] = [];
  const rows: FunctionRow[][] = [];
  header.points.forEach((point, p) => {
    const reps: ReplicationData[] = [];
    for (let r = 0; r < header.replications; r++) {
      const d = data.get(p * header.replications + r);
      if (d) reps.push(d);
    }
    if (reps.length < header.replications) {
      partial = true;
      return;
    }
    points.push(aggregatePoint(point, reps));
    const merged = new Histogram();
    for (const rep of reps) merged.add(rep.endToEnd);
    histograms.push(merged);
    if (reps[0].functions) rows.push(functionRowsOf(reps));
  });
  const results = assembleResults(header, points, partial);
  return rows.length > 0 ? { results, histograms, functionRows: rows } : { results, histograms };
}

export function assembleResults(
  header: ExperimentHeader,
  points: PointResult[],
  partial: boolean,
): ExperimentResults {
  return {
    coldtail: { version: VERSION },
    experiment: {
      name: header.name,
      description: header.description,
      title: header.title,
      ...(header.charts ? { charts: header.charts } : {}),
    },
    seed: header.seed,
    replications: header.replications,
    duration: header.duration,
    warmup: header.warmup,
    axes: header.axes.map((a) => {
      const values = axisValues(a);
      const ms = durationsOf(values);
      return ms
        ? { path: a.path, name: a.name, values, ms }
        : { path: a.path, name: a.name, values };
    }),
    points,
    partial,
  };
}
