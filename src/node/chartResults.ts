import { dirname } from 'node:path';
import {
  type ChartName,
  type ChartRequest,
  ChartRequestError,
  chartOptions,
  undrawable,
} from '../charts/chartsFor.ts';
import { drawCharts } from './drawCharts.ts';
import { InputError } from './inputError.ts';
import type { Io } from './io.ts';
import { checkOutputFolder, lockOutputFolder } from './outputFolder.ts';
import { readResults } from './readResults.ts';

export interface ChartRequestArgs {
  /** A results.json file. */
  file: string;
  /** Folder for the charts (default: beside the file). */
  out?: string;
  /** Chart names given with --charts. */
  charts?: string[];
  quiet: boolean;
}

/** `coldtail chart`: redraws the charts of a saved results.json. Returns the exit code. */
export async function chartResults(req: ChartRequestArgs, io: Io): Promise<number> {
  const file = req.file;
  const dir = req.out ?? dirname(file);
  const outOption = req.out === undefined ? undefined : '--out';
  checkOutputFolder(dir, outOption);
  const results = readResults(file);
  // The experiment's own charts and their options, unless --charts names others
  // (which still take the experiment's options for them).
  const own = results.experiment.charts;
  const requests: readonly ChartRequest[] | undefined = req.charts ?? own;
  let charts: Awaited<ReturnType<typeof drawCharts>>;
  const release = lockOutputFolder(dir, outOption);
  try {
    // The file passed its schema: an error while drawing it is coldtail's, not the file's.
    charts = await drawCharts(dir, results, {
      charts: requests,
      options: own ? chartOptions({ charts: own }) : undefined,
    });
  } catch (e) {
    // A bad chart name or option is the user's: on the command line, or in the file.
    if (!(e instanceof ChartRequestError)) throw e;
    throw new InputError(
      req.charts ? `--charts: ${e.message}` : `${file}: experiment.charts: ${e.message}`,
    );
  } finally {
    release();
  }
  // Charts the results cannot support are skipped by drawCharts: say which, and why.
  const drawn = (name: string) =>
    charts.some((c) => c.name === name || c.name.startsWith(`${name}-`));
  const skipped = (requests ?? [])
    .map((r) => (typeof r === 'string' ? r : r.name))
    .filter((name) => !drawn(name))
    .map((name) => ({
      name,
      why: undrawable(results, name as ChartName) ?? 'its options select nothing to draw',
    }));
  if (charts.length === 0) {
    const why =
      skipped.length > 0
        ? skipped.map((s) => `${s.name} (${s.why})`).join(', ')
        : (undrawable(results, 'latencyCdf') ?? 'the results hold nothing to draw');
    throw new InputError(`${file}: no chart can be drawn: ${why}`);
  }
  for (const s of skipped) {
    io.stderr.write(`coldtail: ${file}: ${s.name} not drawn: ${s.why}\n`);
  }
  if (!req.quiet) io.stdout.write(`drew ${charts.map((c) => c.name).join(', ')} in ${dir}/\n`);
  return 0;
}
