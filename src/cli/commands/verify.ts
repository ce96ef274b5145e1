import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { formatCoverage, formatVerifyTable, runCoverage, runVerify } from '../../verify/index.ts';
import { check, specOverrides } from '../options.ts';

interface Args {
  quick: boolean;
  coverage: boolean;
  json: boolean;
  seed?: string;
  notes: boolean;
}

export const verifyCommand: CommandModule<object, Args> = {
  command: 'verify',
  describe:
    'Check the simulator against queueing theory and the founding article (exit 1 if a case fails)',
  builder: (y) =>
    (y as Argv<object>)
      .option('quick', {
        type: 'boolean',
        default: false,
        describe: 'A few seconds, with wider (still honest) intervals',
      })
      .option('coverage', {
        type: 'boolean',
        default: false,
        describe:
          "Instead: check that results' 95% intervals cover the truth 95% of the time (a few minutes)",
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the rows as JSON' })
      .option('seed', { type: 'string', describe: 'Master seed (default 1)' })
      .option('notes', {
        type: 'boolean',
        default: true,
        describe: 'List how each row was measured (--no-notes to hide)',
      })
      .check(check)
      .example('$0 verify', 'the full suite, under a minute')
      .example('$0 verify --quick --json', 'as JSON, in a few seconds')
      .example(
        '$0 verify --coverage',
        'the coverage of the 95% intervals',
      ) as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    const seed = specOverrides({ seed: argv.seed }).seed as string | number | undefined;
    const tty = process.stderr.isTTY && !argv.json;
    if (argv.coverage) {
      const rows = runCoverage({
        seed,
        onTrial: tty
          ? (done, trials) =>
              process.stderr.write(`\r\x1b[Kcoverage: ${done}/${trials} experiments`)
          : undefined,
      });
      if (tty) process.stderr.write('\r\x1b[K');
      process.stdout.write(
        argv.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatCoverage(rows)}\n`,
      );
      if (rows.some((r) => !r.pass)) process.exitCode = 1;
      return;
    }
    const rows = runVerify({
      quick: argv.quick,
      seed,
      onCase: tty ? (name) => process.stderr.write(`\r\x1b[Kverifying ${name}...`) : undefined,
    });
    if (tty) process.stderr.write('\r\x1b[K');
    process.stdout.write(
      argv.json
        ? `${JSON.stringify(rows, null, 2)}\n`
        : `${formatVerifyTable(rows, { notes: argv.notes })}\n`,
    );
    if (rows.some((r) => !r.pass)) process.exitCode = 1;
  },
};
