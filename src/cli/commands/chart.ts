import { dirname } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { chartOptions } from '../../charts/chartsFor.ts';
import type { ExperimentResults } from '../../experiments/results.ts';
import { drawCharts } from '../../node/drawCharts.ts';
import { readJson } from '../../node/files.ts';
import { InputError } from '../../node/inputError.ts';

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
    const results = readJson(argv.results) as ExperimentResults;
    if (
      !results ||
      typeof results !== 'object' ||
      !Array.isArray(results.points) ||
      !results.experiment
    ) {
      throw new InputError(
        `${argv.results}: not a coldtail results.json (no "experiment" and "points")`,
      );
    }
    const dir = argv.out ?? dirname(argv.results);
    let charts: Awaited<ReturnType<typeof drawCharts>>;
    try {
      // The experiment's own charts and their options, unless --charts names others
      // (which still take the experiment's options for them).
      const own = results.experiment.charts;
      charts = await drawCharts(dir, results, {
        charts: argv.charts ?? own,
        options: own ? chartOptions({ charts: own }) : undefined,
      });
    } catch (e) {
      // An unknown chart name is the user's input; its message already says so.
      if (argv.charts && e instanceof Error && /chart/i.test(e.message))
        throw new InputError(`--charts: ${e.message}`);
      throw e;
    }
    if (!argv.quiet)
      process.stdout.write(`drew ${charts.map((c) => c.name).join(', ')} in ${dir}/\n`);
  },
};
