import { Histogram } from '../metrics/histogram.ts';
import { deriveSeed } from '../random/streams.ts';
import { VERSION } from '../version.ts';
import { aggregatePoint } from './aggregate.ts';
import type { PreparedExperiment } from './prepare.ts';
import type { ReplicationData } from './recorder.ts';
import { replicationSteps } from './replication.ts';
import type { ExperimentResults, PointResult } from './results.ts';

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
}

/** The seed of replication r: the same for every sweep point (common random numbers). */
export function replicationSeed(seed: string | number, r: number): string {
  return deriveSeed(seed, `replication-${r}`);
}

class Stopped extends Error {}

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
  const { spec } = prepared;
  const total = prepared.points.length * spec.replications;
  let done = 0;
  const points: PointResult[] = [];
  const histograms: Histogram[] = [];
  let partial = false;
  try {
    for (const point of prepared.points) {
      const reps: ReplicationData[] = [];
      for (let r = 0; r < spec.replications; r++) {
        const steps = replicationSteps(point.resolved, replicationSeed(spec.seed, r));
        for (;;) {
          const step = steps.next();
          if (step.done) {
            reps.push(step.value);
            break;
          }
          if (options.shouldStop?.()) throw new Stopped();
          yield;
        }
        options.onProgress?.(++done, total, point.label);
        if (options.shouldStop?.()) throw new Stopped();
        yield;
      }
      points.push(aggregatePoint(point, reps));
      const merged = new Histogram();
      for (const rep of reps) merged.add(rep.endToEnd);
      histograms.push(merged);
    }
  } catch (e) {
    if (!(e instanceof Stopped)) throw e;
    partial = true;
  }
  return { results: assembleResults(prepared, points, partial), histograms };
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
