import { join } from 'node:path';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import { type RunOutput, runExperimentAsync } from '../experiments/runExperiment.ts';
import { ProgressBar } from './progress.ts';
import { writeOutputs } from './writeOutputs.ts';

export interface RunToFilesOptions {
  out?: string;
  quiet?: boolean;
  shouldStop?: () => boolean;
  /** Label for the progress bar when several experiments run in turn. */
  prefix?: string;
}

/** The default output folder of an experiment: output/<name>/. */
export function defaultOutDir(prepared: PreparedExperiment): string {
  return join('output', prepared.spec.name);
}

/**
 * Runs an experiment with a progress bar and writes its files. Interrupted
 * runs still write the points already complete, marked partial.
 */
export async function runToFiles(
  prepared: PreparedExperiment,
  options: RunToFilesOptions = {},
): Promise<{ output: RunOutput; dir: string }> {
  const bar = options.quiet ? null : new ProgressBar();
  const prefix = options.prefix ? `${options.prefix} ` : '';
  let output: RunOutput;
  try {
    output = await runExperimentAsync(prepared, {
      onProgress: (done, total, label) => bar?.update(done, total, `${prefix}${label}`),
      shouldStop: options.shouldStop,
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    });
  } finally {
    bar?.done();
  }
  const dir = options.out ?? defaultOutDir(prepared);
  writeOutputs(dir, output);
  return { output, dir };
}
