import type { Argv } from 'yargs';
import { InputError } from '../../node/inputError.ts';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';
import { check, RUN_OPTIONS } from '../options.ts';

interface Args {
  experiments: unknown;
  out: string;
  threads?: number;
  quiet: boolean;
  playground: boolean;
}

export const startCommand: Command<Args> = {
  command: 'start',
  describe:
    'Run every shipped experiment, draw its charts and write output/report.html (npm start)',
  builder: (y: Argv<object>) =>
    y
      .option('experiments', {
        type: 'string',
        default: 'experiments',
        describe: 'Folder of experiment files',
      })
      .option('out', { type: 'string', default: 'output', describe: 'Output folder' })
      .option('threads', RUN_OPTIONS.threads)
      .option('quiet', RUN_OPTIONS.quiet)
      .option('playground', {
        type: 'boolean',
        default: true,
        describe: 'Also build the playground page into <out>/playground/ (--no-playground to skip)',
      })
      .check(check)
      .example('$0 start', 'every experiment of experiments/, then output/report.html')
      .example('$0 start --experiments mine/', 'your own experiments'),
  run: async (argv: Args, io: Io) => {
    const experiments = argv.experiments;
    if (typeof experiments !== 'string' || experiments.trim() === '') {
      throw new InputError(
        `--experiments: ${Array.isArray(experiments) ? 'given more than once' : 'must not be empty'}`,
      );
    }
    const [{ runAll }, { checkCharts }] = await Promise.all([
      import('../../node/runAll.ts'),
      import('../checkCharts.ts'),
    ]);
    return runAll(
      {
        experiments,
        out: argv.out,
        threads: argv.threads,
        quiet: argv.quiet,
        playground: argv.playground,
      },
      io,
      checkCharts,
    );
  },
};
