import type { ReportChart } from '../charts/report.ts';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import type { RunOutput } from '../experiments/runExperiment.ts';
import { drawCharts } from './drawCharts.ts';
import { yieldToSignals } from './interrupt.ts';
import type { Interrupts, Writer } from './io.ts';
import { lockOutputFolder, writing } from './outputFolder.ts';
import { runToFiles } from './runToFiles.ts';
import type { Shard } from './shards/index.ts';
import type { ExperimentSource } from './threads.ts';

export interface RunAndDrawOptions {
  /** The output folder (checked by the caller before anything runs). */
  out: string;
  /** The option that named it, for messages ("--out"). */
  outOption?: string;
  quiet: boolean;
  threads?: number;
  shard?: Shard;
  /** Draw the charts (spec, SVG, PNG) once the results are written. */
  charts: boolean;
  interrupts: Interrupts;
  /** Where the progress bar goes (only on a terminal). */
  progress: Writer;
  /** Label of the progress bar when several experiments run in turn. */
  prefix?: string;
  /** Said after "results.json is complete, its charts are not" when a chart cannot be written. */
  chartsFailed?: string;
  /** A replication runs again whole (a region whose shared limit or cluster may have run short). */
  onRunAgain?: () => void;
}

/** What a run came to: done (results, or a shard file), or interrupted with what it kept. */
export type RunOutcome =
  | { interrupted: false; output: RunOutput | null; charts: ReportChart[] }
  | { interrupted: true; while: 'running' | 'drawing'; kept: string };

/**
 * One experiment from prepared inputs to files, as `run` and `start` both do it: takes
 * the output folder (a lock: a second run into it is refused), runs the units on threads,
 * writes results (or a shard file), draws the charts, and notices Ctrl-C at every stage,
 * including one that came during the last chart, saying what it kept.
 */
export async function runAndDraw(
  prepared: PreparedExperiment,
  source: ExperimentSource,
  options: RunAndDrawOptions,
): Promise<RunOutcome> {
  const dir = options.out;
  const stop = options.interrupts.requested;
  const release = lockOutputFolder(dir, options.outOption);
  try {
    const { output, stopped } = await runToFiles(prepared, source, {
      out: dir,
      quiet: options.quiet,
      shouldStop: stop,
      threads: options.threads,
      shard: options.shard,
      prefix: options.prefix,
      progress: options.progress,
      onRunAgain: options.onRunAgain,
    });
    if (stopped) {
      const kept = options.shard
        ? 'no shard file written'
        : output
          ? `kept ${output.results.points.length} complete points in ${dir}/ (marked partial)`
          : `no point was complete; nothing written, ${dir}/ left as it was`;
      return { interrupted: true, while: 'running', kept };
    }
    let charts: ReportChart[] = [];
    if (output !== null && options.charts) {
      const after = `results.json is complete, its charts are not${options.chartsFailed ?? ''}`;
      charts = await writing(after, () =>
        drawCharts(dir, output.results, { charts: prepared.spec.charts }, stop),
      );
    }
    // Drawing is synchronous work: a signal that came during the last chart is seen only
    // once the event loop has had a turn.
    await yieldToSignals();
    if (stop()) {
      const n = charts.length;
      const kept = output
        ? `kept the complete results${options.charts ? ` and ${n} chart${n === 1 ? '' : 's'}` : ''} in ${dir}/`
        : `kept ${dir}/shard-${options.shard!.index}-of-${options.shard!.count}.json`;
      return { interrupted: true, while: 'drawing', kept };
    }
    return { interrupted: false, output, charts };
  } finally {
    release();
  }
}
