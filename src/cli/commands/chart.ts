import { dirname } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import {
  type ChartName,
  type ChartRequest,
  ChartRequestError,
  chartOptions,
  undrawable,
} from '../../charts/chartsFor.ts';
import { drawCharts } from '../../node/drawCharts.ts';
import { InputError } from '../../node/inputError.ts';
import { checkOutputFolder } from '../../node/outputFolder.ts';
import { readResults } from '../../node/readResults.ts';

interface Args {
  results: string;
  out?: string;
  charts?: string[];
  quiet: boolean;
}

export const chartCommand: CommandModule<object, Args> = {
  command: 'chart <results>',
  describe: 'Redraw the charts of saved results (results.json) without running again',
  builder: (y) =>
    (y as Argv<object>)
      .positional('results', {
        type: 'string',
        demandOption: true,
        describe: 'A results.json file',
      })
      .option('out', {
        type: 'string',
        describe: 'Folder for the charts (default: beside results.json)',
      })
      .option('charts', {
        type: 'array',
        string: true,
        describe: "Which charts (default: the experiment's own list, else chosen from the sweep)",
      })
      .option('quiet', { type: 'boolean', alias: 'q', default: false })
      .example(
        '$0 chart output/chain-depth/results.json',
        'percentile curves again',
      ) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const file = argv.results;
    const dir = argv.out ?? dirname(file);
    checkOutputFolder(dir, argv.out === undefined ? undefined : '--out');
    const results = readResults(file);
    // The experiment's own charts and their options, unless --charts names others
    // (which still take the experiment's options for them).
    const own = results.experiment.charts;
    const requests: readonly ChartRequest[] | undefined = argv.charts ?? own;
    let charts: Awaited<ReturnType<typeof drawCharts>>;
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
        argv.charts ? `--charts: ${e.message}` : `${file}: experiment.charts: ${e.message}`,
      );
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
      process.stderr.write(`coldtail: ${file}: ${s.name} not drawn: ${s.why}\n`);
    }
    if (!argv.quiet)
      process.stdout.write(`drew ${charts.map((c) => c.name).join(', ')} in ${dir}/\n`);
  },
};
