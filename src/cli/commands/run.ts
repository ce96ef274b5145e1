import type { Argv } from 'yargs';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';
import { check, RUN_OPTIONS, type RunArgs, specOverrides } from '../options.ts';

interface Args extends RunArgs {
  experiment: string;
  out?: string;
  json: boolean;
  shard?: string;
  charts: boolean;
}

export const runCommand: Command<Args> = {
  command: 'run <experiment>',
  describe: 'Run an experiment: print its percentiles and write results to output/<name>/',
  builder: (y: Argv<object>) =>
    y
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
      .option('charts', {
        type: 'boolean',
        default: true,
        describe: 'Draw the charts: spec, SVG, PNG (--no-charts: none)',
      })
      .option('shard', {
        type: 'string',
        describe: 'Run slice K of N of the runs and write shard-K-of-N.json for "coldtail merge"',
      })
      .check(check)
      .example('$0 run experiments/chain-depth.json', 'p50..p99.9 against chain depth per platform')
      .example('$0 run my.json --seed 7 --replications 20', 'another seed, more runs')
      .example('$0 run my.json --out /tmp/my', 'results somewhere else')
      .example('$0 run my.json --shard 3/8', 'one machine of eight'),
  run: async (argv: Args, io: Io) => {
    // The work is loaded only when the command runs: --help and --version stay instant.
    const [{ runOne }, { parseShard }, { checkWork }, { checkCharts }] = await Promise.all([
      import('../../node/runOne.ts'),
      import('../../node/shards/index.ts'),
      import('../workGuard.ts'),
      import('../checkCharts.ts'),
    ]);
    return runOne(
      {
        file: argv.experiment,
        models: argv.models,
        maxPoints: argv.maxPoints,
        overrides: specOverrides(argv),
        out: argv.out,
        json: argv.json,
        charts: argv.charts,
        quiet: argv.quiet,
        threads: argv.threads,
        shard: argv.shard !== undefined ? parseShard(argv.shard) : undefined,
      },
      io,
      (prepared) => {
        checkWork(prepared, argv.force);
        if (argv.charts) checkCharts(prepared);
      },
    );
  },
};
