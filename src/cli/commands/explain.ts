import type { Argv } from 'yargs';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';
import { check, RUN_OPTIONS, type RunArgs, specOverrides } from '../options.ts';

// Explain runs one point on this thread and prints only its explanation: no --threads, no -q.
const { seed, replications, models, 'max-points': maxPoints, force } = RUN_OPTIONS;

interface Args extends Omit<RunArgs, 'quiet' | 'threads'> {
  experiment: string;
  point: number;
}

export const explainCommand: Command<Args> = {
  command: 'explain <experiment>',
  describe: 'Explain where the time goes for one sweep point, at p50 and p99, stage by stage',
  builder: (y: Argv<object>) =>
    y
      .positional('experiment', {
        type: 'string',
        demandOption: true,
        describe: 'An experiment file',
      })
      .options({ seed, replications, models, 'max-points': maxPoints, force })
      .option('point', {
        requiresArg: true,
        default: 0,
        describe: 'Which sweep point (0-based, as run prints them)',
      })
      .check(check)
      .example('$0 explain experiments/geography.json', 'the first sweep point')
      .example('$0 explain my.json --point 2', 'the third one'),
  run: async (argv: Args, io: Io) => {
    const { explainOne } = await import('../../node/explainOne.ts');
    const { checkWork } = await import('../workGuard.ts');
    return explainOne(
      {
        file: argv.experiment,
        point: argv.point,
        models: argv.models,
        maxPoints: argv.maxPoints,
        overrides: specOverrides(argv),
      },
      io,
      (one) => checkWork(one, argv.force),
    );
  },
};
