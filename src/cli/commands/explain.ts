import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { explainPoint } from '../../experiments/explain.ts';
import { runExperimentAsync } from '../../experiments/runExperiment.ts';
import { InputError } from '../../node/inputError.ts';
import { EXIT_INTERRUPTED, watchInterrupts } from '../../node/interrupt.ts';
import { loadExperiment } from '../../node/loadExperiment.ts';
import { applyOverrides, check, RUN_OPTIONS, type RunArgs, specOverrides } from '../options.ts';
import { checkWork } from '../workGuard.ts';

// Explain runs one point on this thread and prints only its explanation: no --threads, no -q.
const { seed, replications, models, 'max-points': maxPoints, force } = RUN_OPTIONS;

interface Args extends Omit<RunArgs, 'quiet' | 'threads'> {
  experiment: string;
  point: number;
}

export const explainCommand: CommandModule<object, Args> = {
  command: 'explain <experiment>',
  describe: 'Explain where the time goes for one sweep point, at p50 and p99, stage by stage',
  builder: (y) =>
    (y as Argv<object>)
      .positional('experiment', { type: 'string', demandOption: true })
      .options({ seed, replications, models, 'max-points': maxPoints, force })
      .option('point', {
        type: 'number',
        default: 0,
        describe: 'Which sweep point (0-based, as run prints them)',
      })
      .check(check)
      .example(
        '$0 explain experiments/invocation-path.json --point 2',
        'the third platform',
      ) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const prepared = loadExperiment(argv.experiment, {
      models: argv.models,
      maxPoints: argv.maxPoints,
      transform: (raw) => applyOverrides(raw, specOverrides(argv)),
    });
    const n = prepared.points.length;
    if (argv.point >= n) {
      throw new InputError(
        `--point: the experiment has ${n} point${n === 1 ? '' : 's'} (0 to ${n - 1}); got ${argv.point}`,
      );
    }
    const one = { ...prepared, points: [prepared.points[argv.point]] };
    checkWork(one, argv.force);
    const interrupts = watchInterrupts();
    try {
      const { results } = await runExperimentAsync(one, {
        shouldStop: interrupts.requested,
        pause: () => new Promise((resolve) => setImmediate(resolve)),
      });
      if (results.partial) {
        process.stderr.write('coldtail: interrupted; nothing to explain\n');
        process.exitCode = EXIT_INTERRUPTED;
        return;
      }
      process.stdout.write(
        `${explainPoint(results.points[0], one.points[0].resolved.client.name)}\n`,
      );
    } finally {
      interrupts.dispose();
    }
  },
};
