import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { resultsTable } from '../../experiments/resultsTable.ts';
import { EXIT_INTERRUPTED, watchInterrupts } from '../../node/interrupt.ts';
import { loadExperiment } from '../../node/loadExperiment.ts';
import { runToFiles } from '../../node/runToFiles.ts';
import { check, overrideSpec, RUN_OPTIONS, type RunArgs } from '../options.ts';

interface Args extends RunArgs {
  experiment: string;
  out?: string;
  json: boolean;
}

export const runCommand: CommandModule<object, Args> = {
  command: 'run <experiment>',
  describe: 'Run an experiment: print its percentiles and write results to output/<name>/',
  builder: (y) =>
    (y as Argv<object>)
      .positional('experiment', {
        type: 'string',
        demandOption: true,
        describe: 'An experiment file',
      })
      .options(RUN_OPTIONS)
      .option('out', {
        type: 'string',
        describe: 'Output folder (default output/<experiment name>)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print results.json to standard output instead of the table',
      })
      .check(check)
      .example('$0 run experiments/chain-depth.json', 'p50..p99.9 against chain depth per platform')
      .example(
        '$0 run my.json --seed 7 --replications 20 --out /tmp/my',
        'another seed, more runs',
      ) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const prepared = loadExperiment(argv.experiment, {
      models: argv.models,
      maxPoints: argv.maxPoints,
      transform: (raw) => overrideSpec(raw, argv),
    });
    const interrupts = watchInterrupts();
    try {
      const { output, dir } = await runToFiles(prepared, {
        out: argv.out,
        quiet: argv.quiet || argv.json,
        shouldStop: interrupts.requested,
      });
      if (argv.json) process.stdout.write(`${JSON.stringify(output.results, null, 2)}\n`);
      else if (!argv.quiet)
        process.stdout.write(`${resultsTable(output.results)}\n\nwrote ${dir}/\n`);
      if (output.results.partial) {
        process.stderr.write(
          `coldtail: interrupted; kept ${output.results.points.length} complete points in ${dir}/ (marked partial)\n`,
        );
        process.exitCode = EXIT_INTERRUPTED;
      }
    } finally {
      interrupts.dispose();
    }
  },
};
