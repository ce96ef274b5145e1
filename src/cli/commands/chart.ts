import type { Argv } from 'yargs';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';
import { RUN_OPTIONS } from '../options.ts';

interface Args {
  results: string;
  out?: string;
  charts?: string[];
  quiet: boolean;
}

export const chartCommand: Command<Args> = {
  command: 'chart <results>',
  describe: 'Redraw the charts of saved results (results.json) without running again',
  builder: (y: Argv<object>) =>
    y
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
      .option('quiet', RUN_OPTIONS.quiet)
      .example('$0 chart output/chain-depth/results.json', 'percentile curves again')
      .example('$0 chart results.json --charts tailPlot', 'one chart only'),
  run: async (argv: Args, io: Io) => {
    const { chartResults } = await import('../../node/chartResults.ts');
    return chartResults(
      { file: argv.results, out: argv.out, charts: argv.charts, quiet: argv.quiet },
      io,
    );
  },
};
