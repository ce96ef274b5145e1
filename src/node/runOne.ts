import type { PreparedExperiment } from '../experiments/prepare.ts';
import { watchPlans, wholeNote } from '../experiments/regionSplit.ts';
import { resultsTable } from '../experiments/resultsTable.ts';
import { ranAgainNote } from '../experiments/sharedCheck.ts';
import { reportInterrupted, runSteps, yieldToSignals } from './interrupt.ts';
import type { Io } from './io.ts';
import { loadExperimentSteps, newInputs } from './loadExperiment.ts';
import { checkOutputFolder } from './outputFolder.ts';
import { applyOverrides } from './overrides.ts';
import { runAndDraw } from './runAndDraw.ts';
import { defaultOutDir } from './runToFiles.ts';
import type { Shard } from './shards/index.ts';

export interface RunOneRequest {
  file: string;
  models?: string[];
  maxPoints?: number;
  /** Top-level fields set over the file's (--seed, --replications). */
  overrides?: Record<string, unknown>;
  /** The output folder given with --out; default output/<name>. */
  out?: string;
  /** Print results.json on standard output instead of the table. */
  json: boolean;
  charts: boolean;
  quiet: boolean;
  threads?: number;
  shard?: Shard;
}

/**
 * `coldtail run`: reads and checks the experiment once (the worker threads get what was
 * read), applies the caller's checks (`check`: the work guard, the chart names), checks
 * the output folder, then runs, writes and draws, and prints the table. Returns the exit
 * code (0, or 130 interrupted); bad input throws.
 */
export async function runOne(
  req: RunOneRequest,
  io: Io,
  check: (prepared: PreparedExperiment) => void = () => {},
): Promise<number> {
  // Ctrl-C is looked at after each phase before the run (loading this code, reading and
  // checking the input, the work estimate): each can take seconds for a large input on a
  // loaded machine, and a signal during them waited for all of them.
  // The phases are synchronous: a signal during one reaches its listener only once the
  // event loop has had a turn.
  const before = async () => {
    await yieldToSignals();
    return io.interrupts.requested()
      ? reportInterrupted(io.stderr, ' before starting; nothing written')
      : null;
  };
  let stopped = await before();
  if (stopped !== null) return stopped;
  const inputs = newInputs();
  // In steps: a graph of tens of thousands of functions, or a large sweep, takes seconds to check.
  const loaded = await runSteps(
    loadExperimentSteps(req.file, {
      models: req.models,
      maxPoints: req.maxPoints,
      transform: (raw) => applyOverrides(raw, req.overrides),
      inputs,
    }),
    io.interrupts,
  );
  if (loaded === null) return reportInterrupted(io.stderr, ' before starting; nothing written');
  const prepared = loaded.value;
  stopped = await before();
  if (stopped !== null) return stopped;
  check(prepared);
  // A region that threads or shards cannot split by function says why, once.
  if (req.threads !== 1 || req.shard !== undefined) {
    const note = wholeNote(prepared);
    if (note !== null) io.stderr.write(`note: ${req.file}: ${note}\n`);
  }
  const dir = req.out ?? defaultOutDir(prepared);
  const outOption = req.out === undefined ? undefined : '--out';
  // Before the run: a folder it cannot write would waste the whole run.
  checkOutputFolder(dir, outOption);
  stopped = await before();
  if (stopped !== null) return stopped;
  const source = {
    file: req.file,
    models: req.models,
    maxPoints: req.maxPoints,
    overrides: req.overrides,
    inputs,
  };
  let ranAgain = 0;
  const outcome = await runAndDraw(prepared, source, {
    out: dir,
    outOption,
    quiet: req.quiet || req.json,
    threads: req.threads,
    shard: req.shard,
    charts: req.charts,
    interrupts: io.interrupts,
    progress: io.stderr,
    onRunAgain: () => ranAgain++,
  });
  if (outcome.interrupted) return reportInterrupted(io.stderr, `; ${outcome.kept}`);
  const again = ranAgainNote(ranAgain, watchPlans(prepared));
  if (again !== null) io.stderr.write(`note: ${req.file}: ${again}\n`);
  const { output } = outcome;
  if (output === null) {
    if (!req.quiet) {
      io.stdout.write(`wrote ${dir}/shard-${req.shard!.index}-of-${req.shard!.count}.json\n`);
    }
  } else if (req.json) {
    io.stdout.write(`${JSON.stringify(output.results, null, 2)}\n`);
  } else if (!req.quiet) {
    io.stdout.write(`${resultsTable(output.results)}\n\nwrote ${dir}/\n`);
  }
  return 0;
}
