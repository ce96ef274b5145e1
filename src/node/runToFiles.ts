import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import {
  assembleUnits,
  headerOf,
  type RunOutput,
  unitsOf,
  workItems,
} from '../experiments/runExperiment.ts';
import type { Writer } from './io.ts';
import { writing } from './outputFolder.ts';
import { ProgressBar } from './progress.ts';
import { type Shard, shardWork, writeShard } from './shards/index.ts';
import { type ExperimentSource, runUnitsOnThreads } from './threads.ts';
import { writeOutputs } from './writeOutputs.ts';

export interface RunToFilesOptions {
  out?: string;
  quiet?: boolean;
  shouldStop?: () => boolean;
  /** Label for the progress bar when several experiments run in turn. */
  prefix?: string;
  /** Worker threads (default: the number of cores); 1 runs on this thread. */
  threads?: number;
  /** Run only this slice of the units and write a shard file for `coldtail merge`. */
  shard?: Shard;
  /** Where the progress bar goes (drawn only on a terminal); default standard error. */
  progress?: Writer;
  /** A replication runs again whole (a region whose shared limit or cluster may have run short). */
  onRunAgain?: () => void;
}

export function defaultThreads(): number {
  return availableParallelism();
}

/** The default output folder of an experiment: output/<name>/. */
export function defaultOutDir(prepared: PreparedExperiment): string {
  return join('output', prepared.spec.name);
}

/**
 * Runs an experiment's units on threads with a progress bar and writes its
 * files (or, for a shard, its shard file). Interrupted runs still write the
 * points already complete, marked partial; with none complete they write
 * nothing, so that the folder keeps the previous run whole. `output` is null
 * when no results were written (a shard, or nothing complete). Write
 * failures are OutputErrors.
 */
export async function runToFiles(
  prepared: PreparedExperiment,
  source: ExperimentSource,
  options: RunToFilesOptions = {},
): Promise<{ output: RunOutput | null; dir: string; stopped: boolean }> {
  const bar = options.quiet ? null : new ProgressBar(options.progress);
  const prefix = options.prefix ? `${options.prefix} ` : '';
  const header = headerOf(prepared);
  const work = options.shard
    ? shardWork(workItems(header), options.shard)
    : { units: unitsOf(header), only: undefined };
  const units = work.units;
  const dir = options.out ?? defaultOutDir(prepared);
  let result: Awaited<ReturnType<typeof runUnitsOnThreads>>;
  try {
    result = await runUnitsOnThreads(prepared, source, units, {
      threads: options.threads ?? defaultThreads(),
      only: work.only,
      shouldStop: options.shouldStop,
      onRunAgain: () => options.onRunAgain?.(),
      onUnit: (unit, done, total) =>
        bar?.update(done, total, `${prefix}${header.points[unit.point].label}`),
    });
  } finally {
    bar?.done();
  }
  const { stopped, data, parts } = result;
  if (options.shard) {
    const shard = options.shard;
    if (!stopped)
      await writing('no shard file written', () => writeShard(dir, prepared, shard, data, parts));
    return { output: null, dir, stopped };
  }
  const output = assembleUnits(header, data, stopped);
  if (output.results.points.length === 0) return { output: null, dir, stopped };
  await writing('no results.json written', () => writeOutputs(dir, output));
  return { output, dir, stopped };
}
