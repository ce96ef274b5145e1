import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { resultsTable } from '../../experiments/resultsTable.ts';
import { drawCharts } from '../../node/drawCharts.ts';
import { EXIT_INTERRUPTED, watchInterrupts } from '../../node/interrupt.ts';
import { loadExperiment } from '../../node/loadExperiment.ts';
import { runToFiles } from '../../node/runToFiles.ts';
import { parseShard } from '../../node/shards.ts';
import { checkCharts } from '../checkCharts.ts';
import { applyOverrides, check, RUN_OPTIONS, type RunArgs, specOverrides } from '../options.ts';
import { checkWork } from '../workGuard.ts';

interface Args extends RunArgs {
  experiment: string;
  out?: string;
  json: boolean;
  shard?: string;
  charts: boolean;
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
      .option('charts', {
        type: 'boolean',
        default: true,
        describe: 'Draw the charts (spec, SVG, PNG); --no-charts to skip',
      })
      .option('shard', {
        type: 'string',
        describe: 'Run slice K of N of the runs and write shard-K-of-N.json for "coldtail merge"',
      })
      .check(check)
      .example('$0 run experiments/chain-depth.json', 'p50..p99.9 against chain depth per platform')
      .example('$0 run my.json --seed 7 --replications 20 --out /tmp/my', 'another seed, more runs')
      .example(
        '$0 run my.json --shard 3/8 --out shards/3',
        'one machine of eight',
      ) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const shard = argv.shard !== undefined ? parseShard(argv.shard) : undefined;
    const overrides = specOverrides(argv);
    const prepared = loadExperiment(argv.experiment, {
      models: argv.models,
      maxPoints: argv.maxPoints,
      transform: (raw) => applyOverrides(raw, overrides),
    });
    checkWork(prepared, argv.force);
    if (argv.charts) checkCharts(prepared);
    const interrupts = watchInterrupts();
    try {
      const source = {
        file: argv.experiment,
        models: argv.models,
        maxPoints: argv.maxPoints,
        overrides,
      };
      const { output, dir, stopped } = await runToFiles(prepared, source, {
        out: argv.out,
        quiet: argv.quiet || argv.json,
        shouldStop: interrupts.requested,
        threads: argv.threads,
        shard,
      });
      if (stopped) {
        const kept = output
          ? `kept ${output.results.points.length} complete points in ${dir}/ (marked partial)`
          : 'no shard file written';
        process.stderr.write(`coldtail: interrupted; ${kept}\n`);
        process.exitCode = EXIT_INTERRUPTED;
        return;
      }
      if (output !== null && argv.charts) {
        await drawCharts(dir, output.results, { charts: prepared.spec.charts });
      }
      if (output === null) {
        if (!argv.quiet)
          process.stdout.write(`wrote ${dir}/shard-${shard!.index}-of-${shard!.count}.json\n`);
      } else if (argv.json) {
        process.stdout.write(`${JSON.stringify(output.results, null, 2)}\n`);
      } else if (!argv.quiet) {
        process.stdout.write(`${resultsTable(output.results)}\n\nwrote ${dir}/\n`);
      }
    } finally {
      interrupts.dispose();
    }
  },
};
