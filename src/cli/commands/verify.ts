import type { Argv } from 'yargs';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';
import { check, specOverrides } from '../options.ts';

interface Args {
  quick: boolean;
  coverage: boolean;
  json: boolean;
  seed?: string;
  notes: boolean;
}

export const verifyCommand: Command<Args> = {
  command: 'verify',
  describe:
    'Check the simulator against queueing theory and the founding article (exit 1 if a case fails)',
  builder: (y: Argv<object>) =>
    y
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
      .example('$0 verify --coverage', 'the coverage of the 95% intervals'),
  run: async (argv: Args, io: Io) => {
    const { formatCoverage, formatVerifyTable, runCoverage, runVerify } = await import(
      '../../verify/index.ts'
    );
    const seed = specOverrides({ seed: argv.seed }).seed as string | number | undefined;
    const tty = io.stderr.isTTY === true && !argv.json;
    if (argv.coverage) {
      const rows = runCoverage({
        seed,
        onTrial: tty
          ? (done, trials) => io.stderr.write(`\r\x1b[Kcoverage: ${done}/${trials} experiments`)
          : undefined,
      });
      if (tty) io.stderr.write('\r\x1b[K');
      io.stdout.write(
        argv.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatCoverage(rows)}\n`,
      );
      return rows.some((r) => !r.pass) ? 1 : 0;
    }
    const rows = runVerify({
      quick: argv.quick,
      seed,
      onCase: tty ? (name) => io.stderr.write(`\r\x1b[Kverifying ${name}...`) : undefined,
    });
    if (tty) io.stderr.write('\r\x1b[K');
    io.stdout.write(
      argv.json
        ? `${JSON.stringify(rows, null, 2)}\n`
        : `${formatVerifyTable(rows, { notes: argv.notes })}\n`,
    );
    return rows.some((r) => !r.pass) ? 1 : 0;
  },
};
