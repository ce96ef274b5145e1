import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { resultsTable } from '../../experiments/resultsTable.ts';
import { drawCharts } from '../../node/drawCharts.ts';
import { EXIT_INTERRUPTED, watchInterrupts } from '../../node/interrupt.ts';
import { loadExperiment } from '../../node/loadExperiment.ts';
import { checkOutputFolder, writing } from '../../node/outputFolder.ts';
import { defaultOutDir, runToFiles } from '../../node/runToFiles.ts';
import { parseShard } from '../../node/shards/index.ts';
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
    const dir = argv.out ?? defaultOutDir(prepared);
    // Before the run: a folder it cannot write would waste the whole run.
    checkOutputFolder(dir, argv.out === undefined ? undefined : '--out');
    const interrupts = watchInterrupts();
    try {
      const source = {
        file: argv.experiment,
        models: argv.models,
        maxPoints: argv.maxPoints,
        overrides,
      };
      const { output, stopped } = await runToFiles(prepared, source, {
        out: dir,
        quiet: argv.quiet || argv.json,
        shouldStop: interrupts.requested,
        threads: argv.threads,
        shard,
      });
      if (stopped) {
        const kept = shard
          ? 'no shard file written'
          : output
            ? `kept ${output.results.points.length} complete points in ${dir}/ (marked partial)`
            : `no point was complete; nothing written, ${dir}/ left as it was`;
        interrupted(kept);
        return;
      }
      if (output !== null && argv.charts) {
        const hints = { charts: prepared.spec.charts };
        const charts = await writing('results.json is complete, its charts are not', () =>
          drawCharts(dir, output.results, hints, interrupts.requested),
        );
        if (interrupts.requested()) {
          const n = charts.length;
          interrupted(`kept the complete results and ${n} chart${n === 1 ? '' : 's'} in ${dir}/`);
          return;
        }
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

/** Ctrl-C: says what was kept and exits 130. */
function interrupted(kept: string): void {
  process.stderr.write(`coldtail: interrupted; ${kept}\n`);
  process.exitCode = EXIT_INTERRUPTED;
}
