import { deriveSeed } from '../random/streams.ts';
import { VERSION } from '../version.ts';
import { aggregatePoint } from './aggregate.ts';
import type { PreparedExperiment } from './prepare.ts';
import type { ReplicationData } from './recorder.ts';
import { type ReplicationOptions, RunStopped, runReplication } from './replication.ts';
import type { ExperimentResults, PointResult } from './results.ts';

export interface RunOptions extends ReplicationOptions {
  /** Called after each replication: done and total replications of the whole experiment. */
  onProgress?: (done: number, total: number, label: string) => void;
}

/** The seed of replication r: the same for every sweep point (common random numbers). */
export function replicationSeed(seed: string | number, r: number): string {
  return deriveSeed(seed, `replication-${r}`);
}

/**
 * Runs every point of a prepared experiment, in order, on this thread.
 * When stopped, returns the points already complete and marks the results
 * partial (the caller decides what to keep).
 */
export function runExperiment(
  prepared: PreparedExperiment,
  options: RunOptions = {},
): ExperimentResults {
  const { spec } = prepared;
  const total = prepared.points.length * spec.replications;
  let done = 0;
  const points: PointResult[] = [];
  let partial = false;
  try {
    for (const point of prepared.points) {
      const reps: ReplicationData[] = [];
      for (let r = 0; r < spec.replications; r++) {
        reps.push(runReplication(point.resolved, replicationSeed(spec.seed, r), options));
        options.onProgress?.(++done, total, point.label);
      }
      points.push(aggregatePoint(point, reps));
    }
  } catch (e) {
    if (!(e instanceof RunStopped)) throw e;
    partial = true;
  }
  return assembleResults(prepared, points, partial);
}

export function assembleResults(
  prepared: PreparedExperiment,
  points: PointResult[],
  partial: boolean,
): ExperimentResults {
  const { spec, axes } = prepared;
  return {
    coldtail: { version: VERSION },
    experiment: {
      name: spec.name,
      description: spec.description,
      title: spec.title ?? spec.description,
    },
    seed: spec.seed,
    replications: spec.replications,
    duration: spec.duration,
    warmup: spec.warmup,
    axes: axes.map((a) => ({
      path: a.path,
      name: a.name,
      values: a.values.map((v) =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? v
          : JSON.stringify(v),
      ),
    })),
    points,
    partial,
  };
}
